package httpcourse.spec;

import static httpcourse.spec.Check.check;
import static httpcourse.spec.Check.waitingOnItsOwnServer;
import static httpcourse.spec.BodyRequests.assertBodyNotRead;
import static httpcourse.spec.BodyRequests.chunked;
import static httpcourse.spec.BodyRequests.withContentLength;
import static httpcourse.spec.KeptBusy.answersPastFirstWrite;
import static httpcourse.spec.KeptBusy.closedWhileBusy;
import static httpcourse.spec.KeptBusy.closedWhileWaiting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Step 10: HTTP/1.1's persistent connections (RFC 9112 §9). Every answer is in HTTP/1.1. A
 * connection stays open after an answer unless the client asks to close it ("Connection: close",
 * or HTTP/1.0 without "keep-alive"; options in any letter case, in a list), and the answer after
 * which the server closes says "Connection: close". Requests sent together are answered in order.
 * A connection left idle, and one that has carried many requests, is closed. A request with a
 * body is answered, and its connection closed: its body, which step 11 reads, is never taken for
 * the next request.
 */
public final class KeepAliveChecks {

    private KeepAliveChecks() {
    }

    /** The most requests a connection may carry before it closes (the course's: 1000): MANY_REQUESTS's name says it. */
    static final int MOST_REQUESTS = 10_000;
    /** Requests sent in one piece, then answered, while a check counts a connection's requests. */
    private static final int BATCH = 128;
    /** The course's limit of a request head (8 KiB), which a body may go beyond. */
    static final int HEAD_LIMIT = 8 * 1024;
    /** A complete request, sent as the body of another: a server that does not skip the body answers it. */
    static final String REQUEST_AS_BODY = Requests.http11("GET", "/about.html");

    public static final Check BROWSER_KEPT = check(
            "answers a browser's HTTP/1.1 request in HTTP/1.1, and keeps the connection open for its next one", c -> {
                try (RawConnection browser = c.server().open()) {
                    checkNext(c, browser, 1, Requests.firefox("/"), c.root());
                    checkNext(c, browser, 2, Requests.firefox("/ipsum.html"), c.file("/ipsum.html"));
                }
            });

    public static final Check THREE_REQUESTS = check(
            "keeps an HTTP/1.1 connection open: three requests, one after the other, on one connection, a 404"
                    + " among them", c -> {
                try (RawConnection connection = c.server().open()) {
                    checkNext(c, connection, 1, Requests.http11("GET", "/"), c.root());
                    checkNext(c, connection, 2, Requests.http11("GET", "/missing.html"), c.notFound());
                    checkNext(c, connection, 3, Requests.http11Closing("GET", "/about.html"),
                            c.file("/about.html").when("HTTP/1.1 with Connection: close, the third on the connection"));
                }
            });

    public static final Check HTTP10_WHEN_ASKED = check(
            "keeps an HTTP/1.0 connection open only when asked: Connection: keep-alive, said back", c -> {
                try (RawConnection connection = c.server().open()) {
                    checkNext(c, connection, 1, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", c.root()
                            .with(HeaderRules.connectionKeepAlive()).when("HTTP/1.0 with Connection: keep-alive"));
                    checkNext(c, connection, 2, Requests.get("/ipsum.html"), c.file("/ipsum.html")
                            .when("HTTP/1.0 without keep-alive, on the same connection: the last"));
                }
            });

    public static final Check CLOSES_WHEN_ASKED = check("closes the connection after answering Connection: close,"
            + " and says so", c -> c.check(c.send(Requests.http11Closing("GET", "/ipsum.html")),
            c.file("/ipsum.html").when("HTTP/1.1 with Connection: close")));

    public static final Check OPTIONS_IN_ANY_CASE = check(
            "reads Connection's options in any letter case, and in a list: \"Close\", \"keep-alive, Close\","
            + " \"keep-alive,close\", \"Keep-Alive\"; close wins, in HTTP/1.0 too", c -> {
                // Each form after the plain one, so that a failure can only come from the difference.
                c.inCase("Connection: close", () -> assertCloses(c, "HTTP/1.1", "close", null));
                c.inCase("Connection: Close", () -> assertCloses(c, "HTTP/1.1", "Close", optionCase("Close")));
                c.inCase("Connection: keep-alive, Close", () -> assertCloses(c, "HTTP/1.1", "keep-alive, Close",
                        new Hint(Hint.Id.CONNECTION_OPTION_LIST, "The request said \"Connection: keep-alive,"
                                + " Close\": Connection holds a list of options, separated by commas (RFC 9110"
                                + " §7.6.1), and close is one of them. Split the value at the commas, strip the spaces,"
                                + " and look for the option in the list, rather than comparing the whole value.")));
                c.inCase("Connection: keep-alive,close", () -> assertCloses(c, "HTTP/1.1", "keep-alive,close",
                        new Hint(Hint.Id.CONNECTION_OPTION_SPACES, "The request said \"Connection: keep-alive,close\":"
                                + " the spaces around a list's commas may be there or not (OWS, RFC 9110 §5.6.1). Split"
                                + " the value at the commas alone, then strip each option.")));
                c.inCase("HTTP/1.0 with Connection: keep-alive", () -> assertKeptOpen(c, "keep-alive", null));
                c.inCase("HTTP/1.0 with Connection: Keep-Alive", () -> assertKeptOpen(c, "Keep-Alive",
                        optionCase("Keep-Alive")));
                c.inCase("HTTP/1.0 with Connection: keep-alive, close", () -> assertCloses(c, "HTTP/1.0",
                        "keep-alive, close", new Hint(Hint.Id.CONNECTION_CLOSE_WINS, "The HTTP/1.0 request said"
                                + " \"Connection: keep-alive, close\": close wins, whatever else the list holds, in every"
                                + " version (RFC 9112 §9.3 asks for close first). Look for close before you look at the"
                                + " version and for keep-alive.")));
            });

    public static final Check PIPELINED = check("answers requests sent together in one piece (pipelined), in order",
            c -> {
                List<String> requests = List.of(Requests.http11("GET", "/ipsum.html"), Requests.http11("HEAD", "/"),
                        Requests.http11Closing("GET", "/about.html"));
                List<Expected> answers = List.of(c.file("/ipsum.html"),
                        c.root().withoutBody(c.webRoot().page("/index.html").length), c.file("/about.html"));
                try (RawConnection connection = c.server().open()) {
                    connection.send(String.join("", requests));
                    for (int i = 0; i < requests.size(); i++) {
                        c.check(nextAnswer(c, connection, i + 1, requests.get(i), true), requests.get(i), answers.get(i)
                                .when("request " + (i + 1) + " of " + requests.size() + ", all sent in one piece"));
                    }
                }
            });

    public static final Check BODY_NEVER_A_REQUEST = check(
            "never takes a request's body for the next request: it closes the connection after the answer, or reads"
                    + " the body", c -> {
                c.inCase("a body framed by Content-Length", () -> assertBodyNotRead(c, "Content-Length",
                        withContentLength(REQUEST_AS_BODY), false, null, null));
                String chunks = chunked(Integer.toHexString(REQUEST_AS_BODY.length()) + "\r\n" + REQUEST_AS_BODY
                        + "\r\n0\r\n\r\n");
                c.inCase("a chunked body", () -> assertBodyNotRead(c, "chunks", chunks, false, null, new Hint(
                        Hint.Id.BODY_READ_AS_REQUEST, "The chunks of the POST's body were read as the next request (its"
                        + " first line, the chunk's size in hex, is no request line). A request with Transfer-Encoding:"
                        + " chunked has a body too, and no Content-Length (RFC 9112 §6.3): close the connection after"
                        + " its answer too, or read its chunks.")));
                c.inCase("a chunked body, said \"Chunked\"", () -> assertBodyNotRead(c, "chunks, said Chunked",
                        chunks.replace("chunked\r\n", "Chunked\r\n"), false, null, new Hint(Hint.Id.BODY_READ_AS_REQUEST,
                        "Transfer-Encoding: Chunked was not taken for a body: a coding's name ignores letter case, and"
                        + " any Transfer-Encoding at all says a body follows (RFC 9112 §6.1). Close the connection after"
                        + " the answer whenever the header is there, whatever its value.")));
                // A GET may have a body too (RFC 9110 §9.3.1): rare, but framed as any other.
                c.inCase("a GET with a body", () -> BodyRequests.assertGetBodyNotRead(c));
                // More than an int holds: a length is a long, and such a POST gets its answer as any other.
                c.inCase("a body of 5 GB (Content-Length: 5000000000)", () -> assertBodyNotRead(c, "5 GB",
                        "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + BodyRequests.HUGE_BODY
                                + "\r\n\r\n" + REQUEST_AS_BODY, false, BodyRequests.lengthOverflow(), null));
                // A head the server cannot read: where its body ends, it cannot tell either (RFC 9112 §9.6).
                c.inCase("a body after a malformed header line", () -> c.check(c.send("POST /ipsum.html HTTP/1.1\r\n"
                        + "Host: localhost\r\nX Note: 1\r\nContent-Length: " + REQUEST_AS_BODY.length() + "\r\n\r\n"
                        + REQUEST_AS_BODY),
                        c.error("400 Bad Request").when("an HTTP/1.1 POST with a malformed header line (X Note: 1),"
                                + " and a body that is a request")));
            });

    public static final Check MANY_REQUESTS = check("closes a connection after many requests (at most 10 000),"
            + " saying so in its last answer", KeepAliveChecks::assertClosesAfterMany);

    public static final Check IDLE_CLOSED = waitingOnItsOwnServer(
            "closes a connection left idle after an answer, once its time limit is over", c -> {
                try (RawConnection idle = c.server().open()) {
                    checkNext(c, idle, 1, Requests.http11("GET", "/"), c.root());
                    if (idle.awaitClosed(ManyClientsChecks.CLOSE_FAIL_SAFE) == null) {
                        throw SpecFailure.of("A client got its answer on a persistent connection, then sent nothing:"
                                + " after " + ManyClientsChecks.CLOSE_FAIL_SAFE.toSeconds() + " s, the connection was"
                                + " still open.", new Hint(Hint.Id.IDLE_CONNECTION_KEPT, "Close a connection that"
                                + " stays idle too long after an answer (a time limit on the wait for the next request,"
                                + " as for the first): browsers keep connections open and leave them so, and each open"
                                + " connection holds what serves it." + ManyClientsHints.bufferTest(c)));
                    }
                }
                c.assertStillAnswers();
            });

    /** Longer than the course's 10 s limit for a head: a limit set once per connection ends within it. */
    static final Duration KEPT_BUSY = Duration.ofSeconds(12);

    public static final Check EACH_REQUEST_TIMED = waitingOnItsOwnServer("keeps answering on one connection while"
            + " requests come a second apart, for " + KEPT_BUSY.toSeconds() + " s: each head's time limit starts with"
            + " its request", c -> {
                String request = Requests.http11("GET", "/");
                try (RawConnection kept = c.server().open()) {
                    for (int number = 1; number == 1 || kept.age().compareTo(KEPT_BUSY) < 0; number++) {
                        if (number > 1) {
                            Pause.sleep(Duration.ofSeconds(1));
                        }
                        Instant sent = Instant.now();
                        Exchange exchange = kept.trySend(request) ? kept.readResponse(request) : kept.readUntilClosed();
                        Timed answer = new Timed(new ServerReply(exchange, c.server()), sent, Instant.now());
                        if (number > 1 && exchange.response().length == 0
                                && exchange.ending() != Exchange.Ending.NOT_CLOSED) {
                            // Closed within seconds: not kept open, or cut. Near 10 s: a limit for the connection.
                            throw kept.age().compareTo(KEPT_BUSY.dividedBy(2)) < 0
                                    ? closedWhileWaiting(c, exchange, number)
                                    : closedWhileBusy(answer, number, kept.age(), answersPastFirstWrite(c));
                        }
                        c.check(answer, request, c.root().when("request " + number + " on one connection, "
                                + kept.age().toSeconds() + " s after it opened"));
                        if (ResponseReader.says(HttpResponse.parse(exchange.response()), "close")) {
                            return; // a server may close after a number of requests: then it cannot tell
                        }
                    }
                }
            });

    public static final List<Check> ALL = List.of(BROWSER_KEPT, THREE_REQUESTS, HTTP10_WHEN_ASKED, CLOSES_WHEN_ASKED,
            OPTIONS_IN_ANY_CASE, PIPELINED, BODY_NEVER_A_REQUEST, MANY_REQUESTS, IDLE_CLOSED, EACH_REQUEST_TIMED);

    /**
     * Sends requests on one connection, a batch at a time, and reads their answers, until the server
     * closes it, its last answer saying so; fails when it never does, up to {@link #MOST_REQUESTS}.
     */
    private static void assertClosesAfterMany(Checking c) {
        String request = Requests.http11("HEAD", "/about.html");
        long length = c.webRoot().page("/about.html").length;
        try (RawConnection connection = c.server().open()) {
            for (int answered = 0; answered < MOST_REQUESTS; answered += BATCH) {
                Instant sent = Instant.now();
                if (!connection.trySend(request.repeat(BATCH))) {
                    throw lastAnswerMissing(c, connection, answered);
                }
                for (int i = 1; i <= BATCH; i++) {
                    boolean promisedMore = saysKeepAlive(connection.lastResponse());
                    Exchange exchange = connection.readResponse(request);
                    Timed timed = new Timed(new ServerReply(exchange, c.server()), sent, Instant.now());
                    boolean closed = exchange.ending() != Exchange.Ending.NOT_CLOSED;
                    // The first of a batch answered, saying keep-alive, the others not: they were lost with a
                    // buffer. (A limit that closes the connection ends it later in a batch, or says close.)
                    if (exchange.response().length == 0 && i > 1 && (!closed || i == 2 && promisedMore)) {
                        throw requestsLost(timed, answered + i, closed);
                    }
                    if (exchange.response().length == 0 && closed) {
                        throw lastAnswerMissing(c, connection, answered + i - 1);
                    }
                    assertHeadSizedPerRequest(timed, answered + i, request);
                    Expected answer = c.file("/about.html").withoutBody(length).when("request " + (answered + i)
                            + " on one connection");
                    if (exchange.ending() != Exchange.Ending.KEPT_OPEN) {
                        c.check(timed, request, answer.with(HeaderRules.connectionClose(true)));
                        return; // closed cleanly, and said so
                    }
                    c.check(timed, request, answer);
                }
            }
        }
        throw SpecFailure.of("The server answered " + MOST_REQUESTS + " requests on one connection, and kept it open.",
                new Hint(Hint.Id.NO_REQUEST_LIMIT, "Close a connection after a number of requests (nginx: 1000), its"
                        + " last answer saying Connection: close: a client that sends requests without end would"
                        + " otherwise keep its connection for ever, while the others wait their turn."));
    }

    // ---- Connection's options ----------------------------------------------------------------

    private static Hint optionCase(String option) {
        return new Hint(Hint.Id.CONNECTION_OPTION_CASE, "The request said \"" + option + "\", in other letter case"
                + " than \"" + option.toLowerCase(Locale.ROOT) + "\", which the server understood: HTTP's"
                + " options are tokens, compared without letter case (RFC 9110 §7.6.1), as header names are."
                + " Lower-case the value (Locale.ROOT) before you compare, or use equalsIgnoreCase.");
    }

    /**
     * Sends an HTTP/1.1 request with "Connection: {@code value}", which asks for the close: the
     * answer must say close, and the connection close. When it does not, {@code hint} (if any)
     * names the mistake; any other difference gets the usual report.
     */
    private static void assertCloses(Checking c, String version, String value, Hint hint) {
        String request = "GET /ipsum.html " + version + "\r\n" + (version.equals("HTTP/1.0") ? ""
                : "Host: localhost\r\n") + "Connection: " + value + "\r\n\r\n";
        Timed answer = c.send(request);
        HttpResponse head = HttpResponse.parse(answer.exchange().response());
        boolean closed = answer.exchange().ending() == Exchange.Ending.CLOSED
                || answer.exchange().ending() == Exchange.Ending.RESET;
        // An HTTP/1.0 answer may leave close unsaid: its connection closes unless both say keep-alive.
        boolean saidClose = ResponseReader.says(head, "close")
                || version.equals("HTTP/1.0") && !ResponseReader.says(head, "keep-alive");
        if (hint != null && head.code().equals("200") && (!saidClose || !closed)) {
            throw FailureReport.failure("The request asked to close the connection with \"Connection: " + value
                    + "\", and the server " + (saidClose ? "said close, but kept it open." : "did not say close."),
                    null, answer.reply(), List.of(hint));
        }
        c.check(answer, c.file("/ipsum.html").when(version + " with Connection: " + value));
    }

    /**
     * Sends an HTTP/1.0 request with "Connection: {@code value}", which asks to keep the connection:
     * the answer must say keep-alive, and a second request on the connection get its answer.
     */
    private static void assertKeptOpen(Checking c, String value, Hint hint) {
        String request = "GET / HTTP/1.0\r\nConnection: " + value + "\r\n\r\n";
        try (RawConnection connection = c.server().open()) {
            connection.send(request);
            Timed answer = nextAnswer(c, connection, 1, request, false);
            HttpResponse head = HttpResponse.parse(answer.exchange().response());
            if (hint != null && head.code().equals("200") && !ResponseReader.says(head, "keep-alive")) {
                throw FailureReport.failure("The HTTP/1.0 request asked to keep the connection with \"Connection: "
                        + value + "\", and the answer did not say keep-alive.", null, answer.reply(), List.of(hint));
            }
            c.check(answer, request, c.root().with(HeaderRules.connectionKeepAlive())
                    .when("HTTP/1.0 with Connection: " + value));
            checkNext(c, connection, 2, Requests.get("/ipsum.html"), c.file("/ipsum.html")
                    .when("HTTP/1.0 without keep-alive, after one with Connection: " + value));
        }
    }

    // ---- Several requests on one connection ---------------------------------------------------

    /** Sends {@code request} on the connection, then checks its answer, the {@code number}th on it. */
    static void checkNext(Checking c, RawConnection connection, int number, String request, Expected expected) {
        if (!connection.trySend(request)) {
            throw notKeptOpen(c, connection.readUntilClosed(), number, connection.lastResponse());
        }
        Timed answer = nextAnswer(c, connection, number, request, false);
        assertHeadSizedPerRequest(answer, number, request);
        c.check(answer, request, expected);
    }

    /**
     * A small head refused as too large (414, 431) after other requests on its connection got their
     * answers: the limit counted the heads of the whole connection.
     */
    static void assertHeadSizedPerRequest(Timed answer, int number, String request) {
        String code = answer.code();
        if (number > 1 && request.length() < HEAD_LIMIT && List.of("414", "431").contains(code)) {
            throw FailureReport.failure("Request " + number + " on one connection, of " + request.length()
                    + " bytes, got " + code + " as too large, where the requests before it got their answers.",
                    null, answer.reply(), List.of(new Hint(Hint.Id.HEAD_SIZED_PER_CONNECTION, "The size limit of a"
                    + " head (8 KiB) counts each request's head, not every head of the connection: start it again"
                    + " where a request begins, with the time limit.")));
        }
    }

    /**
     * Reads the {@code number}th answer on the connection. When none comes after an answer, fails
     * with the hint that names what happened: the connection closed (not kept open), or, for
     * requests sent together, it stayed open without an answer (the next requests were lost).
     */
    static Timed nextAnswer(Checking c, RawConnection connection, int number, String request, boolean sentTogether) {
        // The answer's Date may be no older than the connection: requests sent together may all be
        // answered before this read starts, so the time of the read is no bound for it.
        Instant sent = Instant.now().minus(connection.age());
        byte[] before = connection.lastResponse();
        boolean promisedMore = saysKeepAlive(before);
        Exchange exchange = connection.readResponse(request);
        Timed timed = new Timed(new ServerReply(exchange, c.server()), sent, Instant.now());
        if (number > 1 && exchange.response().length == 0) {
            boolean closed = exchange.ending() != Exchange.Ending.NOT_CLOSED;
            // Said keep-alive, then closed without an answer: it lost them, and its time limit for the
            // next request closed the connection (whether that or the check's wait ends first).
            if (sentTogether && (!closed || promisedMore)) {
                throw requestsLost(timed, number, closed);
            }
            if (closed) {
                throw notKeptOpen(c, exchange, number, before);
            }
        }
        return timed;
    }

    /** Whether an answer says "Connection: keep-alive": its connection was to stay open. */
    private static boolean saysKeepAlive(byte[] response) {
        return response.length > 0 && ResponseReader.says(HttpResponse.parse(response), "keep-alive");
    }

    private static SpecFailure requestsLost(Timed timed, int number, boolean closed) {
        return FailureReport.failure("After " + (number - 1) + " answer(s) on one connection, the next one never"
                + " came, and the connection " + (closed ? "closed, though the last answer said keep-alive."
                : "stayed open."), null, timed.reply(), List.of(new Hint(Hint.Id.PIPELINED_REQUEST_LOST,
                "The requests were sent together, in one piece, and the server answered the first, then waited: it"
                + " had read the next ones into a buffer, and lost them with it. Keep one buffered input per"
                + " connection, not one per request, and read the next request from it.")));
    }

    /** The server closed the connection after answer {@code number - 1}, although nothing asked it to. */
    static SpecFailure notKeptOpen(Checking c, Exchange end, int number) {
        return notKeptOpen(c, end, number, new byte[0]);
    }

    /** The same, {@code last} the answer before: a 3xx or 4xx, after an answer that kept the connection. */
    static SpecFailure notKeptOpen(Checking c, Exchange end, int number, byte[] last) {
        String code = HttpResponse.parse(last).code();
        return FailureReport.failure("The server closed the connection after " + (number - 1) + " answer(s): request "
                + number + " on it got no answer.", null, new ServerReply(end, c.server()), List.of(number > 2
                && code.matches("[34]\\d\\d") ? new Hint(Hint.Id.CLOSED_AFTER_AN_ERROR, "The connection stayed open"
                + " after a 200, not after this " + code + ": the answer to a request read whole keeps the connection,"
                + " whatever its status (RFC 9112 §9.3). Decide to keep it before the answer is made, where an error"
                + " thrown on the way cannot skip that.") : new Hint(Hint.Id.NOT_KEPT_OPEN, "An HTTP/1.1 connection"
                + " stays open after an answer, for the next request, unless the request says Connection: close (RFC"
                + " 9112 §9.3); an HTTP/1.0 one, when both say keep-alive. Read request after request on the same"
                + " socket, in a loop, until the client closes it or asks to.")));
    }

    /** The connection ended (or broke) after {@code answered} answers, none of them saying it would. */
    private static SpecFailure lastAnswerMissing(Checking c, RawConnection connection, int answered) {
        Exchange end = connection.readUntilClosed();
        boolean reset = end.ending() == Exchange.Ending.RESET;
        return FailureReport.failure("After " + answered + " answers on one connection, the connection "
                + (reset ? "was reset" : "closed") + ", and no answer had said Connection: close.",
                null, new ServerReply(end, c.server()), List.of(reset
                        ? new Hint(Hint.Id.RESET_AFTER_LAST_ANSWER, "Closing a socket while requests sent with the"
                                + " last one are still unread sends a reset, and the client may lose the last"
                                + " answers. Close gently (RFC 9112 §9.6): say Connection: close, shut the output down"
                                + " (Socket.shutdownOutput), read what the client still sends until it closes, then"
                                + " close.")
                        : new Hint(Hint.Id.CONNECTION_HEADER_WRONG, "The answer after which the server closes the"
                                + " connection says so, with Connection: close (RFC 9112 §9.6): the client then knows"
                                + " the requests it sent after it will get no answer.")));
    }
}
