package httpcourse.spec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What steps 8 and 9 share: HTTP/1.1, and connections that carry many requests (RFC 9112 §9).
 * Every answer is in HTTP/1.1. A connection stays open after an answer unless the client asks to
 * close it ("Connection: close", or HTTP/1.0 without "keep-alive"), and the answer after which the
 * server closes says "Connection: close". Requests sent together are answered in order. A body,
 * framed by Content-Length or chunked, is read and forgotten, so that the next request starts at
 * the right byte; a request whose framing is in doubt gets 400, and a closed connection. An idle
 * connection, and one that has carried many requests, is closed; a body too large is not read.
 *
 * <p>Every check of step 7 ({@link UrlSpec}) too, its answers now read as an HTTP/1.1 client reads
 * them: by their Content-Length, up to the close only when the request or the answer says so.
 */
public abstract class KeepAliveSpec extends UrlSpec {

    /** The most requests a connection may carry before the server closes it. */
    static final int MOST_REQUESTS = 10_000;
    /** Requests sent in one piece, then answered, while a check counts a connection's requests. */
    private static final int BATCH = 128;
    /** A body far too large to be worth reading: 1 GiB. */
    static final long HUGE_BODY = 1L << 30;
    /** An answer larger than the buffers of both sides together: still on its way when the server closes. */
    static final long LARGER_THAN_THE_BUFFERS = 64L << 20;

    @Override
    protected Timed send(String request) {
        Instant sent = Instant.now();
        ServerReply reply = server.sendAndReadAnswer(request);
        return new Timed(reply, sent, Instant.now());
    }

    /**
     * Steps 8 and 9 answer in HTTP/1.1; after an answer, the connection stays open if nothing asks
     * to close it, and otherwise closes, its answer saying "Connection: close" (which an HTTP/1.0
     * client may do without).
     */
    @Override
    protected Expected asThisStepAnswers(Expected expected, String request) {
        expected.inHttp11();
        return Requests.asksToClose(request)
                ? expected.with(HeaderRules.connectionClose(Requests.isHttp11(request)))
                : expected.mayStayOpen();
    }

    @Override
    @Test
    @DisplayName("answers a browser's HTTP/1.1 request in HTTP/1.1, with the same headers, and keeps the connection")
    void answersABrowserRequest() {
        check(send(Requests.firefox("/ipsum.html")), file("/ipsum.html", HTML));
    }

    @Override
    @Test
    @DisplayName("closes a connection whose head does not come in time: silent, a byte a second, or idle after an answer")
    public void closesSlowConnections() {
        assertClosesSlowClients(List.of(idleAfterAnAnswer()));
    }

    /** A client that gets an answer on a persistent connection, then sends nothing more. */
    protected SlowClient idleAfterAnAnswer() {
        return new SlowClient(server -> {
            try (RawConnection idle = server.open()) {
                idle.exchange(Requests.http11("GET", "/"));
                return idle.awaitClosed(CLOSE_FAIL_SAFE);
            }
        }, () -> new SpecFailure("A client got its answer on a persistent connection, then sent nothing: after "
                + CLOSE_FAIL_SAFE.toSeconds() + " s, the connection was still open.\n", List.of(new Hint(
                Hint.Id.IDLE_CONNECTION_KEPT, "Close a connection that stays idle too long after an answer (a"
                + " time limit on the wait for the next request, as for the first): browsers keep connections"
                + " open and leave them so, and each open connection holds a thread."))));
    }

    // ---- Persistent connections ---------------------------------------------------------------

    @Test
    @DisplayName("keeps an HTTP/1.1 connection open: three requests, one after the other, on one connection")
    void keepsAnHttp11ConnectionOpen() {
        try (RawConnection connection = server.open()) {
            checkNext(connection, 1, Requests.http11("GET", "/"), file("/index.html", HTML));
            checkNext(connection, 2, Requests.http11("GET", "/ipsum.html"), file("/ipsum.html", HTML));
            checkNext(connection, 3, Requests.http11Closing("GET", "/about.html"), file("/about.html", HTML));
        }
    }

    @Test
    @DisplayName("keeps an HTTP/1.0 connection open only when asked: Connection: keep-alive, said back")
    void keepsAnHttp10ConnectionOpenWhenAsked() {
        String keepAlive = "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";
        try (RawConnection connection = server.open()) {
            checkNext(connection, 1, keepAlive, file("/index.html", HTML).with(HeaderRules.connectionKeepAlive())
                    .when("HTTP/1.0 with Connection: keep-alive"));
            checkNext(connection, 2, Requests.get("/ipsum.html"), file("/ipsum.html", HTML)
                    .when("HTTP/1.0, without keep-alive, on the same connection"));
        }
    }

    @Test
    @DisplayName("closes the connection after answering Connection: close, and says so")
    void closesWhenAsked() {
        check(send(Requests.http11Closing("GET", "/ipsum.html")), file("/ipsum.html", HTML)
                .when("HTTP/1.1 with Connection: close"));
    }

    @Test
    @DisplayName("answers requests sent together in one piece (pipelined), in order")
    void answersPipelinedRequestsInOrder() {
        List<String> requests = List.of(Requests.http11("GET", "/ipsum.html"), Requests.http11("HEAD", "/"),
                Requests.http11Closing("GET", "/about.html"));
        Expected head = file("/index.html", HTML).withoutBody(server.webRoot().page("/index.html").length);
        List<Expected> answers = List.of(file("/ipsum.html", HTML), head, file("/about.html", HTML));
        try (RawConnection connection = server.open()) {
            connection.send(String.join("", requests));
            for (int i = 0; i < requests.size(); i++) {
                checkAnswer(connection, i + 1, requests.get(i), answers.get(i).when("request " + (i + 1)
                        + " of " + requests.size() + ", all sent in one piece"));
            }
        }
    }

    // ---- Request bodies -----------------------------------------------------------------------

    /** A complete request, as the body of another: a server that does not read the body answers it. */
    private static final String REQUEST_AS_BODY = Requests.http11("GET", "/about.html");

    static Stream<Arguments> bodies() {
        int length = REQUEST_AS_BODY.length();
        String half = REQUEST_AS_BODY.substring(0, length / 2);
        String rest = REQUEST_AS_BODY.substring(length / 2);
        return Stream.of(
                Arguments.of("Content-Length", "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                        + length + "\r\n\r\n" + REQUEST_AS_BODY),
                Arguments.of("chunked, with an extension and a trailer", "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(half.length()) + ";part=1\r\n" + half
                        + "\r\n" + Integer.toHexString(rest.length()).toUpperCase() + "\r\n" + rest + "\r\n0\r\n"
                        + "X-Checksum: none\r\n\r\n"),
                Arguments.of("chunked, in one chunk", "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(length) + "\r\n" + REQUEST_AS_BODY
                        + "\r\n0\r\n\r\n"),
                // Larger than a request head may be: a limit meant for the head must not count the body.
                Arguments.of("Content-Length, over 8 KiB", "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: " + LARGE_BODY.length() + "\r\n\r\n" + LARGE_BODY),
                Arguments.of("chunked, over 8 KiB in three chunks", "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n"
                        + (Integer.toHexString(LARGE_BODY.length()) + "\r\n" + LARGE_BODY + "\r\n").repeat(3)
                        + "0\r\n\r\n"));
    }

    /** The course's limit of a request head (8 KiB), which a body may go beyond. */
    private static final int HEAD_LIMIT = 8 * 1024;
    /** A body larger than a request head may be, of requests, which a server that misreads it answers. */
    private static final String LARGE_BODY = REQUEST_AS_BODY.repeat(HEAD_LIMIT * 5 / 4 / REQUEST_AS_BODY.length());

    @DisplayName("reads and forgets a request's body: the next request starts after it")
    @ParameterizedTest(name = "reads and forgets a body framed by {0}: the next request starts after it")
    @MethodSource("bodies")
    void skipsABody(String framing, String post) {
        try (RawConnection connection = server.open()) {
            String next = Requests.http11Closing("GET", "/ipsum.html");
            connection.send(post + next);
            Timed first = nextAnswer(connection, 1, post, true);
            if (first.exchange().response().length == 0 && post.length() > HEAD_LIMIT) {
                throw FailureReport.failure("The server closed the connection without an answer to a POST whose body ("
                        + framing + ") is larger than a request head may be.", null, first.reply(), List.of(new Hint(
                        Hint.Id.BODY_COUNTED_AS_HEAD, "A limit meant for the request head (8 KiB) counted the body's"
                        + " bytes too. Count the head's bytes only (the lines readHead reads), start the count again"
                        + " for each request, and skip the body past it; the body has limits of its own.")));
            }
            check(first, post, methodNotAllowed("a POST whose body (" + framing + ") is a request"));
            Timed second = nextAnswer(connection, 2, next, true);
            if (new String(second.exchange().response(), StandardCharsets.ISO_8859_1)
                    .contains(server.webRoot().token("about"))) {
                throw FailureReport.failure("The second answer is /about.html: the server took the POST's body for the"
                        + " next request.", null, second.reply(), List.of(new Hint(Hint.Id.BODY_READ_AS_REQUEST,
                        "A request with Content-Length or Transfer-Encoding: chunked has a body (RFC 9112 §6.3):"
                                + " read it (or skip it) whole before reading the next request, even if you have no"
                                + " use for it; here it looked like a request, and was answered as one.")));
            }
            check(second, next, file("/ipsum.html", HTML).when("the request after a POST with a body"));
        }
    }

    @Test
    @DisplayName("reads the whole body, even when it comes in two pieces, then the next request after it")
    void readsTheWholeBody() {
        try (RawConnection connection = server.open()) {
            String post = "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\n12345";
            connection.send(post);
            // A pause, so that the body comes in two pieces. An answer may come before the body has (a
            // client watches for one, RFC 9112 §9.5), as long as the server then reads the rest of the body.
            Pause.sleep(Duration.ofSeconds(1));
            String next = Requests.http11Closing("GET", "/ipsum.html");
            connection.send("67890" + next);
            Timed first = nextAnswer(connection, 1, post, true);
            Timed second = nextAnswer(connection, 2, next, true);
            if (HttpResponse.parse(first.exchange().response()).code().equals("405")
                    && !HttpResponse.parse(second.exchange().response()).code().equals("200")) {
                throw FailureReport.failure("The POST was answered, but the request after its body, which came in two"
                        + " pieces (5 bytes, then 5), was not answered with the file.", null, second.reply(), List.of(
                        new Hint(Hint.Id.ANSWERED_BEFORE_BODY, "A request is whole once its body has come, all"
                        + " Content-Length bytes of it: read (or skip) them all, not only those that have come, before"
                        + " the next request. Here the end of the body was read as the start of the next request.")));
            }
            check(first, post, methodNotAllowed("a POST whose body came in two pieces"));
            check(second, next, file("/ipsum.html", HTML).when("the request after that POST"));
        }
    }

    static Stream<Arguments> doubtfulLengths() {
        String smuggled = Requests.http11("GET", "/about.html");
        return Stream.of(
                Arguments.of("Content-Length and Transfer-Encoding together", "POST /ipsum.html HTTP/1.1\r\n"
                        + "Host: localhost\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled),
                Arguments.of("two Content-Length fields that differ", "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 0\r\nContent-Length: " + smuggled.length() + "\r\n\r\n" + smuggled),
                Arguments.of("Content-Length: -1", "GET /ipsum.html HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: -1\r\n\r\n" + smuggled),
                Arguments.of("Content-Length: +5", "GET /ipsum.html HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: +5\r\n\r\nhello" + smuggled),
                Arguments.of("Content-Length: five", "GET /ipsum.html HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: five\r\n\r\nhello" + smuggled),
                Arguments.of("a Content-Length no integer holds", "GET /ipsum.html HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 18446744073709551621\r\n\r\nhello" + smuggled),
                Arguments.of("Transfer-Encoding in an HTTP/1.0 request", "POST /ipsum.html HTTP/1.0\r\n"
                        + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n" + smuggled),
                Arguments.of("Transfer-Encoding that does not end with chunked", "POST /ipsum.html HTTP/1.1\r\n"
                        + "Host: localhost\r\nTransfer-Encoding: gzip\r\n\r\n" + smuggled),
                Arguments.of("a chunk size that is not hex", "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + smuggled));
    }

    @DisplayName("answers 400 Bad Request, and closes, when a body's length is in doubt (request smuggling)")
    @ParameterizedTest(name = "answers 400 Bad Request, and closes, to {0}")
    @MethodSource("doubtfulLengths")
    void refusesADoubtfulLength(String situation, String request) {
        check(send(request), request, Expected.error("400 Bad Request").inHttp11()
                .with(HeaderRules.connectionClose(Requests.isHttp11(request))).when(situation)
                .because(Hint.Id.AMBIGUOUS_LENGTH_ACCEPTED, "Where a body ends must be beyond doubt (RFC 9112 §6.3):"
                        + " Content-Length is digits only, one value, never beside Transfer-Encoding, which ends with"
                        + " chunked and comes in HTTP/1.1 only. Otherwise answer 400 and close: a proxy before the"
                        + " server may read the length another way, and a request hidden in the body gets through."));
    }

    @Test
    @DisplayName("answers at once a request whose body is too large to read (1 GiB), then closes, saying so, the"
            + " whole answer sent")
    void closesAfterAHugeBody() {
        String path = "/answer-to-a-huge-body.bin";
        byte[] zeros = server.webRoot().createZerosPage(path, LARGER_THAN_THE_BUFFERS);
        // GET with a body is rare, but allowed: its answer, a large file, is still on its way at the close.
        String get = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + HUGE_BODY + "\r\n\r\n";
        try (RawConnection connection = server.open()) {
            connection.send(get + "x".repeat(64 * 1024));
            Download answer = new Download(connection);
            if (!answer.start(1 << 20)) {
                throw FailureReport.failure("The server did not answer a GET with a body of 1 GiB, of which 64 KiB came.",
                        null, new ServerReply(new Exchange(connection.sentSoFar(), answer.head(),
                                Exchange.Ending.NOT_CLOSED, connection.age()), server), List.of(new Hint(
                                Hint.Id.HUGE_BODY_AWAITED, "A file server has no use for a body: above a limit (1 MiB,"
                                + " say), do not wait for it; answer at once, with Connection: close, and close the"
                                + " connection, which the body goes with.")));
            }
            // A pause, as a client on a real network makes: the rest of the answer waits in the buffers.
            Pause.sleep(Duration.ofMillis(200));
            HttpResponse head = HttpResponse.parse(answer.head());
            if (!ResponseReader.says(head, "close")) {
                throw FailureReport.failure("The answer to a GET with a body of 1 GiB, which the server did not read,"
                        + " does not say Connection: close.", null, new ServerReply(new Exchange(connection.sentSoFar(),
                        answer.head(), Exchange.Ending.KEPT_OPEN, connection.age()), server), List.of(new Hint(
                        Hint.Id.CONNECTION_HEADER_WRONG, "A body left unread leaves the connection where nobody knows"
                        + " where the next request starts: the server closes it, and says so first, with Connection:"
                        + " close (RFC 9112 §9.6).")));
            }
            Download.State end = answer.finish();
            if (end != Download.State.COMPLETE || !answer.isWhole(zeros)) {
                throw new SpecFailure("The answer to a GET with a body of 1 GiB was cut: " + answer.received() + " of its "
                        + answer.length() + " bytes came (" + end + ").\n" + server.describeThisCheck(), List.of(new Hint(
                        Hint.Id.RESET_AFTER_LAST_ANSWER, "Closing a socket while bytes the client sent are unread (the"
                        + " body) sends a reset, which drops the end of the answer on its way. Close gently (RFC 9112"
                        + " §9.6): shut the output down (Socket.shutdownOutput), read and forget what the client still"
                        + " sends, up to a limit, until it closes; then close.")));
            }
        } finally {
            server.webRoot().deletePage(path);
        }
    }

    @Test
    @DisplayName("closes a connection after many requests (at most " + MOST_REQUESTS + "), saying so in its last answer")
    void closesAfterManyRequests() {
        String request = Requests.http11("HEAD", "/about.html");
        Expected answer = file("/about.html", HTML).withoutBody(server.webRoot().page("/about.html").length);
        try (RawConnection connection = server.open()) {
            for (int answered = 0; answered < MOST_REQUESTS; answered += BATCH) {
                Instant sent = Instant.now();
                if (!connection.trySend(request.repeat(BATCH))) {
                    throw lastAnswerMissing(connection, answered);
                }
                for (int i = 1; i <= BATCH; i++) {
                    Exchange exchange = connection.readResponse(request);
                    Timed timed = new Timed(new ServerReply(exchange, server), sent, Instant.now());
                    String situation = "request " + (answered + i) + " on one connection";
                    if (exchange.response().length == 0 && exchange.ending() != Exchange.Ending.NOT_CLOSED) {
                        throw lastAnswerMissing(connection, answered + i - 1);
                    }
                    if (exchange.ending() == Exchange.Ending.KEPT_OPEN) {
                        check(timed, request, answer.when(situation));
                    } else {
                        check(timed, request, answer.with(HeaderRules.connectionClose(true))
                                .when(situation + ", the last it carried"));
                        return; // closed cleanly, and said so
                    }
                }
            }
        }
        throw new SpecFailure("The server answered " + MOST_REQUESTS + " requests on one connection, and kept it"
                + " open.\n", List.of(new Hint(Hint.Id.NO_REQUEST_LIMIT, "Close a connection after a number of"
                + " requests (nginx: 1000), its last answer saying Connection: close: a client that sends requests"
                + " without end would keep its thread for ever, while others wait their turn.")));
    }

    /** The connection ended (or broke) after {@code answered} answers, none of them saying it would. */
    private SpecFailure lastAnswerMissing(RawConnection connection, int answered) {
        Exchange end = connection.readUntilClosed();
        boolean reset = end.ending() == Exchange.Ending.RESET;
        return FailureReport.failure("After " + answered + " answers on one connection, the connection "
                + (reset ? "was reset" : "closed") + ", and no answer had said Connection: close.",
                null, new ServerReply(end, server), List.of(reset
                        ? new Hint(Hint.Id.RESET_AFTER_LAST_ANSWER, "Closing a socket while requests sent with the"
                                + " last one are still unread sends a reset, and the client may lose the last"
                                + " answers. Close gently (RFC 9112 §9.6): say Connection: close, shut the output down"
                                + " (Socket.shutdownOutput), read what the client still sends until it closes, then close.")
                        : new Hint(Hint.Id.CONNECTION_HEADER_WRONG, "The answer after which the server closes the"
                                + " connection says so, with Connection: close (RFC 9112 §9.6): the client then knows"
                                + " the requests it sent after it will get no answer.")));
    }

    // ---- Helpers --------------------------------------------------------------------------------

    /** Sends {@code request} on the connection, then checks its answer, the {@code number}th on it. */
    private void checkNext(RawConnection connection, int number, String request, Expected expected) {
        if (!connection.trySend(request)) {
            throw notKeptOpen(connection, number);
        }
        check(nextAnswer(connection, number, request, false), request, expected);
    }

    /**
     * Reads the answer to {@code request}, the {@code number}th on the connection, and checks it:
     * for requests sent together, in one piece.
     */
    private void checkAnswer(RawConnection connection, int number, String request, Expected expected) {
        check(nextAnswer(connection, number, request, true), request, expected);
    }

    /**
     * Reads the {@code number}th answer on the connection. When none comes after an answer that kept
     * the connection open, fails with the hint that names why: for requests sent together, the
     * server lost those it had read ahead; for a request sent alone, it closed the connection.
     */
    private Timed nextAnswer(RawConnection connection, int number, String request, boolean sentTogether) {
        boolean previousSaidClose = ResponseReader.says(HttpResponse.parse(connection.lastResponse()), "close");
        // The answer's Date may be no older than the connection: requests sent together may all be
        // answered before this read starts, so the time of the read is no bound for it.
        Instant sent = Instant.now().minus(connection.age());
        Exchange exchange = connection.readResponse(request);
        Timed timed = new Timed(new ServerReply(exchange, server), sent, Instant.now());
        if (number > 1 && exchange.response().length == 0) {
            boolean silent = exchange.ending() == Exchange.Ending.NOT_CLOSED;
            if (sentTogether && (silent || !previousSaidClose)) {
                throw FailureReport.failure("After " + (number - 1) + " answer(s) on one connection, the next one"
                        + " never came.", null, timed.reply(), List.of(new Hint(Hint.Id.PIPELINED_REQUEST_LOST,
                        "The requests were sent together, in one piece, and the server answered the first, then"
                                + " waited: it had read the next ones into a buffer, and lost them with it. Keep one"
                                + " buffered input per connection, not one per request, and read the next request"
                                + " from it.")));
            }
            if (!silent) {
                throw notKeptOpen(connection, number);
            }
        }
        return timed;
    }

    /** The server closed the connection after answer {@code number - 1}, although nothing asked it to. */
    private SpecFailure notKeptOpen(RawConnection connection, int number) {
        Exchange end = connection.readUntilClosed();
        return FailureReport.failure("The server closed the connection after " + (number - 1) + " answer(s): request "
                + number + " on it got no answer.", null, new ServerReply(end, server), List.of(new Hint(
                Hint.Id.NOT_KEPT_OPEN, "An HTTP/1.1 connection stays open after an answer, for the next request,"
                + " unless the request says Connection: close (RFC 9112 §9.3); an HTTP/1.0 one, when both say"
                + " keep-alive. Read request after request on the same socket, in a loop, until the client closes"
                + " it or asks to.")));
    }

}
