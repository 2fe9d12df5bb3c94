package httpcourse.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The header fields the specs of steps 6 and on check, each with the hints that name the usual mistakes: Content-Length
 * counting characters, a Date that is not IMF-fixdate or not now, a wrong media type or a charset that is not true.
 * Values are compared as HTTP defines them: media types in any letter case, Allow in any order.
 */
public final class HeaderRules {

    /** Whether a text file's bytes are UTF-8, and so whether its Content-Type may say charset=utf-8. */
    public enum Charset {
        /** UTF-8 text with non-ASCII characters: charset=utf-8 must be said, or browsers garble it. */
        UTF8_REQUIRED,
        /** UTF-8 text, which also says its charset itself (HTML, CSS, JSON): charset=utf-8 or none. */
        UTF8_ALLOWED,
        /** Text that is not UTF-8: any charset but utf-8, or none. */
        NOT_UTF8,
        /** Not text: no charset at all. */
        NONE
    }

    private HeaderRules() {
    }

    /** Content-Length: the exact number of bytes of the body the check expects. */
    public static HeaderRule contentLength() {
        return new HeaderRule("Content-Length", true,
                (value, c) -> value.equals(String.valueOf(c.expectedBody().length)),
                c -> String.valueOf(c.expectedBody().length), HeaderRules::contentLengthHint);
    }

    private static Hint contentLengthHint(String value, ResponseContext c) {
        int bytes = c.expectedBody().length;
        if (value == null) {
            return new Hint(Hint.Id.CONTENT_LENGTH_WRONG, "No Content-Length header. Say how many bytes the body has"
                    + " (RFC 9110 §8.6): the length of the byte array you send, so that the client knows it got all"
                    + " of it.");
        }
        byte[] got = c.actual().body();
        int characters = new String(got, StandardCharsets.UTF_8).length();
        if (value.equals(String.valueOf(characters)) && characters != got.length) {
            return new Hint(Hint.Id.CONTENT_LENGTH_IN_CHARACTERS, "Content-Length counts characters (" + value
                    + "), not bytes (" + got.length + "): é, 世 and ✓ take 2 or 3 bytes each in UTF-8. Use the"
                    + " length of the byte array you send, never the length of a String.");
        }
        if (value.equals(String.valueOf(c.timed().exchange().response().length))) {
            return new Hint(Hint.Id.CONTENT_LENGTH_WRONG, "Content-Length counts the whole response (" + value
                    + " bytes); it counts the body alone (" + bytes + " bytes): the bytes after the empty line.");
        }
        return new Hint(Hint.Id.CONTENT_LENGTH_WRONG, "Content-Length says " + value + ", but the body has " + bytes
                + " bytes: it must be the exact number of bytes after the empty line.");
    }

    /**
     * Content-Type of a file: one of {@code types} (the first is the one to send; the others are
     * older names browsers accept too), with a charset parameter as {@code charset} says.
     *
     * @param what the file, for the hint: "a .png file"
     */
    public static HeaderRule contentType(String what, Charset charset, String... types) {
        return new HeaderRule("Content-Type", true, (value, c) -> isMediaType(value, charset, types),
                c -> types[0] + (charset == Charset.UTF8_REQUIRED || charset == Charset.UTF8_ALLOWED
                        ? "; charset=utf-8" : ""), // what the course's server says, of two right answers
                (value, c) -> value == null && c.actual().value("Content-Encoding") != null
                        ? new Hint(Hint.Id.CONTENT_TYPE_WRONG, "The compressed answer has no Content-Type:"
                                + " Content-Encoding says how the bytes are packed, Content-Type still says what they"
                                + " are (" + types[0] + "). Keep it when you drop Content-Length for the chunks.")
                        : value == null && c.actual().code().equals("206")
                        ? new Hint(Hint.Id.CONTENT_TYPE_WRONG, "The part (206) has no Content-Type: its bytes are"
                                + " still of the file's type, " + types[0] + " (RFC 9110 §15.3.7). Keep the whole"
                                + " file's Content-Type when you replace its Content-Length with the part's.")
                        : contentTypeHint(value, what, charset, types));
    }

    /** Content-Type of an error's text: any text type. */
    public static HeaderRule textType() {
        return new HeaderRule("Content-Type", true, (value, c) -> {
            String[] parts = mediaType(value);
            return parts != null && parts[0].startsWith("text/");
        }, c -> "text/plain; charset=utf-8", (value, c) -> new Hint(Hint.Id.CONTENT_TYPE_WRONG, value == null
                ? "No Content-Type header. An error's body is text: say so, \"Content-Type: text/plain;"
                        + " charset=utf-8\" (RFC 9110 §8.3), so that a browser shows it as text."
                : "An error's body is text: its Content-Type must be a text type (text/plain), not " + value + "."));
    }

    /**
     * A media type cut into lower-case type/subtype and its charset ("" when none), or null when the
     * value is not a media type. Parameters are name=value or name="value" (RFC 9110 §8.3.1).
     */
    static String[] mediaType(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!type.matches("[!#$%&'*+.^_`|~0-9a-z-]+/[!#$%&'*+.^_`|~0-9a-z-]+")) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : Arrays.asList(parts).subList(1, parts.length)) {
            String[] nameValue = parameter.strip().split("=", 2);
            if (nameValue.length != 2) {
                return null;
            }
            String name = nameValue[0].strip().toLowerCase(Locale.ROOT);
            parameters.put(name, nameValue[1].strip().replaceAll("^\"(.*)\"$", "$1")); // quoted or not
        }
        return new String[] {type, parameters.getOrDefault("charset", "")};
    }

    private static boolean isMediaType(String value, Charset charset, String... types) {
        String[] parts = mediaType(value);
        if (parts == null || Arrays.stream(types).noneMatch(parts[0]::equals)) {
            return false;
        }
        boolean utf8 = parts[1].equalsIgnoreCase("utf-8");
        return switch (charset) {
            case UTF8_REQUIRED -> utf8;
            case UTF8_ALLOWED -> utf8 || parts[1].isEmpty();
            case NOT_UTF8 -> !utf8;
            case NONE -> parts[1].isEmpty();
        };
    }

    private static Hint contentTypeHint(String value, String what, Charset charset, String... types) {
        String[] parts = mediaType(value);
        if (value == null) {
            return new Hint(Hint.Id.CONTENT_TYPE_WRONG, "No Content-Type header: the browser has to guess what "
                    + what + " is (and refuses a stylesheet or a script it cannot be sure of). Send its media type: "
                    + types[0] + ", from a map of extensions to types.");
        }
        if (parts == null) {
            return new Hint(Hint.Id.CONTENT_TYPE_WRONG, "Content-Type must be a media type, type/subtype, then"
                    + " parameters after \";\": for example \"text/html; charset=utf-8\" (RFC 9110 §8.3). Got \""
                    + value + "\".");
        }
        if (Arrays.stream(types).noneMatch(parts[0]::equals)) {
            return new Hint(Hint.Id.CONTENT_TYPE_WRONG, "Content-Type says " + parts[0] + ", but " + what + " is "
                    + types[0] + ". Take the type from the extension, what follows the last dot (script.min.js is a"
                    + " .js), lower-cased (.PNG is .png), from a map of extensions to types; an extension you do not"
                    + " know is application/octet-stream" + (types[0].equals("application/octet-stream") ? " (not"
                    + " what Files.probeContentType finds in this machine's /etc/mime.types, which differs from"
                    + " machine to machine)." : "."));
        }
        return new Hint(Hint.Id.CHARSET_WRONG, switch (charset) {
            case UTF8_REQUIRED -> "Say charset=utf-8 for " + what + ": its bytes are UTF-8 (with é, 世, ✓), and"
                    + " without the charset a browser guesses another one and shows \"Ã©\" for \"é\". Got \""
                    + value + "\".";
            case UTF8_ALLOWED -> "The file's bytes are UTF-8: its charset is utf-8, or leave it unsaid; not \""
                    + parts[1] + "\".";
            case NOT_UTF8 -> "Content-Type says charset=utf-8, but " + what + " is not UTF-8 (its é is the single"
                    + " byte 0xE9, as in ISO-8859-1): say charset=utf-8 only when it is true, when all its bytes, not"
                    + " its start, decode as UTF-8 without error (a CharsetDecoder that reports errors tells).";
            case NONE -> "A charset is said of text; " + parts[0] + " is not text: leave the charset out.";
        });
    }

    /** Allow: exactly these methods, in any order (RFC 9110 §10.2.1). */
    public static HeaderRule allow(String... methods) {
        Set<String> wanted = Set.of(methods);
        String list = String.join(", ", methods);
        return new HeaderRule("Allow", true,
                (value, c) -> listsExactly(value, wanted),
                c -> list, (value, c) -> new Hint(Hint.Id.ALLOW_WRONG, value == null
                        ? "A 405 answer must say which methods the resource does allow (RFC 9110 §15.5.6): \"Allow: "
                                + list + "\"."
                        : "Allow lists the methods this server serves, " + list + " (in any order); got \"" + value
                                + "\"."));
    }

    private static boolean listsExactly(String value, Set<String> wanted) {
        String[] items = value.split(",");
        return items.length == wanted.size()
                && Arrays.stream(items).map(String::strip).collect(Collectors.toSet()).equals(wanted);
    }

    /** Location: {@code path}, or an absolute http URL with that path (RFC 9110 §10.2.2). */
    public static HeaderRule location(String path) {
        return new HeaderRule("Location", true, (value, c) -> isLocation(value, path, null), c -> path,
                (value, c) -> locationHint(value, path));
    }

    /**
     * Location: a new file's URL, {@code path} (or an absolute http URL with it): what a 201 Created
     * says (RFC 9110 §15.3.2), built from the file's name, never from the request's path.
     */
    public static HeaderRule fileLocation(String path) {
        return new HeaderRule("Location", true, (value, c) -> isLocation(value, path, null), c -> path,
                (value, c) -> value != null && value.startsWith("//") ? new Hint(Hint.Id.OPEN_REDIRECT, "Location: "
                        + value + " is a URL without its scheme: a browser goes to the host named after the two"
                        + " slashes, another site. The request's path had two slashes; build the Location from the"
                        + " file's name inside htdocs, \"" + path + "\", never from the path the request sent.")
                        : new Hint(Hint.Id.LOCATION_WRONG, "A 201 Created says where the new file is: \"Location: "
                        + path + "\", its URL, percent-encoded (RFC 9110 §15.3.2)" + (value == null ? "."
                        : "; got \"" + value + "\".")));
    }

    /** Location: the folder's URL, with the request's query kept after it or left out. */
    public static HeaderRule location(String path, String query) {
        return new HeaderRule("Location", true,
                (value, c) -> isLocation(value, path, null) || isLocation(value, path, query), c -> path,
                (value, c) -> locationHint(value, path));
    }

    /** Location: {@code path} and {@code query} (null: none), as a path or an absolute http URL. */
    private static boolean isLocation(String value, String path, String query) {
        if (value.equals(query == null ? path : path + "?" + query)) {
            return true;
        }
        try {
            URI uri = new URI(value);
            return "http".equalsIgnoreCase(uri.getScheme()) && uri.getRawAuthority() != null
                    && path.equals(uri.getRawPath()) && Objects.equals(query, uri.getRawQuery())
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Hint locationHint(String value, String path) {
        if ("//".equals(value)) {
            return new Hint(Hint.Id.LOCATION_WRONG, "Location: // is no path (a URL without scheme nor host), but the"
                    + " folder is htdocs itself, whose URL is \"/\": its name inside htdocs is empty, and a slash after"
                    + " that empty name makes two.");
        }
        if (value != null && value.startsWith("//")) {
            return new Hint(Hint.Id.OPEN_REDIRECT, "Location: " + value + " is a URL without its scheme: the browser"
                    + " goes to the host named after the two slashes, another site (an open redirect, which phishing"
                    + " uses). Build the Location from the folder's name inside htdocs, \"" + path + "\", never by"
                    + " adding a slash to the path the request sent.");
        }
        return new Hint(Hint.Id.LOCATION_WRONG, locationAdvice(value, path));
    }

    private static String locationAdvice(String value, String path) {
        if (value == null) {
            return "A redirect says where to go: \"Location: " + path + "\" (RFC 9110 §15.4.2), the folder's URL"
                    + " with its slash.";
        }
        if (!value.matches("[\\x21-\\x7E]*")) {
            return "Location holds a URL, and a URL is never decoded: send \"" + path + "\", the folder's name"
                    + " percent-encoded, not \"" + value + "\" (a space or a non-ASCII byte ends or breaks the"
                    + " header).";
        }
        if (value.equals(path.replace("%20", "+"))) {
            return "Location has \"+\" for a space: \"" + value + "\". That is how URLEncoder encodes forms; in a"
                    + " path, \"+\" is a plus (a file named a+b.html), and a space is %20: send \"" + path + "\""
                    + " (URLEncoder's result with replace(\"+\", \"%20\")).";
        }
        return "Location must be the folder's URL, " + path + " (the same path, and a slash at the end); got \""
                + value + "\".";
    }

    /**
     * Connection: close, on the answer after which the server closes the connection (RFC 9112
     * §9.6): required when the client spoke HTTP/1.1, for which a connection stays open otherwise;
     * allowed, or nothing, for an HTTP/1.0 client, whose connection closes unless both say keep-alive.
     */
    public static HeaderRule connectionClose(boolean required) {
        return new HeaderRule("Connection", required, (value, c) -> HttpResponse.hasOption(value, "close"), c -> "close",
                (value, c) -> new Hint(Hint.Id.CONNECTION_HEADER_WRONG, required
                        ? "The request asked to close the connection (Connection: close), or the server closes it:"
                                + " its answer says so, with \"Connection: close\" (RFC 9112 §9.6)"
                                + (value == null ? "" : ", not \"" + value + "\"") + "."
                        : "An HTTP/1.0 connection closes after the answer unless both sides say keep-alive: say"
                                + " \"Connection: close\", or nothing, not \"" + value + "\"."));
    }

    /** Connection: keep-alive, to an HTTP/1.0 client that asked for it, on a connection that stays open. */
    public static HeaderRule connectionKeepAlive() {
        return new HeaderRule("Connection", true, (value, c) -> HttpResponse.hasOption(value, "keep-alive"), c -> "keep-alive",
                (value, c) -> new Hint(Hint.Id.CONNECTION_HEADER_WRONG, "An HTTP/1.0 client that asks for"
                        + " \"Connection: keep-alive\" keeps the connection open only if the answer says"
                        + " \"Connection: keep-alive\" too; otherwise it waits for the close (RFC 9112 §9.3 and"
                        + " Appendix C.2.2)" + (value == null ? "" : ", not \"" + value + "\"") + "."));
    }

    /** No "Connection: close" on an answer whose connection stays open (RFC 9112 §9.3). */
    public static HeaderRule connectionNotClose() {
        return new HeaderRule("Connection", false, (value, c) -> !HttpResponse.hasOption(value, "close"), c -> "keep-alive",
                (value, c) -> new Hint(Hint.Id.CONNECTION_HEADER_WRONG, "The answer says \"" + value + "\", but"
                        + " nothing asked to close the connection: an HTTP/1.1 connection stays open after an answer"
                        + " (RFC 9112 §9.3). Say close only when the server closes it."));
    }

    /** Content-Range: exactly {@code value}, "bytes 0-9/300000" or "bytes *\/300000" (RFC 9110 §14.4). */
    public static HeaderRule contentRange(String value) {
        return new HeaderRule("Content-Range", true, (got, c) -> got.equals(value), c -> value,
                (got, c) -> new Hint(Hint.Id.CONTENT_RANGE_WRONG, "Content-Range says which bytes of how many the"
                        + " answer holds: \"" + value + "\" (RFC 9110 §14.4): the first and the last byte, counted"
                        + " from 0, both included, then the file's length" + (got == null ? "; it is missing."
                        : "; got \"" + got + "\".")));
    }

    /** Accept-Ranges: bytes, which tells a client it may ask for a part (RFC 9110 §14.3); {@code why}: the hint. */
    public static HeaderRule acceptRanges(String why) {
        return new HeaderRule("Accept-Ranges", true, (got, c) -> got.equalsIgnoreCase("bytes"), c -> "bytes",
                (got, c) -> new Hint(Hint.Id.ACCEPT_RANGES_MISSING,
                        why + (got == null ? "." : "; got \"" + got + "\".")));
    }

    /** No Content-Length at all: a 204 has no body, and must not say a length (RFC 9110 §8.6). */
    public static HeaderRule noContentLength() {
        return new HeaderRule("Content-Length", false, (got, c) -> false, c -> "(none: a 204 says no length)",
                (got, c) -> new Hint(Hint.Id.CONTENT_LENGTH_WRONG, "A 204 No Content has no body, and no"
                        + " Content-Length either, not even 0 (RFC 9110 §8.6): leave the field out."));
    }

    /**
     * Content-Length: exactly {@code length}, the length of the body a GET gets: for HEAD (required),
     * and for a 304, which may leave it out (RFC 9110 §8.6).
     */
    public static HeaderRule contentLength(long length, boolean required) {
        String value = String.valueOf(length);
        return new HeaderRule("Content-Length", required, (got, c) -> got.equals(value), c -> value,
                (got, c) -> new Hint(Hint.Id.CONTENT_LENGTH_WRONG, required
                        ? "An answer to HEAD says the Content-Length a GET's answer has (" + value + "): the body"
                                + " is left out, not its length" + (got == null ? "; it is missing" : "; not " + got)
                                + "."
                        : "A 304 may say the Content-Length a 200 would have, " + value + ", or none at all; not "
                                + got + "."));
    }

    /**
     * ETag: an entity tag, a quoted string, maybe weak (W/"..."), which changes when the file does
     * (RFC 9110 §8.8.3): the client sends it back in If-None-Match.
     */
    public static HeaderRule etag() {
        return new HeaderRule("ETag", true, (value, c) -> value.matches("(W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\""),
                c -> "\"...\"", (value, c) -> new Hint(Hint.Id.ETAG_WRONG, value == null
                        ? "No ETag header. Send it with every file: a tag that changes when the file does (its size"
                                + " and time in hex, as nginx does), in double quotes, so that a browser can ask later"
                                + " whether its copy is still good (If-None-Match)."
                        : "An ETag is a tag in double quotes, \"like-this\" (or W/\"like-this\" when weak), with no"
                                + " space, quote or control byte inside (RFC 9110 §8.8.3); got \"" + value + "\"."));
    }

    /** ETag on a 304: the very tag the 200 had, which the client keeps with its copy (RFC 9110 §15.4.5). */
    public static HeaderRule sameEtag(String etag) {
        return new HeaderRule("ETag", true, (value, c) -> value.equals(etag), c -> etag,
                (value, c) -> value == null
                        ? new Hint(Hint.Id.NOT_MODIFIED_WITHOUT_ETAG, "A 304 carries the ETag a 200 would have, " + etag
                                + " (RFC 9110 §15.4.5: a server MUST send it), so that the client knows which of its"
                                + " copies is still good, and keeps that tag for its next question.")
                        : new Hint(Hint.Id.ETAG_UNSTABLE, "The 304 says ETag: " + value + ", the 200 said " + etag
                                + ": one file, unchanged, has one tag, in every answer."));
    }

    /**
     * Server-Timing: how long the server took to answer (W3C Server Timing), which a browser's
     * developer tools show: a metric's name, and its duration in milliseconds, "app;dur=0.52".
     */
    public static HeaderRule serverTiming() {
        return new HeaderRule("Server-Timing", true, (value, c) -> value.matches(METRIC) && !value.matches(DECIMAL_COMMA),
                c -> "app;dur=0.5", (value, c) -> value != null && value.matches(DECIMAL_COMMA)
                ? new Hint(Hint.Id.SERVER_TIMING_DECIMAL_COMMA, "Server-Timing says \"" + value + "\": a comma"
                        + " separates metrics, so a browser reads dur= up to the comma, then a metric named by the digits"
                        + " after it. String.format and printf write numbers as the default locale does (German here:"
                        + " 0,5): format with Locale.ROOT, or join the number to the text, \"app;dur=0.5\".")
                : new Hint(Hint.Id.SERVER_TIMING_WRONG, value == null
                        ? "No Server-Timing header: step 14 says in every answer how long the server took to make"
                                + " it, \"Server-Timing: app;dur=0.52\" (milliseconds), which browsers show."
                        : value.matches(".*dur=\\d+(\\.\\d+)?([eE][+-]?\\d+)?[A-Za-z].*")
                        ? "Server-Timing says \"" + value + "\": dur is the number alone, in milliseconds by"
                                + " definition. A unit after it makes it no number, and a browser shows 0."
                        : "Server-Timing is a metric's name, then ;dur= and milliseconds: \"app;dur=0.52\"; got \""
                                + value + "\"."));
    }

    // A metric, its duration, then maybe more parameters (;) or metrics (,): nothing else after the number.
    private static final String METRIC = Requests.TOKEN + ";\\s*dur=\\d+(\\.\\d+)?([eE][+-]?\\d+)?([ \\t]*[;,].*)?";
    /** "app;dur=0,712": a decimal comma, which makes two metrics of one. */
    private static final String DECIMAL_COMMA = ".*dur=\\d+,\\d.*";
}
