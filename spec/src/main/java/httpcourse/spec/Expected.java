package httpcourse.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a check of steps 6 and on expects of one response: its status line, rules for some of its
 * header fields (every response needs Date), and its body. Header fields it has no rule for may
 * come too, in any order. {@link ResponseCheck#verify} compares a real response with it.
 */
public final class Expected {

    /** What the body must be. */
    enum Body {
        /** These exact bytes. */
        EXACT,
        /** Any short text that is not empty: an error's explanation, in the server's own words. */
        ANY_TEXT,
        /** Nothing: the answer to HEAD, or a 304. */
        NONE,
        /** Any bytes, none too: what a 201 Created says is the server's choice. */
        ANY,
        /** Bytes that a client decodes into these exact bytes: gzip, maybe in chunks (step 17). */
        GZIP
    }

    String statusLine;
    boolean bare; // steps 1 to 5: the status line, the empty line, the body, and no header field
    final Body body;
    final byte[] exactBody;
    final List<HeaderRule> rules = new ArrayList<>();
    String situation = "";
    boolean mayStayOpen;
    Hint.Id statusHintId = Hint.Id.WRONG_STATUS;
    String statusHint = "";
    Hint bytesHint; // null: a wrong body gets the general hints
    byte[] partOf; // a part's whole file, the part from partStart on: a body that runs on past the part is told
    int partStart;

    private Expected(String statusLine, Body body, byte[] exactBody) {
        this.statusLine = statusLine;
        this.body = body;
        this.exactBody = exactBody;
    }

    private static Expected withDate(String status, Body body, byte[] exactBody) {
        Expected expected = new Expected("HTTP/1.0 " + status, body, exactBody);
        expected.rules.add(DateRule.date());
        return expected;
    }

    /**
     * The answer of steps 1 to 5, byte for byte: the status line, the empty line that ends the head
     * (no header field), then the body; the connection closes after it.
     */
    public static Expected bare(String statusLine, byte[] body) {
        Expected expected = new Expected(statusLine, Body.EXACT, body);
        expected.bare = true;
        return expected;
    }

    boolean isBare() {
        return bare;
    }

    /** The whole bare answer, as bytes. */
    byte[] bareBytes() {
        byte[] head = (statusLine + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + exactBody.length);
        System.arraycopy(exactBody, 0, all, head.length, exactBody.length);
        return all;
    }

    /** 200 OK with exactly these bytes, their Content-Length, and this Content-Type. */
    public static Expected ok(byte[] body, HeaderRule contentType) {
        return withDate("200 OK", Body.EXACT, body).with(contentType).with(HeaderRules.contentLength());
    }

    /** An error (or a redirect): this status, a short text that says why, its Content-Length and type. */
    public static Expected error(String status) {
        return withDate(status, Body.ANY_TEXT, null).with(HeaderRules.textType()).with(HeaderRules.contentLength());
    }

    /** 301 Moved Permanently to {@code location}, with a short text. */
    public static Expected redirect(String location) {
        return error("301 Moved Permanently").with(HeaderRules.location(location));
    }

    /** 301 to {@code location}, the request's query kept after it or not. */
    public static Expected redirect(String location, String query) {
        return error("301 Moved Permanently").with(HeaderRules.location(location, query));
    }

    /** 201 Created: Location names the new file; any body (a few words, or none) with its Content-Length. */
    public static Expected created(String location) {
        return withDate("201 Created", Body.ANY, null).with(HeaderRules.fileLocation(location))
                .with(HeaderRules.contentLength());
    }

    /** 204 No Content: no body, and no Content-Length (RFC 9110 §8.6). */
    public static Expected noContent() {
        return withDate("204 No Content", Body.NONE, null).with(HeaderRules.noContentLength());
    }

    /** 200 OK with any body, its Content-Length: the other answer RFC 9110 §9.3.4 allows a PUT that replaced a file. */
    public static Expected okAnyBody() {
        return withDate("200 OK", Body.ANY, null).with(HeaderRules.contentLength());
    }

    /** 206 Partial Content: bytes first to last of a file, their Content-Length, its type, and which part they are. */
    public static Expected partial(byte[] file, int first, int last, HeaderRule contentType) {
        Expected expected = withDate("206 Partial Content", Body.EXACT, Arrays.copyOfRange(file, first, last + 1))
                .with(contentType).with(HeaderRules.contentLength())
                .with(HeaderRules.contentRange("bytes " + first + "-" + last + "/" + file.length));
        expected.partOf = file;
        expected.partStart = first;
        return expected;
    }

    /**
     * 200 OK with these bytes gzip-compressed (Content-Encoding: gzip), in chunks or with the
     * Content-Length of the compressed bytes, and Vary: Accept-Encoding (step 17); {@code contentEncoding}
     * is the rule for Content-Encoding: gzip, whose hint says why this answer is compressed.
     */
    public static Expected gzipped(byte[] content, HeaderRule contentType, HeaderRule contentEncoding) {
        Expected expected = withDate("200 OK", Body.GZIP, content).with(contentType).with(contentEncoding)
                .with(CodingRules.vary());
        CodingRules.framing().forEach(expected::with);
        return expected;
    }

    /** 304 Not Modified: no body; a Content-Length, if any, is the file's length (RFC 9110 §8.6). */
    public static Expected notModified(long fileLength) {
        return withDate("304 Not Modified", Body.NONE, null).with(HeaderRules.contentLength(fileLength, false));
    }

    /**
     * What HEAD gets for the same target (RFC 9110 §9.3.2): this answer's head, with the
     * Content-Length of its body, {@code length} bytes, and no body.
     */
    public Expected withoutBody(long length) {
        Expected head = new Expected(statusLine, Body.NONE, null);
        rules.stream().filter(rule -> !rule.name().equals("Content-Length")).forEach(head.rules::add);
        head.rules.add(HeaderRules.contentLength(length, true));
        head.situation = situation;
        head.mayStayOpen = mayStayOpen;
        return head;
    }

    /**
     * What HEAD gets where GET got {@code get}: this answer's head, Content-Length and
     * Transfer-Encoding as GET's were (none where it had none), and no body.
     */
    public Expected withoutBodyAs(HttpResponse get, String why) {
        Expected head = new Expected(statusLine, Body.NONE, null);
        rules.stream().filter(rule -> !rule.name().equalsIgnoreCase("Content-Length")
                && !rule.name().equalsIgnoreCase("Transfer-Encoding")).forEach(head.rules::add);
        head.rules.add(CodingRules.same("Content-Length", get.value("Content-Length"), why));
        head.rules.add(CodingRules.same("Transfer-Encoding", get.value("Transfer-Encoding"), why));
        head.situation = situation;
        head.mayStayOpen = mayStayOpen;
        return head;
    }

    /** The same answer in HTTP/1.1, the version of steps 8 and on: "HTTP/1.1 200 OK". */
    public Expected inHttp11() {
        statusLine = statusLine.replaceFirst("^HTTP/1\\.0 ", "HTTP/1.1 ");
        return this;
    }

    /**
     * The connection may stay open after this answer (a persistent connection): the check reads it
     * by its Content-Length, and does not wait for a close.
     */
    public Expected mayStayOpen() {
        mayStayOpen = true;
        return this;
    }

    /** Without the rules for the header field {@code name}: for a check that puts its own in their place. */
    public Expected without(String name) {
        rules.removeIf(rule -> rule.name().equalsIgnoreCase(name));
        return this;
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
        return because(Hint.Id.WRONG_STATUS, statusHint);
    }

    /** The same, for a wrong status that is a mistake of its own (a hidden file found, not refused). */
    public Expected because(Hint.Id id, String statusHint) {
        this.statusHintId = id;
        this.statusHint = statusHint;
        return this;
    }

    /**
     * The hint when the status is right but the bytes are not: a part of a file, other bytes than
     * those asked for, a body where none is due, where the general hints (a body cut short, extra
     * bytes, a HEAD's body) would name another mistake.
     */
    public Expected bytesBecause(Hint.Id id, String hint) {
        this.bytesHint = new Hint(id, hint);
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
            case ANY -> actual.statusLine().equals(statusLine) ? actual.body() : new byte[0];
            case GZIP -> actual.statusLine().equals(statusLine) && Codings.isGzip(actual)
                    && Arrays.equals(Codings.decode(actual).bytes(), exactBody) ? actual.body()
                    : ("[the file's " + exactBody.length + " bytes, gzip-compressed (1f 8b ...)"
                            + (Codings.isChunked(actual) ? ", in chunks" : "") + "]").getBytes(StandardCharsets.US_ASCII);
            case ANY_TEXT -> actual.statusLine().equals(statusLine) && actual.body().length > 0 ? actual.body()
                    : (statusLine.substring("HTTP/1.x ".length()) + ": a few words that say why\n")
                            .getBytes(StandardCharsets.US_ASCII);
        };
    }
}
