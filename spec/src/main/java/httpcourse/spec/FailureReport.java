package httpcourse.spec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The report of a failed check, for a person: the request sent, the expected and actual bytes
 * with CR and LF visible, a caret under the first difference, the hints, and what the server
 * printed when that can tell why. Surefire, IDEs and the grader all show this very text.
 */
final class FailureReport {

    private FailureReport() {
    }

    /**
     * @param headline what went wrong, in one line
     * @param expected the expected response, or null when any closed connection would do
     */
    static SpecFailure failure(String headline, byte[] expected, ServerReply reply) {
        return failure(headline, expected, reply, List.of());
    }

    /**
     * The same, with the hints a check found itself ({@link ResponseCheck}: the header fields), which
     * then replace the general ones; when it found none, or the server stopped, the general ones apply.
     */
    static SpecFailure failure(String headline, byte[] expected, ServerReply reply, List<Hint> checkHints) {
        return failure(headline, expected, expected == null ? 0 : expected.length, reply, checkHints);
    }

    /**
     * The same, where only the first {@code literal} bytes of {@code expected} are bytes due, and the
     * rest describes a body ("[the file's 186 bytes, gzip-compressed ...]"): no first difference is
     * looked for in a description.
     */
    static SpecFailure failure(String headline, byte[] expected, int literal, ServerReply reply,
                               List<Hint> checkHints) {
        Exchange exchange = reply.exchange();
        byte[] got = exchange.response();
        ServerState server = reply.server();
        boolean stopped = server.stoppedAfter(exchange);
        List<Hint> hints = UploadsFolder.partElsewhere(exchange, server)
                .or(() -> ClearNoHints.hostAskedOfHttp10(expected, exchange, server))
                .or(() -> ClearNoHints.hyphenRefused(expected, exchange, server))
                .or(() -> ClearNoHints.keptAfterABadRequest(exchange, server))
                .or(() -> ClearNoHints.firstByteLost(expected, exchange, server))
                .or(() -> ManyClientsHints.gaveUpOnAPause(exchange, server, stopped))
                .or(() -> ManyClientsHints.cutAHeadInPieces(exchange, server, stopped))
                .or(() -> ManyClientsHints.endedBeforeReading(exchange, server, stopped))
                .or(() -> bodyForGetOnly(expected, exchange, server, stopped))
                .or(() -> CodingRules.identityTakenAsRefused(exchange, server, stopped))
                .or(() -> UrlHints.hexCaseRefused(exchange, server, stopped)).map(List::of).orElseGet(() ->
                !checkHints.isEmpty() && !stopped ? checkHints : rootNotMapped(exchange, server, stopped)
                        .or(() -> ManyClientsHints.leftOpenAfterAnError(exchange, server)).map(List::of)
                        .orElseGet(() -> Hints.explain(expected == null ? got : expected, exchange, server.webRoot(),
                                stopped)));
        return report(headline, expected, literal, reply, hints);
    }

    /**
     * The same, with the check's own hints and no general one: where the check knows what they cannot
     * (the same request got an answer at the check's start, so a server that never answers is not it).
     */
    static SpecFailure failureWithItsHints(String headline, ServerReply reply, List<Hint> checkHints) {
        return report(headline, null, 0, reply, checkHints);
    }

    private static SpecFailure report(String headline, byte[] expected, int literal, ServerReply reply,
                                      List<Hint> hints) {
        Exchange exchange = reply.exchange();
        byte[] got = exchange.response();
        ServerState server = reply.server();
        StringBuilder report = new StringBuilder(headline).append("\n");
        boolean refused = exchange.ending() == Exchange.Ending.REFUSED;
        report.append(refused ? "Request, never sent (" : "Request sent (").append(exchange.request().length)
                .append(" bytes):\n")
                .append(VisibleBytes.render(exchange.request()));
        if (expected != null) {
            report.append("Expected response (").append(expected.length).append(" bytes), then the connection closed:\n")
                    .append(VisibleBytes.render(expected));
        }
        report.append("Actual response (").append(got.length).append(" bytes), ")
                .append(describeEnding(exchange)).append(":\n")
                .append(VisibleBytes.render(got));
        if (expected != null) {
            report.append(literal < expected.length ? VisibleBytes.firstDifference(Arrays.copyOf(expected, literal),
                    Arrays.copyOf(got, Math.min(literal, got.length))) : VisibleBytes.firstDifference(expected, got));
        }
        report.append(Hint.render(hints));
        report.append(server.describeAfterFailure(exchange, hints));
        return new SpecFailure(report.toString(), hints);
    }

    /**
     * GET / unanswered, even sent alone and at once, from a server that serves /index.html: "/" is not
     * mapped to its page (a string compared with ==, say). This one hint stands for every check that
     * asks for "/". From step 8, a server that serves the folder /docs/ has no mapping to get wrong: its
     * folder code fails for htdocs itself, whatever form the target takes ("/?x=1", "/sub/..").
     */
    private static Optional<Hint> rootNotMapped(Exchange exchange, ServerState server, boolean stopped) {
        String request = new String(exchange.request(), StandardCharsets.ISO_8859_1);
        boolean closed = exchange.ending() == Exchange.Ending.CLOSED || exchange.ending() == Exchange.Ending.RESET;
        if (exchange.response().length > 0 || !closed || stopped || !UrlHints.namesTheRoot(request)
                || server.probes().answersAPlainGet() || !server.probes().servesIndexHtml()) {
            return Optional.empty();
        }
        if (server.probes().servesAFolderIndex()) {
            return Optional.of(new Hint(Hint.Id.ROOT_FOLDER_FAILS, "GET / got no answer, while GET /index.html and"
                    + " GET /docs/ are served: the folder htdocs itself fails where other folders do not. Its path"
                    + " relative to htdocs is empty (one empty name: \"\".charAt(0) throws), and htdocs has no"
                    + " parent inside htdocs (getParent() may be null): the server's output below may show where."));
        }
        if (!request.startsWith("GET / ")) {
            return Optional.empty();
        }
        return Optional.of(new Hint(Hint.Id.ROOT_NOT_MAPPED, "GET / got no answer, while GET /index.html is served:"
                + " \"/\" names the folder htdocs, whose page is index.html. Map the path \"/\" to \"/index.html\""
                + " (compare the strings with equals: == compares objects, and a path read from a request is never"
                + " the literal \"/\")."));
    }

    /**
     * A head and no body, for a method other than GET and HEAD, from a server whose answer to a GET of
     * the same path has the same status and a body: the body sent for GET only, where only HEAD's answer
     * goes without one. The GET tells it apart from a server that fails after every head, or sends an
     * error (a 405 where GET gets 200, a 404 for every method) without its text.
     */
    private static Optional<Hint> bodyForGetOnly(byte[] expected, Exchange exchange, ServerState server,
                                                 boolean stopped) {
        String[] requestLine = Requests.requestLine(new String(exchange.request(), StandardCharsets.ISO_8859_1));
        HttpResponse got = HttpResponse.parse(exchange.response());
        if (stopped || requestLine.length < 2 || List.of("GET", "HEAD").contains(requestLine[0])
                || got.code().isEmpty() || !got.hasEmptyLine() || got.body().length > 0
                || expected != null && HttpResponse.parse(expected).body().length == 0
                || !got.code().equals(server.probes().codeOfGetWithABody(requestLine[1]))) {
            return Optional.empty();
        }
        return Optional.of(new Hint(Hint.Id.BODY_FOR_GET_ONLY, "The answer to this " + requestLine[0] + " has its head"
                + " and no body, where a GET of " + requestLine[1] + " gets the same status and a body. Only the"
                + " answer to HEAD goes without a body: send it unless the method is HEAD (test for HEAD, not for"
                + " GET)."));
    }

    private static String describeEnding(Exchange exchange) {
        return switch (exchange.ending()) {
            case CLOSED -> "then the server closed the connection";
            case NOT_CLOSED -> exchange.quiet()
                    ? "and the connection was still open " + LeftOpen.QUIET.toSeconds() + " s after the last byte"
                            + " (the server left a connection open before: now the checks wait no longer for a close)"
                    : "and the connection was still open after " + exchange.waited().toSeconds() + " s";
            case RESET -> "then the connection was reset";
            case REFUSED -> "because the connection was refused";
            case KEPT_OPEN -> "then the client stopped reading (its Content-Length), the connection still open";
        };
    }
}
