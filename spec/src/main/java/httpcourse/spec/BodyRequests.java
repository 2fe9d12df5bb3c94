package httpcourse.spec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Requests with a body, and what a server must do with one: from step 10, close the connection
 * after the answer or read the body; from step 11, read it. Shared by {@link KeepAliveChecks} and
 * {@link BodyChecks}.
 */
final class BodyRequests {

    private BodyRequests() {
    }

    /** A POST of /ipsum.html (405 for a file server) with this body, framed by its Content-Length. */
    static String withContentLength(String body) {
        return "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** A POST of /ipsum.html with a chunked body: {@code chunks} is its chunks, written out, and what ends them. */
    static String chunked(String chunks) {
        return "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks;
    }

    /** 405 Method Not Allowed, with Allow: what a file server answers to a POST. */
    static Expected methodNotAllowed(Checking c, String situation) {
        return c.error("405 Method Not Allowed").with(HeaderRules.allow("GET", "HEAD")).when(situation)
                .because("A file server only sends files, with GET and HEAD: a POST gets 405 and an Allow header that"
                        + " lists GET and HEAD (RFC 9110 §15.5.6), whatever its body.");
    }

    /** A Content-Length of 5 GB, more than an int holds (2 147 483 647). */
    static final long HUGE_BODY = 5_000_000_000L;

    /** The hint when a Content-Length of {@link #HUGE_BODY} gets no answer, or a refusal. */
    static Hint lengthOverflow() {
        return new Hint(Hint.Id.BODY_LENGTH_OVERFLOW, "Content-Length: " + HUGE_BODY + " is more than an int holds"
                + " (2 147 483 647): read with Integer.parseInt, it throws. A length is a long (Long.parseLong); a"
                + " body over the limit still gets an answer, then the close.");
    }

    /** A GET with a body, which is a request too: the file, and never the body taken for the next request. */
    static void assertGetBodyNotRead(Checking c) {
        String get = withContentLength(KeepAliveChecks.REQUEST_AS_BODY).replace("POST ", "GET ");
        String next = Requests.http11Closing("GET", "/ipsum.html");
        try (RawConnection connection = c.server().open()) {
            connection.send(get + next);
            Timed first = KeepAliveChecks.nextAnswer(c, connection, 1, get, true);
            assertNotTheBody(c, first);
            c.check(first, get, c.file("/ipsum.html").when("a GET with a body, which is a request"));
            if (first.exchange().ending() == Exchange.Ending.KEPT_OPEN) {
                assertNotTheBody(c, KeepAliveChecks.nextAnswer(c, connection, 2, next, true));
            }
        }
    }

    /**
     * Sends {@code post}, whose body is a request for /about.html, and a request for /ipsum.html
     * after it, in one piece. The POST gets 405; then either the connection closes, saying so in
     * that answer (step 10: the body is not read), or, when {@code mustReadBody} or the connection
     * stays open, the next request gets /ipsum.html. /about.html, never: that is the body.
     *
     * @param refusedHint   the hint when the POST gets 400 or 501, or the close alone (this framing was refused),
     *                      or null
     * @param afterBodyHint the hint when the request after the body gets a wrong answer (the end of
     *                      this framing was misread), or null for the usual report
     */
    static void assertBodyNotRead(Checking c, String framing, String post, boolean mustReadBody, Hint refusedHint,
                                  Hint afterBodyHint) {
        String next = Requests.http11Closing("GET", "/ipsum.html");
        try (RawConnection connection = c.server().open()) {
            connection.send(post + next);
            Timed first = KeepAliveChecks.nextAnswer(c, connection, 1, post, true);
            assertNotTheBody(c, first);
            if (first.exchange().response().length == 0 && post.length() > KeepAliveChecks.HEAD_LIMIT) {
                throw countedAsHead(first.reply(), "closed the connection without an answer to", framing);
            }
            byte[] answer = first.exchange().response();
            boolean closed = answer.length == 0 && first.exchange().ending() != Exchange.Ending.NOT_CLOSED;
            if (refusedHint != null && (closed || List.of("400", "501").contains(HttpResponse.parse(answer).code()))) {
                throw FailureReport.failure("The server " + (closed ? "closed the connection without an answer to"
                        : "refused") + " a POST whose body (" + framing + ") " + (mustReadBody ? "it should read."
                        : "is framed as any other: a 405, and the close."), null, first.reply(), List.of(refusedHint));
            }
            c.check(first, post, methodNotAllowed(c, "a POST whose body (" + framing + ") is a request"));
            boolean closedAfterIt = first.exchange().ending() != Exchange.Ending.KEPT_OPEN;
            if (closedAfterIt && !mustReadBody) {
                return; // it said close, and closed: the body went with the connection
            }
            Exchange end = closedAfterIt ? first.exchange() : connection.readResponse(next);
            if (closedAfterIt && mustReadBody && post.length() > KeepAliveChecks.HEAD_LIMIT) { // the callers try a small body first
                throw countedAsHead(first.reply(), "answered, then closed the connection after,", framing);
            }
            if (end.response().length == 0 && end.ending() != Exchange.Ending.NOT_CLOSED || closedAfterIt) {
                throw closedAfterABody(c, end, framing, mustReadBody);
            }
            Timed second = new Timed(new ServerReply(end, c.server()), first.sent(), Instant.now());
            assertNotTheBody(c, second);
            if (afterBodyHint != null && end.response().length > 0
                    && !HttpResponse.parse(end.response()).code().equals("200")) {
                throw FailureReport.failure("The request after the POST's body (" + framing + ") was not answered"
                        + " with /ipsum.html.", null, second.reply(), List.of(afterBodyHint));
            }
            c.check(second, next, c.file("/ipsum.html").when("the request after a POST with a body (" + framing + ")"));
        }
    }

    /** The server did not read a body larger than a head may be: {@code what} it did instead. */
    private static SpecFailure countedAsHead(ServerReply reply, String what, String framing) {
        return FailureReport.failure("The server " + what + " a POST whose body (" + framing + ") is larger than a"
                + " request head may be.", null, reply, List.of(new Hint(Hint.Id.BODY_COUNTED_AS_HEAD, "A limit meant"
                + " for the request head (8 KiB) counted the body's bytes too. Count the head's bytes only, start the"
                + " count again for each request, and skip the body past it: the body has a limit of its own.")));
    }

    /** Fails when the answer holds /about.html: the server answered the body of the POST as a request. */
    static void assertNotTheBody(Checking c, Timed answer) {
        String response = new String(answer.exchange().response(), StandardCharsets.ISO_8859_1);
        if (response.contains(c.webRoot().token("about"))) {
            throw FailureReport.failure("The server answered with /about.html: it took a request's body, a request"
                    + " for /about.html, for the next request.", null, answer.reply(), List.of(new Hint(
                    Hint.Id.BODY_READ_AS_REQUEST, "A request with Content-Length or Transfer-Encoding: chunked has a"
                    + " body (RFC 9112 §6.3), which comes right after its head. Read it (or skip it) whole before"
                    + " the next request, even if you have no use for it; or, as long as you do not, close the"
                    + " connection after the answer, saying Connection: close. Here it looked like a request, and was"
                    + " answered as one.")));
        }
    }

    /** The connection closed after the answer to a request with a body: fine in step 10 if said, not from 11. */
    static SpecFailure closedAfterABody(Checking c, Exchange end, String framing, boolean mustReadBody) {
        ServerReply reply = new ServerReply(end, c.server());
        if (mustReadBody) {
            return FailureReport.failure("After its answer to a POST with a body (" + framing + "), the server closed"
                    + " the connection: the next request, sent after the body, got no answer.", null, reply, List.of(
                    readAfterTheAnswer(c).orElse(new Hint(Hint.Id.BODY_LEFT_UNREAD, "A request's body is read, and"
                            + " forgotten, before the next request (RFC 9112 §6.3): its Content-Length bytes, or its"
                            + " chunks up to the last one and the trailer lines after it. Closing the connection instead"
                            + " loses the requests a client sent after it, as browsers do."))));
        }
        return FailureReport.failure("After its answer to a POST with a body (" + framing + "), the server closed the"
                + " connection, but the answer did not say so.", null, reply, List.of(new Hint(
                Hint.Id.CONNECTION_HEADER_WRONG, "The answer after which the server closes the connection says so,"
                + " with Connection: close (RFC 9112 §9.6): the client then knows that the requests it sent after it"
                + " will get no answer, and sends them again on a new connection.")));
    }

    /**
     * The hint for a POST's 405 that came before its body was read, or its framing judged, from a server
     * that reads a body only when the answer succeeds ({@link ServerProbes#readsABodyOnlyOnSuccess}).
     */
    static Optional<Hint> readAfterTheAnswer(Checking c) {
        return c.server().probes().readsABodyOnlyOnSuccess() ? Optional.of(new Hint(Hint.Id.BODY_READ_AFTER_THE_ANSWER,
                "The body is read only once the answer is made, and an error thrown on the way skips it: after a GET"
                + " of /ipsum.html with a body of 5 bytes, the next request on the connection got its answer, but not"
                + " after the same GET of a missing file (404). This POST's 405 came the same way, before its body was"
                + " read, or its length judged. Read the body, or refuse its framing, before the answer is made"
                + " (before respond()), whatever its status.")) : Optional.empty();
    }

    /** {@code head} of a chunked request, then 64 KiB chunks until the server answers (or closes), or {@code failSafe}. */
    static Timed chunksUntilAnswered(Checking c, String head, int failSafe) {
        String chunk = Integer.toHexString(64 << 10) + "\r\n" + "x".repeat(64 << 10) + "\r\n";
        try (RawConnection connection = c.server().open()) {
            Instant sent = Instant.now();
            boolean sending = connection.trySend(head);
            for (int bytes = 0; sending && bytes <= failSafe && !connection.sendsSomethingWithin(Duration.ZERO);
                 bytes += 64 << 10) { // at the fail-safe, the end of the body
                sending = connection.trySend(bytes < failSafe ? chunk : "0\r\n\r\n");
            }
            return new Timed(new ServerReply(connection.readResponse(head), c.server()), sent, Instant.now());
        }
    }

    /**
     * After the whole answer and the server's close: whether the server still takes in what the client
     * sends, as a gentle close does (and then closes), rather than a reset. Its close may be a reset even
     * though all of the answer came (the client had room for it all): the bytes sent after it then meet
     * the reset. The first bytes may leave before the reset comes back; the second cannot.
     */
    static boolean takesMoreOfTheBody(RawConnection connection) {
        for (int i = 0; i < 2; i++) {
            if (!connection.trySend("x".repeat(1024))) {
                return false;
            }
            Pause.sleep(Duration.ofMillis(100));
        }
        return true;
    }

    /** A POST that expects 100 Continue, its body held back: answered at once, or told to go on. */
    static void answersWithoutTheBody(Checking c, String expectation, boolean inChunks, Hint ignored) {
        String body = KeepAliveChecks.REQUEST_AS_BODY;
        String head = "POST /ipsum.html HTTP/1.1\r\nHost: localhost\r\nExpect: " + expectation + "\r\n" + (inChunks
                ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length()) + "\r\n\r\n";
        try (RawConnection connection = c.server().open()) {
            connection.send(head);
            Timed first = KeepAliveChecks.nextAnswer(c, connection, 1, head, false);
            Exchange said = first.exchange();
            // Closed too: a server that waits for the body closes when its own time limit is over.
            if (said.response().length == 0 && said.ending() != Exchange.Ending.RESET) {
                throw FailureReport.failure("The request said Expect: " + expectation + ", and its body did not"
                        + " come: the server said nothing" + (said.ending() == Exchange.Ending.NOT_CLOSED ? "."
                        : ", and closed the connection."), null, first.reply(), List.of(ignored));
            }
            if (first.code().equals("100")) {
                assertAnswersAfterContinue(c, connection, head, inChunks
                        ? Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n" : body);
                return;
            }
            HttpResponse answer = HttpResponse.parse(first.exchange().response());
            if (answer.code().equals("405") && !ResponseReader.says(answer, "close")) {
                throw FailureReport.failure("The server answered at once a request whose body it did not read"
                        + " (Expect: " + expectation + "), and its answer did not say Connection: close.", null,
                        first.reply(), List.of(new Hint(Hint.Id.CONNECTION_HEADER_WRONG, "A final answer to a"
                        + " request whose body was not read leaves the connection where nobody knows where the"
                        + " next request starts (the client may send the body all the same): close it after"
                        + " the answer, and say so first, with Connection: close (RFC 9110 §10.1.1).")));
            }
            c.check(first, head, methodNotAllowed(c, "a POST that waits for 100 Continue")
                    .with(HeaderRules.connectionClose(true)));
        }
    }

    /**
     * After "100 Continue", the client sends its body, a request for /about.html, and a request
     * after it: the POST gets its final answer, then the next request its own, never /about.html's.
     */
    private static void assertAnswersAfterContinue(Checking c, RawConnection connection, String head, String body) {
        String next = Requests.http11Closing("GET", "/ipsum.html");
        connection.send(body + next);
        Timed answer = KeepAliveChecks.nextAnswer(c, connection, 2, head, true);
        assertNotTheBody(c, answer);
        c.check(answer, head, methodNotAllowed(c, "a POST whose body came after 100 Continue"));
        if (answer.exchange().ending() == Exchange.Ending.KEPT_OPEN) {
            Timed second = KeepAliveChecks.nextAnswer(c, connection, 3, next, true);
            assertNotTheBody(c, second);
            c.check(second, next, c.file("/ipsum.html").when("the request after the body sent after 100 Continue"));
        }
    }
}
