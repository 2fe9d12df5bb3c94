package httpcourse.spec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plain-words explanations of the common mistakes, found by comparing expected and actual
 * bytes. Each hint names the most likely mistake and what to change. One mistake, one hint: when
 * a mistake explains the whole difference (a wrong status, a file from outside htdocs), the
 * consequences it has further on get no hint of their own.
 */
public final class Hints {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** How a text's bytes come out when a server passes them through a String the wrong way. */
    private record Conversion(Charset read, Charset written, String how) {
        byte[] apply(byte[] bytes) {
            return new String(bytes, read).getBytes(written);
        }
    }

    private static final List<Conversion> CONVERSIONS = List.of(
            new Conversion(StandardCharsets.US_ASCII, StandardCharsets.US_ASCII, "read and written as US-ASCII: the"
                    + " platform charset of Java 17 in the C locale (new String(bytes) and getBytes() without a"
                    + " charset use the platform's), where every non-ASCII byte becomes \"?\""),
            new Conversion(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_8, "read as ISO-8859-1 and written as UTF-8"),
            new Conversion(WINDOWS_1252, StandardCharsets.UTF_8, "read as windows-1252 and written as UTF-8"),
            new Conversion(StandardCharsets.US_ASCII, StandardCharsets.UTF_8, "read as US-ASCII and written as UTF-8"),
            new Conversion(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, "read as UTF-8 and written as ISO-8859-1"),
            new Conversion(StandardCharsets.UTF_8, StandardCharsets.US_ASCII, "read as UTF-8 and written as US-ASCII"));

    private Hints() {
    }

    /**
     * The hints for an exchange whose response should have been {@code expected}, the most
     * likely mistake first; {@code webRoot} tells where the tokens in the answer come from.
     *
     * @param serverStopped whether the server's process exited during this check
     */
    public static List<Hint> explain(byte[] expected, Exchange exchange, WebRoot webRoot, boolean serverStopped) {
        byte[] actual = exchange.response();
        List<Hint> hints = new ArrayList<>();
        if (serverStopped && actual.length == 0 && exchange.ending() != Exchange.Ending.NOT_CLOSED) {
            hints.add(new Hint(Hint.Id.SERVER_STOPPED, "The server stopped during this check, before it answered"
                    + " (its output below shows why). A server must survive every request, even a bad one: catch"
                    + " errors per connection, and go on serving."));
            return hints;
        }
        switch (exchange.ending()) {
            case REFUSED -> {
                hints.add(new Hint(Hint.Id.NOT_LISTENING, "Nothing accepts connections: no server listens on this"
                        + " port any more (it has stopped, or closed its server socket). Is it running?"));
                return hints;
            }
            case RESET -> {
                if (actual.length == 0) {
                    hints.add(new Hint(Hint.Id.RESET_BEFORE_ANSWER, "The connection was reset before any answer:"
                            + " the server crashed on this request or closed the socket abruptly."));
                    return hints;
                }
            }
            case NOT_CLOSED -> {
                if (actual.length == 0) {
                    hints.add(new Hint(Hint.Id.NO_ANSWER_KEPT_OPEN, "The server sent nothing and kept the connection"
                            + " open (waited " + exchange.waited().toSeconds() + " s): it never answered. Is it still"
                            + " reading, waiting for bytes that never come (read up to the empty line, not until the"
                            + " connection closes; a line may end with \\n alone)? Or busy with another connection? Or"
                            + " is its answer still in a buffer it never flushed (a BufferedOutputStream, a PrintWriter)?"));
                    return hints;
                }
                String right = Arrays.equals(expected, actual) ? " The bytes themselves were right." : "";
                hints.add(hasContentLength(actual) ? new Hint(Hint.Id.LAST_ANSWER_NOT_CLOSED, "The answer came whole"
                        + " (its Content-Length), and was to be the connection's last (HTTP/1.0 without keep-alive,"
                        + " or Connection: close), but the server did not close the connection. Close it after the"
                        + " last answer. A gentle close shuts the output down first (Socket.shutdownOutput), then reads"
                        + " what the client still sends until it closes: the other way round, the client waits for the"
                        + " end of the answer, and the server for the client." + right)
                        : new Hint(Hint.Id.NOT_CLOSED, "The server did not close the connection after its answer."
                        + " Without a Content-Length header the body ends when the server closes the connection:"
                        + " close the client socket once the response is written." + right));
            }
            case CLOSED, KEPT_OPEN -> {
                // judged by the bytes below
            }
        }
        if (Arrays.equals(expected, actual)) {
            return hints;
        }
        if (expected.length == 0) {
            hints.add(new Hint(Hint.Id.ANSWERED_INSTEAD_OF_CLOSING,
                    "This step does not answer this request at all: it just closes the connection."));
            return hints;
        }
        if (actual.length == 0) {
            hints.add(new Hint(Hint.Id.CLOSED_WITHOUT_ANSWER, "The server closed the connection without sending a"
                    + " byte. Did it throw an exception while handling this request? Look at its output. If it shows"
                    + " none: is the answer still in a buffer never flushed (a BufferedOutputStream, a PrintWriter)?"
                    + " Closing the socket does not flush it."));
            return hints;
        }
        Optional<Hint> outside = outsideHtdocs(actual, webRoot);
        if (outside.isPresent()) {
            hints.add(outside.get()); // the one thing that matters: the rest follows from it
            return hints;
        }
        Response want = Response.parse(expected);
        Response got = Response.parse(actual);
        Optional<Hint> headAfterBody = headAfterBody(want.statusLine(), actual);
        if (headAfterBody.isPresent()) {
            hints.add(headAfterBody.get());
            return hints;
        }
        if (want.usesCrLf() && got.hasBareLf()) {
            hints.add(new Hint(Hint.Id.BARE_LINE_FEEDS, "Lines end with a bare \\n (LF). HTTP ends every line of the"
                    + " head with \\r\\n (CR LF), the status line and the empty line included: write \"\\r\\n\""
                    + " explicitly (println and %n write the platform's line ending, not CR LF)."));
        }
        if (!statusLineHints(want, got, requestPath(exchange.request()), hints)) {
            return hints;
        }
        if (!got.hasEmptyLine()) {
            hints.add(new Hint(Hint.Id.HEAD_NEVER_ENDS, "The head never ends: no empty line after the status line."
                    + " Send \"\\r\\n\" once more after the status line, so the client knows where the body starts."));
            return hints;
        }
        if (want.headers().isEmpty() && !got.headers().isEmpty()) {
            hints.add(new Hint(Hint.Id.HEADER_LINES, "The response has header lines (" + String.join(", ", got.headers())
                    + "). This step's answer has none: the status line, the empty line, then the body."));
        }
        if (Codings.isGzip(HttpResponse.parse(actual)) && !Codings.looksGzipped(HttpResponse.parse(expected))) {
            // the file, compressed, where it was expected as it is: nothing else about the body can be judged
            hints.add(new Hint(Hint.Id.GZIP_NOT_WORTH_IT, "The answer is gzip-compressed (Content-Encoding: gzip),"
                    + " where the file as it is was expected, " + want.body().length + " bytes. Compress only text"
                    + " of 1 KiB or more (below that, gzip's own 18 bytes eat the gain, and the answer fits one packet"
                    + " anyway), and only for a client whose Accept-Encoding accepts gzip."));
            return hints;
        }
        bodyHints(want.body(), got.body(), webRoot, requestPath(exchange.request()), hints);
        return hints;
    }

    /** The status line, not at the start but later: the head overtaken by the body. */
    private static Optional<Hint> headAfterBody(String statusLine, byte[] actual) {
        String text = new String(actual, StandardCharsets.ISO_8859_1);
        int at = statusLine.isEmpty() ? -1 : text.indexOf(statusLine);
        if (at <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Hint(Hint.Id.HEAD_AFTER_BODY, "The status line comes after " + at + " bytes: the"
                + " body overtook the head. A Writer (PrintWriter, BufferedWriter) keeps what you write until it is"
                + " flushed, and bytes written straight to the OutputStream go out first. Flush the Writer before"
                + " writing the body, or write everything as bytes to the same OutputStream."));
    }

    private static Optional<Hint> outsideHtdocs(byte[] actual, WebRoot webRoot) {
        for (String token : WebRoot.tokensIn(new String(actual, StandardCharsets.ISO_8859_1))) {
            Optional<WebRoot.Origin> origin = webRoot.origin(token);
            if (origin.isPresent() && origin.get().outsideHtdocs()) {
                return Optional.of(new Hint(Hint.Id.OUTSIDE_HTDOCS, "The answer is " + origin.get().file() + ", a file"
                        + " from outside htdocs (it carries the token \"" + token + "\"): a path with \"..\", a"
                        + " link, or an absolute path led out of the web root, so anybody could read any file of this"
                        + " computer. Check where the file really is (Path.toRealPath() follows links and removes"
                        + " \"..\") and that it is inside htdocs before opening it. A test that skips it must read"
                        + " each name's attributes with LinkOption.NOFOLLOW_LINKS, or it sees a link's target."));
            }
        }
        return Optional.empty();
    }

    /** Whether a response's head has a Content-Length: its end is known without the close. */
    private static boolean hasContentLength(byte[] response) {
        int headEnd = ResponseReader.headEnd(response);
        return headEnd > 0 && HttpResponse.parse(Arrays.copyOf(response, headEnd)).value("Content-Length") != null;
    }

    /** Adds the status line's hints; false when the status differs, so that the bodies cannot be compared. */
    private static boolean statusLineHints(Response want, Response got, String path, List<Hint> hints) {
        String expected = want.statusLine();
        String actual = got.statusLine();
        if (expected.equals(actual)) {
            return true;
        }
        if (!actual.startsWith("HTTP/")) {
            hints.add(new Hint(Hint.Id.NO_STATUS_LINE, "The response does not start with a status line: the first"
                    + " line must be \"" + expected + "\", then the empty line, then the body."));
            return false;
        }
        if (expected.equalsIgnoreCase(actual)) {
            hints.add(new Hint(Hint.Id.STATUS_LINE_CASE, "The status line differs in letter case only: expected \""
                    + expected + "\", got \"" + actual + "\". Write it exactly, reason phrase included (\"Not Found\","
                    + " not \"NOT FOUND\")."));
            return true;
        }
        if (code(expected).equals(code(actual))) {
            hints.add(new Hint(Hint.Id.STATUS_LINE_NOT_EXACT, "The status line must be exactly \"" + expected
                    + "\" (got \"" + actual + "\"): same version, same code, same reason phrase, single spaces."));
            return true;
        }
        hints.add(wrongStatus(expected, actual, path));
        return false;
    }

    /** A wrong status: when a file that exists was not found, say how the path was probably misread. */
    private static Hint wrongStatus(String expected, String actual, String path) {
        String codes = "Wrong status: expected \"" + expected + "\", got \"" + actual + "\".";
        if (!code(expected).equals("200") || !code(actual).equals("404")) {
            return new Hint(Hint.Id.WRONG_STATUS, codes);
        }
        if (path.contains("/../") || path.contains("/./")) {
            return new Hint(Hint.Id.REFUSES_EVERY_DOT_DOT, codes + " " + path + " has \"..\" in it but stays inside"
                    + " htdocs, so it must be served. Normalize the path first, then check that it is still inside"
                    + " htdocs, rather than refusing every \"..\".");
        }
        if (path.endsWith("/")) {
            return new Hint(Hint.Id.FOLDER_INDEX_NOT_SERVED, codes + " " + path + " names the folder htdocs" + path
                    + ", which holds an index.html: a folder's URL serves it. Look for index.html in the folder, and"
                    + " answer with that file's own length, type and date, not the folder's.");
        }
        if (path.lastIndexOf('/') > 0) {
            return new Hint(Hint.Id.NOT_FOUND_IN_SUB_FOLDER, codes + " htdocs" + path + " exists, in a sub-folder:"
                    + " look for the file where the whole path leads (htdocs followed by the path), not only by its"
                    + " last name.");
        }
        return new Hint(Hint.Id.WRONG_STATUS, codes + " htdocs" + path + " exists: does the server look for it in"
                + " the htdocs folder of its working directory?");
    }

    private static void bodyHints(byte[] expected, byte[] actual, WebRoot webRoot, String path, List<Hint> hints) {
        if (Arrays.equals(expected, actual)) {
            return;
        }
        if (actual.length == 0) {
            hints.add(new Hint(Hint.Id.NO_BODY_AFTER_HEAD, "The server sent the status line and the empty line, then"
                    + " closed the connection without the body (" + expected.length + " bytes expected). It most likely"
                    + " failed while reading or sending the file: its output shows the exception."));
        } else if (startsWith(actual, expected)) {
            byte[] extra = Arrays.copyOfRange(actual, expected.length, actual.length);
            hints.add(new String(extra, StandardCharsets.ISO_8859_1).matches("[\\r\\n]+")
                    ? new Hint(Hint.Id.TRAILING_LINE_BREAK, extra.length + " extra byte(s) after the body: a trailing"
                            + " line break. Did you use println or add \"\\n\" after the body?")
                    : new Hint(Hint.Id.EXTRA_BYTES, extra.length + " extra byte(s) after the body. Send the file's"
                            + " bytes and nothing after them."));
        } else if (startsWith(expected, actual)) {
            hints.add(new Hint(Hint.Id.BODY_CUT_SHORT, "The body stops after " + actual.length + " of the file's "
                    + expected.length + " bytes. " + (isBufferSize(actual.length)
                            ? actual.length + " bytes is the size of a buffer: a single read() into a fixed-size array"
                                    + " gets at most that much."
                            : "A single read() returns what is available, not always the whole file.")
                    + " Read the whole file (Files.readAllBytes, or read in a loop until it returns -1), write all"
                    + " of it, and flush before closing."));
        } else {
            tokenHint(expected, actual, webRoot, path).or(() -> charsetConversion(expected, actual)).ifPresent(hints::add);
        }
    }

    /**
     * What the tokens say: another file, an old copy of the right file, or no file of this web root
     * at all. A file without a token (a picture, random bytes) can still be told from the page that
     * came instead, by that page's token.
     */
    private static Optional<Hint> tokenHint(byte[] expected, byte[] actual, WebRoot webRoot, String path) {
        String got = new String(actual, StandardCharsets.ISO_8859_1);
        Set<String> expectedTokens = tokens(new String(expected, StandardCharsets.ISO_8859_1));
        if (expectedTokens.isEmpty()) {
            return tokens(got).stream().flatMap(token -> webRoot.origin(token).stream()).findFirst()
                    .map(origin -> new Hint(Hint.Id.WRONG_FILE, "The body is " + origin.file() + ", not the file "
                            + path + " names: take the file name from the request line (its second word)."));
        }
        if (expectedTokens.stream().anyMatch(got::contains)) {
            return Optional.empty(); // the right file, changed on its way: see charsetConversion
        }
        String expectedToken = expectedTokens.iterator().next();
        String expectedFile = webRoot.origin(expectedToken).map(WebRoot.Origin::file).orElse(expectedToken);
        for (String token : tokens(got)) {
            Optional<WebRoot.Origin> origin = webRoot.origin(token);
            if (origin.isEmpty()) {
                continue;
            }
            if (origin.get().file().equals(expectedFile)) {
                return Optional.of(new Hint(Hint.Id.STALE_COPY, "The body is " + expectedFile + " as it was before the"
                        + " spec changed it: the server read the file once (at start?) and keeps sending that copy."
                        + " Read the file again for every request."));
            }
            return Optional.of(new Hint(Hint.Id.WRONG_FILE, "The body is " + origin.get().file() + " where "
                    + expectedFile + " was expected: take the file name from the request line (its second word)."));
        }
        return Optional.of(new Hint(Hint.Id.NOT_THE_GENERATED_FILE, "The body is not the file the spec generated:"
                + " that file carries the token \"" + expectedToken + "\", which your answer lacks. For every run the"
                + " spec writes a fresh htdocs/ in the server's working directory: read the file from there, for every"
                + " request, rather than sending a page written in the code or read from somewhere else."));
    }

    /** The actual bytes are the expected ones passed through a String with the wrong charset. */
    private static Optional<Hint> charsetConversion(byte[] expected, byte[] actual) {
        if (!hasNonAscii(expected)) {
            return Optional.empty();
        }
        return CONVERSIONS.stream().filter(c -> Arrays.equals(c.apply(expected), actual)).findFirst()
                .map(c -> new Hint(Hint.Id.CHARSET_CONVERSION, "The body changed where the file has non-ASCII"
                        + " characters (é, 世界, ✓): its bytes were " + c.how() + ". Send the file's bytes as they are"
                        + " (Files.readAllBytes, OutputStream.write), never through a String, Reader or Writer;"
                        + " where a String is needed, name its charset."));
    }

    private static Set<String> tokens(String text) {
        return new LinkedHashSet<>(WebRoot.tokensIn(text));
    }

    /** The path of the request line, its second word: "GET /ipsum.html HTTP/1.0". */
    private static String requestPath(byte[] request) {
        String[] words = new String(request, StandardCharsets.ISO_8859_1).split("\r?\n", 2)[0].split(" ");
        return words.length > 1 ? words[1] : "";
    }

    private static String code(String statusLine) {
        String[] words = statusLine.split(" ");
        return words.length > 1 ? words[1] : "";
    }

    /** 512, 1024, 4096, 8192...: what a fixed-size read buffer usually holds. */
    private static boolean isBufferSize(int length) {
        return length >= 512 && Integer.bitCount(length) == 1;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length > prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /** A response cut into status line, header lines and body; lenient about line endings. */
    private record Response(String statusLine, List<String> headers, boolean hasEmptyLine, byte[] body,
                            boolean usesCrLf, boolean hasBareLf) {

        static Response parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int crlfEnd = text.indexOf("\r\n\r\n");
            HttpResponse.HeadEnd end = HttpResponse.HeadEnd.in(text);
            int headEnd = end.head();
            int bodyStart = end.body();
            String head = text.substring(0, headEnd);
            List<String> lines = List.of(head.split("\r?\n", -1));
            String firstLine = lines.get(0).replace("\r", "");
            List<String> headers = lines.subList(1, lines.size()).stream().map(l -> l.replace("\r", ""))
                    .filter(l -> !l.isEmpty()).toList();
            String headAndEmptyLine = text.substring(0, Math.min(text.length(), bodyStart));
            boolean bareLf = headAndEmptyLine.replace("\r\n", "").contains("\n");
            return new Response(firstLine, headers, bodyStart > headEnd,
                    Arrays.copyOfRange(bytes, bodyStart, bytes.length), head.contains("\r\n") || crlfEnd >= 0, bareLf);
        }
    }
}
