package httpcourse.spec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Step 8's mistakes that show in any check ({@link FailureReport} asks of every failure): hex digits read in one
 * letter case only, so %2e gets 400 where %2E is decoded; and which targets name htdocs itself, for the hint of
 * a server whose folder code fails there.
 */
final class UrlHints {

    /** An escape with a hex letter in lower case: %2e, %c3. */
    private static final Pattern LOWER_CASE_ESCAPE = Pattern.compile("%(?=[0-9a-fA-F]{2})(?:[0-9][a-f]|[a-f][0-9a-f])");

    private UrlHints() {
    }

    /** A 400 for a target with %2e in it, where the same target with %2E gets another answer. */
    static Optional<Hint> hexCaseRefused(Exchange exchange, ServerState server, boolean stopped) {
        String request = Requests.lastHead(new String(exchange.request(), StandardCharsets.ISO_8859_1));
        if (stopped || request == null || !HttpResponse.parse(exchange.response()).code().equals("400")) {
            return Optional.empty();
        }
        String line = request.replaceFirst("^\r?\n", "").split("\r?\n", 2)[0];
        if (!LOWER_CASE_ESCAPE.matcher(line).find()) {
            return Optional.empty();
        }
        String upper = LOWER_CASE_ESCAPE.matcher(line).replaceAll(escape -> escape.group().toUpperCase(Locale.ROOT));
        // The same request, its escapes in capitals, on a connection of its own that it asks to close.
        String again = Requests.withField(request.replace(line, upper), "Host",
                Objects.requireNonNullElse(Requests.value(request, "Host"), "localhost"));
        String code = server.probes().answerTo(again).code();
        if (code.isEmpty() || code.equals("400")) {
            return Optional.empty();
        }
        return Optional.of(new Hint(Hint.Id.HEX_CASE_REFUSED, "\"" + line + "\" got 400 Bad Request, and \"" + upper
                + "\" gets " + code + ": the server reads hex digits in capitals only. %2e is %2E: an escape's digits"
                + " come in either case (RFC 3986 §2.1), and HexFormat.isHexDigit takes both."));
    }

    /**
     * Whether a GET or HEAD names htdocs itself, in any of its forms: "/", "/?x=1", "http://localhost",
     * "/sub/..". A server whose folder code fails for htdocs fails them all ({@link FailureReport}).
     */
    static boolean namesTheRoot(String request) {
        String[] line = Requests.requestLine(request);
        if (line.length != 3 || !List.of("GET", "HEAD").contains(line[0])) {
            return false;
        }
        boolean url = line[1].matches("(?i)https?://.*");
        String path = line[1].replaceFirst("(?i)^https?://[^/?#]*", "").replaceFirst("[?#].*", "");
        int depth = 0; // folders below htdocs, name after name: ".." climbs one, never above htdocs
        for (String name : path.split("/")) {
            if (name.equals("..")) {
                depth = Math.max(depth - 1, 0);
            } else if (!name.isEmpty() && !name.equals(".")) {
                depth++;
            }
        }
        return (path.startsWith("/") || url && path.isEmpty()) && depth == 0;
    }
}
