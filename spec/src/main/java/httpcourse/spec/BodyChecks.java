package httpcourse.spec;

import static httpcourse.spec.Check.check;
import static httpcourse.spec.KeepAliveChecks.REQUEST_AS_BODY;
import static httpcourse.spec.BodyRequests.answersWithoutTheBody;
import static httpcourse.spec.BodyRequests.assertBodyNotRead;
import static httpcourse.spec.BodyRequests.chunked;
import static httpcourse.spec.KeepAliveChecks.nextAnswer;
import static httpcourse.spec.BodyRequests.withContentLength;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

/**
 * Step 11: request bodies (RFC 9112 §6 and §7). A body, framed by Content-Length or in chunks (with
 * extensions and trailer lines), is read and forgotten, so that the next request starts at the
 * right byte, however the body arrives and however large it is within a limit. A request whose
 * body's end is in doubt gets 400 and a closed connection; a transfer coding the server does not
 * know, 501. A body too large to read, and one the client waits to send (Expect: 100-continue),
 * is answered at once, the connection then closed.
 */
public final class BodyChecks {

    private BodyChecks() {
    }

    /** An answer larger than the buffers of both sides together: still on its way when the server closes. */
    static final long LARGER_THAN_THE_BUFFERS = 64L << 20;
    /** A body larger than a request head may be, of requests, which a server that misreads it answers. */
    private static final String LARGE_BODY = REQUEST_AS_BODY.repeat(
            KeepAliveChecks.HEAD_LIMIT * 5 / 4 / REQUEST_AS_BODY.length());

    /** A small body in one chunk, and the last chunk. */
    private static final String ONE_CHUNK = chunked(hex(REQUEST_AS_BODY) + "\r\n" + REQUEST_AS_BODY + "\r\n0\r\n\r\n");

    private static final Hint SKIPPED_SHORT = new Hint(Hint.Id.CHUNK_SKIPPED_SHORT, "A small chunk was read right,"
            + " and a large body by its Content-Length, but chunks of over 8 KiB were refused: the server took fewer"
            + " bytes of a chunk than its size says, then the rest for the CRLF after it. InputStream.skip(n) may skip"
            + " fewer than n bytes (it returns how many): skipNBytes(n) skips them all.");

    /** Why a valid chunked body was refused: its framing misread. */
    private static Hint chunksMisread() {
        return new Hint(Hint.Id.CHUNKS_MISREAD, "This chunked body is valid: a chunk is its size in hex digits (\""
                + hex(REQUEST_AS_BODY) + "\" is " + REQUEST_AS_BODY.length() + "), CRLF, that many bytes, CRLF; a chunk"
                + " of size 0 ends them, then trailer lines up to an empty line (RFC 9112 §7.1). Read the size as hex"
                + " (Long.parseLong(size, 16)), then all of the chunk's bytes (skipNBytes: skip(n) may skip fewer),"
                + " and the CRLF after them.");
    }

    public static final Check CONTENT_LENGTH = check(
            "reads and forgets a body framed by Content-Length: the next request starts after it",
            c -> assertBodyNotRead(c, "Content-Length", withContentLength(REQUEST_AS_BODY), true, null, null));

    public static final Check CHUNKED = check("reads and forgets a chunked body, its chunk extensions and trailer"
            + " lines: the next request starts after it", c -> {
        c.inCase("in one chunk", () -> assertBodyNotRead(c, "one chunk", ONE_CHUNK, true, chunksMisread(), null));
        String first = REQUEST_AS_BODY.substring(0, 0x1A);
        String rest = REQUEST_AS_BODY.substring(0x1A);
        c.inCase("in two chunks, a size in capitals (1A), an extension (;part=2)", () -> assertBodyNotRead(c,
                "two chunks, one with an extension", chunked("1A\r\n" + first + "\r\n" + hex(rest) + ";part=2\r\n"
                        + rest + "\r\n0\r\n\r\n"), true, new Hint(Hint.Id.CHUNK_EXTENSION_REFUSED, "The same body in"
                        + " one chunk was read right: this one has a chunk size in capitals (1A) and one followed by"
                        + " an extension (\";part=2\"). A chunk size is hex digits in any letter case, and may be"
                        + " followed by extensions after a \";\", which a server that has no use for them ignores"
                        + " (RFC 9112 §7.1.1)."), null));
        c.inCase("said \"Chunked\", in another letter case", () -> assertBodyNotRead(c, "one chunk, said Chunked",
                chunked(hex(REQUEST_AS_BODY) + "\r\n" + REQUEST_AS_BODY + "\r\n0\r\n\r\n").replace("Transfer-Encoding:"
                        + " chunked", "Transfer-Encoding: Chunked"), true, new Hint(Hint.Id.TRANSFER_CODING_CASE, "The"
                        + " same body said chunked was read right, said Chunked it was not: a transfer coding's name"
                        + " is case-insensitive (RFC 9112 §7), as most names in a head are but the method's. Compare"
                        + " it in one letter case (equalsIgnoreCase)."), null));
        c.inCase("with trailer lines after the last chunk", () -> assertBodyNotRead(c, "chunks and trailer lines",
                chunked(hex(REQUEST_AS_BODY) + "\r\n" + REQUEST_AS_BODY + "\r\n0\r\nX-Checksum: none\r\n"
                        + "X-Note: a trailer line\r\n\r\n"), true, null, new Hint(Hint.Id.CHUNKED_TRAILER_UNREAD, "The"
                        + " same body without trailer lines was read right: the trailer was left unread, and the next"
                        + " request started inside it. After the last chunk (size 0) come trailer lines, fields about"
                        + " the body, up to an empty line (RFC 9112 §7.1.2): read them up to that empty line, and"
                        + " forget them, before the next request.")));
    });

    public static final Check LARGE_BODIES = check(
            "reads and forgets bodies over 8 KiB, by Content-Length and in chunks: a body is no head", c -> {
                // A small body first, so that a failure of the large ones can only come from their size.
                c.inCase("Content-Length, a small body", () -> assertBodyNotRead(c, "Content-Length",
                        withContentLength(REQUEST_AS_BODY), true, null, null));
                c.inCase("Content-Length, over 8 KiB", () -> assertBodyNotRead(c, "Content-Length, over 8 KiB",
                        withContentLength(LARGE_BODY), true, null, null));
                c.inCase("chunked, a small body", () -> assertBodyNotRead(c, "one chunk", ONE_CHUNK, true,
                        chunksMisread(), null));
                String threeChunks = (hex(LARGE_BODY) + "\r\n" + LARGE_BODY + "\r\n").repeat(3) + "0\r\n\r\n";
                c.inCase("chunked, over 8 KiB in three chunks", () -> assertBodyNotRead(c, "chunked, over 8 KiB",
                        chunked(threeChunks), true, SKIPPED_SHORT, null));
            });

    public static final Check TWO_PIECES = check(
            "reads the whole body, even when it comes in two pieces, then the next request after it", c -> {
                String post = "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\n12345";
                String next = Requests.http11Closing("GET", "/ipsum.html");
                try (RawConnection connection = c.server().open()) {
                    connection.send(post);
                    // A pause, so that the body comes in two pieces. An answer may come before the body has (a
                    // client watches for one, RFC 9112 §9.5), as long as the server then reads the rest of it.
                    Pause.sleep(Duration.ofMillis(500));
                    connection.send("67890" + next);
                    Timed first = nextAnswer(c, connection, 1, post, false);
                    c.check(first, post, BodyRequests.methodNotAllowed(c, "a POST whose body came in two pieces"));
                    if (first.exchange().ending() != Exchange.Ending.KEPT_OPEN) {
                        throw BodyRequests.closedAfterABody(c, first.exchange(), "Content-Length", true);
                    }
                    Timed second = nextAnswer(c, connection, 2, next, false);
                    if (second.exchange().response().length > 0
                            && !second.code().equals("200")) {
                        throw FailureReport.failure("The POST was answered, but the request after its body, which came"
                                + " in two pieces (5 bytes, then 5), was not answered with the file.", null,
                                second.reply(), List.of(new Hint(Hint.Id.ANSWERED_BEFORE_BODY, "A request is whole"
                                        + " once its body has come, all Content-Length bytes of it: read (or skip) them"
                                        + " all, those that have come and those still on their way, before the next"
                                        + " request. Here the body, or its end, was read as the start of the next"
                                        + " request.")));
                    }
                    c.check(second, next, c.file("/ipsum.html").when("the request after that POST"));
                }
            });

    public static final Check EXPECT_CONTINUE = check(
            "answers a request that says Expect: 100-continue without waiting for its body", c -> {
                Hint ignored = new Hint(Hint.Id.EXPECT_CONTINUE_IGNORED, "\"Expect: 100-continue\" says: the client"
                        + " waits for a word before it sends its body (curl does, for a large body), whatever frames"
                        + " it. A server that waits for the body waits for ever, or until the client (or its own time"
                        + " limit) gives up. Answer at once (RFC 9110 §10.1.1): a file server needs no body, so give"
                        + " the final answer, then close the connection, saying Connection: close; or say \"HTTP/1.1"
                        + " 100 Continue\", then read the body.");
                c.inCase("Expect: 100-continue", () -> answersWithoutTheBody(c, "100-continue", false, ignored));
                c.inCase("Expect: 100-continue, a chunked body", () -> answersWithoutTheBody(c, "100-continue", true,
                        ignored));
                c.inCase("Expect: 100-Continue, in another letter case", () -> answersWithoutTheBody(c, "100-Continue",
                        false, new Hint(Hint.Id.EXPECT_CASE, "The same request said 100-continue was answered, said"
                        + " 100-Continue it was not: the expectation is case-insensitive (RFC 9110 §10.1.1). Compare"
                        + " it in one letter case (equalsIgnoreCase).")));
            });

    private static final String TOO_MANY_DIGITS = "a chunk size that no long holds (17 hex digits)";
    private static final String NO_LONG_HOLDS = "a Content-Length no integer holds";
    private static final String LONGER_THAN_ITS_SIZE = "a chunk longer than its size";

    public static final Check DOUBTFUL_LENGTH = check(
            "answers 400 Bad Request, and closes, when a body's length is in doubt (request smuggling)", c -> {
                String smuggled = Requests.http11("GET", "/about.html");
                String post = "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\n";
                String get = "GET /ipsum.html HTTP/1.1\r\nHost: localhost\r\n";
                List<List<String>> cases = List.of(
                        List.of("Content-Length and Transfer-Encoding together",
                                post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled),
                        List.of("two Content-Length fields that differ", post + "Content-Length: 0\r\nContent-Length: "
                                + smuggled.length() + "\r\n\r\n" + smuggled),
                        List.of("Content-Length: -5", get + "Content-Length: -5\r\n\r\n" + smuggled),
                        List.of("Content-Length: +5", get + "Content-Length: +5\r\n\r\nhello" + smuggled),
                        List.of("Content-Length: five", get + "Content-Length: five\r\n\r\nhello" + smuggled),
                        List.of(NO_LONG_HOLDS,
                                get + "Content-Length: 18446744073709551621\r\n\r\nhello" + smuggled),
                        List.of("Transfer-Encoding in an HTTP/1.0 request", "POST /ipsum.html HTTP/1.0\r\n"
                                + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n" + smuggled),
                        List.of("Transfer-Encoding alone in an HTTP/1.0 request", "POST /ipsum.html HTTP/1.0\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled),
                        List.of("Transfer-Encoding that does not end with chunked",
                                post + "Transfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n" + smuggled),
                        List.of(TOO_MANY_DIGITS, post + "Transfer-Encoding: chunked\r\n\r\n10000000000000000\r\n"
                                + smuggled),
                        List.of("a chunk size that is not hex",
                                post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + smuggled),
                        List.of(LONGER_THAN_ITS_SIZE,
                                post + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcXYZ\r\n0\r\n\r\n" + smuggled));
                for (List<String> doubt : cases) {
                    c.inCase(doubt.get(0), () -> {
                        Timed answer = c.send(doubt.get(1));
                        if (doubt.get(0).contains("chunk size")) {
                            assertChunksRead(c, answer);
                        }
                        Hint mistake = new Hint(Hint.Id.AMBIGUOUS_LENGTH_ACCEPTED, "Where a body ends must be beyond"
                                + " doubt (RFC 9112 §6.3): Content-Length is digits only, one value, never beside"
                                + " Transfer-Encoding, which ends with chunked and comes in HTTP/1.1 only. Otherwise"
                                + " answer 400 and close: a proxy before the server may read the length another way,"
                                + " and a request hidden in the body gets through.");
                        if (doubt.get(0).equals(LONGER_THAN_ITS_SIZE)) {
                            mistake = new Hint(Hint.Id.CHUNK_END_UNCHECKED, "After a chunk's bytes, as many as"
                                    + " its size says, comes CRLF alone (RFC 9112 §7.1): else answer 400, and close. A"
                                    + " longer chunk hides bytes that a proxy before the server may read otherwise.");
                        }
                        if (doubt.get(0).equals(TOO_MANY_DIGITS)) {
                            mistake = new Hint(Hint.Id.AMBIGUOUS_LENGTH_ACCEPTED, "A chunk's size may have more hex"
                                    + " digits than a long holds, and a recipient MUST expect it (RFC 9112 §7.1): bound"
                                    + " the digits (15 at most) before Long.parseLong(size, 16), and answer 400 to more,"
                                    + " not a NumberFormatException that ends the connection without a word.");
                        }
                        if (doubt.get(0).equals(NO_LONG_HOLDS)) {
                            mistake = new Hint(Hint.Id.AMBIGUOUS_LENGTH_ACCEPTED, "18446744073709551621 has more"
                                    + " digits than a long holds: Long.parseLong throws, where the length's test let"
                                    + " any number of digits by. Bound them (\\d{1,18}) before parsing, and answer 400"
                                    + " to more, not a NumberFormatException that ends the connection without a word.");
                        }
                        // A GET not refused: is the same request refused as a POST?
                        if (doubt.get(1).startsWith("GET ") && !isRefused(answer)
                                && isRefused(c.send(doubt.get(1).replaceFirst("GET ", "POST ")))) {
                            mistake = getBodyIgnored();
                        }
                        if (answer.code().equals("405")) { // the method judged first: its body, after the answer?
                            mistake = BodyRequests.readAfterTheAnswer(c).orElse(mistake);
                        }
                        c.check(answer, refusal(c, doubt.get(1), "400 Bad Request", doubt.get(0), mistake.id(),
                                mistake.text()));
                    });
                }
            });

    public static final Check UNKNOWN_CODING = check(
            "answers 501 Not Implemented, and closes, to a transfer coding it does not know (gzip, chunked)",
            c -> assertRefused(c, "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip,"
                            + " chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" + Requests.http11("GET", "/about.html"),
                    "501 Not Implemented",
                    "Transfer-Encoding: gzip, chunked", Hint.Id.WRONG_STATUS, "Transfer-Encoding lists the codings"
                            + " applied to the body, chunked last: its end is known, but a server that knows no gzip"
                            + " cannot read it. It answers 501 Not Implemented (RFC 9112 §6.1), and closes the"
                            + " connection, the body unread."));

    /** How much of a chunked body is sent before its end, unless answered first: past any limit worth having. */
    private static final int CHUNKS_FAIL_SAFE = 16 << 20;

    public static final Check HUGE_BODY_ANSWERED = check("answers at once a request whose body is too large to read"
            + " (5 GB, more than an int holds; chunks past 16 MiB), then closes, saying so, the whole answer sent", c -> {
        String path = "/answer-to-a-huge-body.bin";
        c.webRoot().createSparsePage(path, LARGER_THAN_THE_BUFFERS);
        // GET with a body is rare, but allowed: its answer, a large file, is still on its way at the close.
        try (RawConnection connection = c.server().open()) {
            connection.send(withHugeBody(path, BodyRequests.HUGE_BODY));
            Download answer = new Download(connection);
            if (!answer.start(1 << 20)) {
                boolean closed = answer.head().length == 0 && answer.state() == Download.State.CUT;
                // Closed without a word: an int overflowed, if a body under 2 GiB gets an answer.
                boolean overflowed = closed && answersAtOnce(c, path, Integer.MAX_VALUE);
                throw FailureReport.failure("The server did not answer a GET with a body of 5 GB, of which 64 KiB"
                        + " came" + (closed ? ": it closed the connection." : "."), null, new ServerReply(new Exchange(
                                connection.sentSoFar(), answer.head(), closed ? Exchange.Ending.CLOSED
                                : Exchange.Ending.NOT_CLOSED, connection.age()), c.server()), List.of(overflowed
                                ? BodyRequests.lengthOverflow() : new Hint(Hint.Id.HUGE_BODY_AWAITED, "A file server"
                                + " has no use for a body: above a limit (1 MiB, say), do not wait for it; answer at"
                                + " once, with Connection: close, and close the connection, which the body goes with.")));
            }
            // A pause, as a client on a real network makes: the rest of the answer waits in the buffers.
            Pause.sleep(Duration.ofMillis(200));
            HttpResponse head = HttpResponse.parse(answer.head());
            if (!ResponseReader.says(head, "close")) {
                Hint mistake = saysCloseToAHugePost(c, path) ? getBodyIgnored() : new Hint(
                        Hint.Id.CONNECTION_HEADER_WRONG, "A body left unread leaves the connection where nobody knows"
                        + " where the next request starts: the server closes it, and says so first, with Connection:"
                        + " close (RFC 9112 §9.6).");
                throw FailureReport.failure("The answer to a GET with a body of 5 GB, which the server did not read,"
                        + " does not say Connection: close.", null, new ServerReply(new Exchange(connection.sentSoFar(),
                        answer.head(), Exchange.Ending.KEPT_OPEN, connection.age()), c.server()), List.of(mistake));
            }
            Download.State end = answer.finish();
            boolean whole = end == Download.State.COMPLETE && answer.isWhole();
            if (!whole || answer.endedByReset() || !BodyRequests.takesMoreOfTheBody(connection)) {
                Hint hint = new Hint(Hint.Id.RESET_AFTER_LAST_ANSWER, "Closing a socket while bytes the client sent"
                        + " are unread (the body) sends a reset, which drops the end of the answer on its way. Close"
                        + " gently (RFC 9112 §9.6): shut the output down (Socket.shutdownOutput), read and forget what"
                        + " the client still sends, up to a limit, until it closes; then close. If you do: the drain"
                        + " stops too soon, its limit must be the body's (not the head's 8 KiB).");
                String what = whole ? "came whole, by luck: the connection was then reset, not closed gently, and"
                        + " on a slower network the reset would have dropped the end of the answer" : "was cut: "
                        + answer.received() + " of its " + answer.length() + " bytes came ("
                        + end.toString().toLowerCase(Locale.ROOT) + ")";
                throw SpecFailure.withOutput("The answer to a GET with a body of 5 GB " + what + ".", hint, c.server());
            }
        } finally {
            c.webRoot().deletePage(path);
        }
        // Chunks say nothing of the body's size: they add up, however small each is.
        Timed chunks = BodyRequests.chunksUntilAnswered(c, BodyRequests.chunked(""), CHUNKS_FAIL_SAFE);
        HttpResponse head = HttpResponse.parse(chunks.exchange().response());
        if (!head.code().isEmpty() && !ResponseReader.says(head, "close")) {
            throw FailureReport.failure("A chunked POST, 64 KiB a chunk, was read whole, " + (CHUNKS_FAIL_SAFE >> 20)
                    + " MiB, and its answer does not say Connection: close.", null, chunks.reply(), List.of(new Hint(
                    Hint.Id.CHUNKS_UNLIMITED, "Chunks add up: count the whole body's bytes against its limit as they"
                    + " come, not each chunk's. Past the limit, answer with Connection: close, and close, the rest"
                    + " unread, as for a Content-Length over it.")));
        }
        Expected refused = BodyRequests.methodNotAllowed(c, "a chunked POST sent on until answered ("
                + (CHUNKS_FAIL_SAFE >> 20) + " MiB at most)").with(HeaderRules.connectionClose(true));
        c.check(chunks, head.code().equals("400") ? refused.because(chunksMisread().id(), chunksMisread().text())
                : refused); // 400 to valid chunks of 64 KiB: "10000" read as decimal, say
        // One chunk of 2 GiB: its size, 80000000 in hex, is more than an int holds (its bytes: the chunks above).
        Timed oneChunk = BodyRequests.chunksUntilAnswered(c, BodyRequests.chunked("80000000\r\n"), CHUNKS_FAIL_SAFE);
        if (oneChunk.exchange().response().length == 0 && oneChunk.exchange().ending() != Exchange.Ending.NOT_CLOSED) {
            throw FailureReport.failure("A chunked POST whose one chunk has 2 GiB (size 80000000) got no answer: the"
                    + " connection closed.", null, oneChunk.reply(), List.of(new Hint(Hint.Id.CHUNK_SIZE_AS_INT, "A"
                    + " chunk's size may have up to 15 hex digits here: 80000000 is 2 GiB, more than an int holds, and"
                    + " Integer.parseInt(size, 16) throws (as a buffer the chunk's size would). Read it with"
                    + " Long.parseLong(size, 16), and count its bytes against the body's limit as they come.")));
        }
        c.check(oneChunk, BodyRequests.methodNotAllowed(c, "a chunked POST of one chunk of 2 GiB, sent on until answered")
                .with(HeaderRules.connectionClose(true)));
    });

    /** Why a GET's body framing went unchecked, where a POST's was: the server looks at it for some methods only. */
    private static Hint getBodyIgnored() {
        return new Hint(Hint.Id.BODY_OF_GET_IGNORED, "The same request as a POST was refused: the server reads a"
                + " body's framing for some methods only. Any request may have a body, a GET too (RFC 9110 §9.3.1):"
                + " read and check Content-Length and Transfer-Encoding whatever the method, or the body is read as"
                + " the next request.");
    }

    private static boolean isRefused(Timed answer) {
        return answer.code().equals("400");
    }

    /** Whether a POST of 5 GB, of which 64 KiB came, gets an answer that says Connection: close. */
    private static boolean saysCloseToAHugePost(Checking c, String path) {
        try (RawConnection connection = c.server().open()) {
            connection.send(withHugeBody(path, BodyRequests.HUGE_BODY).replaceFirst("GET ", "POST "));
            Download answer = new Download(connection);
            answer.start(0);
            return answer.head().length > 0 && ResponseReader.says(HttpResponse.parse(answer.head()), "close");
        }
    }


    /** A GET with a body of {@code length} bytes, of which the first 64 KiB follow the head. */
    private static String withHugeBody(String path, long length) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + length + "\r\n\r\n"
                + "x".repeat(64 * 1024);
    }

    /** Whether a GET with a body of {@code length} bytes gets the head of its answer before the body. */
    private static boolean answersAtOnce(Checking c, String path, long length) {
        try (RawConnection connection = c.server().open()) {
            connection.send(withHugeBody(path, length));
            return new Download(connection).start(1);
        }
    }

    public static final List<Check> ALL = List.of(CONTENT_LENGTH, CHUNKED, LARGE_BODIES, TWO_PIECES, EXPECT_CONTINUE,
            DOUBTFUL_LENGTH, UNKNOWN_CODING, HUGE_BODY_ANSWERED);

    private static String hex(String chunk) {
        return Integer.toHexString(chunk.length());
    }

    /** Sends {@code request}, and expects {@code status}, saying Connection: close, then the close. */
    private static void assertRefused(Checking c, String request, String status, String situation, Hint.Id id,
                                      String why) {
        Timed answer = c.send(request);
        Optional<Hint> late = answer.code().equals("405") ? BodyRequests.readAfterTheAnswer(c) : Optional.empty();
        c.check(answer, refusal(c, request, status, situation, late.map(Hint::id).orElse(id),
                late.map(Hint::text).orElse(why)));
    }

    /** {@code status}, saying Connection: close (an HTTP/1.0 answer may say it or not), then the close. */
    private static Expected refusal(Checking c, String request, String status, String situation, Hint.Id id,
                                    String why) {
        Expected expected = c.error(status).when(situation).because(id, why);
        if (Requests.isHttp11(request)) {
            expected.with(HeaderRules.connectionClose(true));
        }
        return expected;
    }

    /**
     * A chunk size that is not hex, or too long, shows only to a server that reads the chunks: one that
     * answered the POST, then closed, its body unread, has not learnt to read bodies, and is told so.
     */
    private static void assertChunksRead(Checking c, Timed answer) {
        HttpResponse head = HttpResponse.parse(answer.exchange().response());
        if (head.code().equals("405") && ResponseReader.says(head, "close")
                && answer.exchange().ending() != Exchange.Ending.KEPT_OPEN) {
            throw BodyRequests.closedAfterABody(c, answer.exchange(), "chunks", true);
        }
    }
}
