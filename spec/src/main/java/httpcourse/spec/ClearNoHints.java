package httpcourse.spec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Step 7's mistakes that fail most checks, each told by one hint that stands for the others: the
 * Host asked of HTTP/1.0, "-" left out of a header name's characters, a connection kept after a bad
 * request. {@link FailureReport} asks them first.
 */
final class ClearNoHints {

    private ClearNoHints() {
    }

    /**
     * A 400 to an HTTP/1.0 request without Host, where another answer was due, from a server that asks
     * every version for the Host only HTTP/1.1 requires (it answers 400 to "GET / HTTP/1.0", not with
     * Host). Such requests, as nc and old clients send them, are most of the checks': this one hint
     * stands for the others, which would each explain the 400 their own way.
     */
    static Optional<Hint> hostAskedOfHttp10(byte[] expected, Exchange exchange, ServerState server) {
        return expected == null ? Optional.empty() : hostAskedOfHttp10(new String(exchange.request(),
                StandardCharsets.ISO_8859_1), HttpResponse.parse(expected).code(),
                HttpResponse.parse(exchange.response()).code(), server);
    }

    /** The same, by the status codes: the one due and the one that came. */
    static Optional<Hint> hostAskedOfHttp10(String request, String expectedCode, String actualCode,
                                            ServerState server) {
        if (!actualCode.equals("400") || expectedCode.equals("400") || !Requests.isHttp10(request)
                || Requests.hasField(request, "Host") || !server.probes().asksHostOfHttp10()) {
            return Optional.empty();
        }
        return Optional.of(new Hint(Hint.Id.HOST_ASKED_OF_HTTP10, "This HTTP/1.0 request has no Host header, and got"
                + " 400 Bad Request, as GET / does without Host, not with it. Only HTTP/1.1 requires Host (RFC 9112"
                + " §3.2): a request line that says HTTP/1.0, as nc, telnet and old clients send it, is served"
                + " without one. Ask for exactly one Host only of HTTP/1.1 requests."));
    }

    /**
     * A 400, where another answer was due, to a request with a header whose name holds "-", from a
     * server that refuses X-Probe and takes XProbe: "-" left out of a token's characters. Browsers
     * send User-Agent and Accept-Language: this one hint stands for every check they fail.
     */
    static Optional<Hint> hyphenRefused(byte[] expected, Exchange exchange, ServerState server) {
        String request = new String(exchange.request(), StandardCharsets.ISO_8859_1);
        if (expected == null || HttpResponse.parse(expected).code().equals("400")
                || !HttpResponse.parse(exchange.response()).code().equals("400")
                || !Pattern.compile("\r?\n[^:\r\n]*-[^:\r\n]*:").matcher(request).find()
                || !server.probes().refusesHyphenatedNames()) {
            return Optional.empty();
        }
        return Optional.of(new Hint(Hint.Id.HEADER_NAME_HYPHEN_REFUSED, "Every header whose name holds a \"-\""
                + " (User-Agent, Accept-Language) gets 400: X-Probe does, XProbe does not. A name is a token, and \"-\""
                + " is one of its characters (RFC 9110 §5.6.2). In a regular expression's [...], a \"-\" between two"
                + " characters makes a range: write it last, or escape it."));
    }

    /**
     * An error to a request after which the connection had to close, above all one the server could not
     * read (400, 414, 431, 505), where it kept the connection, or said it would, or answered again, from
     * a server that closes after GET / in HTTP/1.0: it chose to keep the connection before it had read
     * the request. This one hint stands for every check of a bad request.
     */
    static Optional<Hint> keptAfterABadRequest(Exchange exchange, ServerState server) {
        HttpResponse answer = HttpResponse.parse(exchange.response());
        String request = new String(exchange.request(), StandardCharsets.ISO_8859_1);
        String kept = exchange.ending() == Exchange.Ending.NOT_CLOSED ? "kept the connection open"
                : answeredAgain(answer) ? "answered again: the rest of the bad request was read as a new one"
                : HttpResponse.hasOption(answer.value("Connection"), "keep-alive") ? "said Connection: keep-alive"
                : null;
        if (kept == null || !List.of("400", "414", "431", "505").contains(answer.code())
                || !Requests.mustClose(request) || !server.probes().closesAfterAPlainGet()) {
            return Optional.empty();
        }
        return Optional.of(new Hint(Hint.Id.KEPT_OPEN_AFTER_BAD_REQUEST, "The server answered " + answer.code()
                + ", then " + kept + ". After GET / HTTP/1.0 it closes, as it should: here it chose to keep the"
                + " connection before it had read the request. After a request it could not read, the server cannot"
                + " tell where the next one starts (a body, the rest of a line too long): its answer says"
                + " Connection: close, and it closes (RFC 9112 §9.6). Start from close, and keep the connection only"
                + " once the request was read whole and found good."));
    }

    /**
     * A 400 or 501 where another answer was due, from a server that answers "XGET" after a wait on a kept
     * connection as "GET" ({@link ServerProbes#losesAFirstByteAfterAWait}): each request that came after
     * a wait lost its first byte ("ET /"). This one hint stands for every check of a kept connection.
     */
    static Optional<Hint> firstByteLost(byte[] expected, Exchange exchange, ServerState server) {
        return expected == null ? Optional.empty() : firstByteLost(HttpResponse.parse(expected).code(),
                HttpResponse.parse(exchange.response()).code(), server);
    }

    /** The same, told by the status codes due and got. */
    static Optional<Hint> firstByteLost(String due, String code, ServerState server) {
        if (!List.of("400", "501").contains(code) || due.equals(code) || !server.probes().losesAFirstByteAfterAWait()) {
            return Optional.empty();
        }
        return Optional.of(new Hint(Hint.Id.FIRST_BYTE_LOST, "The answer was " + code + ": the request lost its first"
                + " byte. On a kept connection, a request that comes after a wait loses it (\"XGET /\" got 200, as if"
                + " it were \"GET /\"): the read that waits for the next request took the byte and never gave it"
                + " back. Mark the stream before that read and reset() it after (mark(1)), or unread() the byte"
                + " (PushbackInputStream)."));
    }

    /** Whether more bytes than the answer's Content-Length came, and they begin a second answer. */
    private static boolean answeredAgain(HttpResponse answer) {
        String length = answer.value("Content-Length");
        byte[] body = answer.body();
        return length != null && length.matches("\\d{1,9}") && body.length > Integer.parseInt(length)
                && new String(body, StandardCharsets.ISO_8859_1).startsWith("HTTP/", Integer.parseInt(length));
    }
}
