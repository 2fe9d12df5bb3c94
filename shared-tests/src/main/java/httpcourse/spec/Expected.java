package httpcourse.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a check of steps 6 and on expects of one response: its status line, rules for some of its
 * header fields (every response needs Date), and its body. Header fields it has no rule for may
 * come too, in any order, except where {@link #onlyTheseHeaders} says otherwise.
 * {@link ResponseCheck#verify} compares a real response with it.
 */
public final class Expected {

    /** What the body must be. */
    enum Body {
        /** These exact bytes. */
        EXACT,
        /** Any short text that is not empty: an error's explanation, in the server's own words. */
        ANY_TEXT,
        /** Nothing: the answer to HEAD, or a 304. */
        NONE
    }

    final String statusLine;
    final Body body;
    final byte[] exactBody;
    final List<HeaderRule> rules = new ArrayList<>();
    boolean onlyTheseHeaders;
    String situation = "";
    String statusHint = "";

    private Expected(String status, Body body, byte[] exactBody) {
        this.statusLine = "HTTP/1.0 " + status;
        this.body = body;
        this.exactBody = exactBody;
        rules.add(HeaderRules.date());
    }

    /** 200 OK with exactly these bytes, their Content-Length, and this Content-Type. */
    public static Expected ok(byte[] body, HeaderRule contentType) {
        return new Expected("200 OK", Body.EXACT, body).with(contentType).with(HeaderRules.contentLength());
    }

    /** An error (or a redirect): this status, a short text that says why, its Content-Length and type. */
    public static Expected error(String status) {
        return new Expected(status, Body.ANY_TEXT, null).with(HeaderRules.textType()).with(HeaderRules.contentLength());
    }

    /** 301 Moved Permanently to {@code location}, with a short text. */
    public static Expected redirect(String location) {
        return error("301 Moved Permanently").with(HeaderRules.location(location));
    }

    /** 304 Not Modified: no body; a Content-Length, if any, is the file's length (RFC 9110 §8.6). */
    public static Expected notModified(long fileLength) {
        return new Expected("304 Not Modified", Body.NONE, null).with(HeaderRules.optionally("Content-Length",
                String.valueOf(fileLength), "A 304 may say the Content-Length a 200 would have"));
    }

    /** What HEAD must get: the status line and header fields of {@code get}, Date apart, and no body. */
    public static Expected headOf(HttpResponse get) {
        Expected head = new Expected(get.statusLine().substring("HTTP/1.0 ".length()), Body.NONE, null);
        for (HttpResponse.Field field : HeaderRules.fieldsButDate(get)) {
            head.with(HeaderRules.exactly(field.name(), field.value(), "A HEAD answer has the header fields GET's"
                    + " answer has, with the same values"));
        }
        head.onlyTheseHeaders = true;
        return head;
    }

    /** Adds a rule for one more header field. */
    public Expected with(HeaderRule rule) {
        rules.add(rule);
        return this;
    }

    /** What the request was, for the report: "a header line with a space before its colon". */
    public Expected when(String situation) {
        this.situation = situation;
        return this;
    }

    /** The hint when the status is not the expected one: which rule asks for it. */
    public Expected because(String statusHint) {
        this.statusHint = statusHint;
        return this;
    }

    HeaderRule rule(String name) {
        return rules.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    /** The body to expect, given what came: for ANY_TEXT, the server's own text, if it is that answer. */
    byte[] bodyFor(HttpResponse actual) {
        return switch (body) {
            case EXACT -> exactBody;
            case NONE -> new byte[0];
            case ANY_TEXT -> actual.statusLine().equals(statusLine) && actual.body().length > 0 ? actual.body()
                    : (statusLine.substring("HTTP/1.0 ".length()) + ": a few words that say why\n")
                            .getBytes(StandardCharsets.US_ASCII);
        };
    }
}
