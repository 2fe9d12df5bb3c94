package httpcourse.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Plain-words explanations of the common mistakes, found by comparing expected and actual
 * bytes. Each hint says what is wrong and what to change; the first one is the most likely.
 */
public final class Hints {

    private Hints() {
    }

    /** The hints for an exchange whose response should have been {@code expected}. */
    public static List<String> explain(byte[] expected, Exchange exchange) {
        byte[] actual = exchange.response();
        List<String> hints = new ArrayList<>();
        switch (exchange.ending()) {
            case REFUSED -> hints.add("Nothing accepts connections any more: the server has stopped."
                    + " A server must survive every request, even a bad one: catch errors per connection.");
            case NOT_CLOSED -> hints.add(actual.length == 0
                    ? "The server sent nothing and kept the connection open (waited " + exchange.waited().toSeconds()
                            + " s): it never answered. Is it still reading, waiting for bytes that never come (read"
                            + " up to the empty line, not until the connection closes)? Or busy with another"
                            + " connection (one connection at a time: a silent client blocks everybody)?"
                    : "The server did not close the connection after its answer (waited "
                            + exchange.waited().toSeconds() + " s). Without a Content-Length header the body ends"
                            + " when the server closes the connection: close the client socket once the response"
                            + " is written." + (Arrays.equals(expected, actual) ? " The bytes themselves were right." : ""));
            case RESET -> {
                if (actual.length == 0) {
                    hints.add("The connection was reset before any answer: the server crashed on this request"
                            + " or closed the socket abruptly.");
                }
            }
            case CLOSED -> {
                // judged by the bytes below
            }
        }
        if (Arrays.equals(expected, actual)) {
            return hints;
        }
        if (expected.length == 0) {
            hints.add("This step does not answer this request at all: it just closes the connection.");
            return hints;
        }
        if (actual.length == 0) {
            if (exchange.ending() == Exchange.Ending.CLOSED) {
                hints.add("The server closed the connection without sending a byte. Did it throw an exception"
                        + " while handling this request? Look at its output.");
            }
            return hints;
        }
        Response want = Response.parse(expected);
        Response got = Response.parse(actual);
        outsideHtdocsHints(actual, hints);
        lineEndingHints(want, got, hints);
        statusLineHints(want, got, hints);
        headHints(want, got, hints);
        bodyHints(want, got, hints);
        return hints;
    }

    private static void outsideHtdocsHints(byte[] actual, List<String> hints) {
        Matcher m = WebRoot.TOKEN.matcher(new String(actual, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            if (WebRoot.OUTSIDE_HTDOCS.contains(m.group(1))) {
                hints.add("The answer is a file from outside htdocs (it carries the token \"" + m.group() + "\"):"
                        + " a path with \"..\", or a link, led out of the web root, so anybody could read any file of"
                        + " this computer. Check where the file really is (Path.toRealPath() follows links and"
                        + " removes \"..\") and that it is inside htdocs before opening it.");
                return;
            }
        }
    }

    private static void lineEndingHints(Response want, Response got, List<String> hints) {
        if (want.usesCrLf() && got.hasBareLf()) {
            hints.add("Lines end with a bare \\n (LF). HTTP ends every line of the head with \\r\\n (CR LF),"
                    + " the status line and the empty line included: write \"\\r\\n\" explicitly"
                    + " (println and %n write the platform's line ending, not CR LF).");
        }
    }

    private static void statusLineHints(Response want, Response got, List<String> hints) {
        String expected = want.statusLine();
        String actual = got.statusLine();
        if (expected.equals(actual)) {
            return;
        }
        if (expected.equalsIgnoreCase(actual)) {
            hints.add("The status line differs in letter case only: expected \"" + expected + "\", got \""
                    + actual + "\". Write it exactly, reason phrase included (\"Not Found\", not \"NOT FOUND\").");
        } else if (!actual.startsWith("HTTP/")) {
            hints.add("The response does not start with a status line: the first line must be \"" + expected
                    + "\", then the empty line, then the body.");
        } else if (!code(expected).equals(code(actual))) {
            hints.add("Wrong status: expected \"" + expected + "\", got \"" + actual + "\".");
        } else {
            hints.add("The status line must be exactly \"" + expected + "\" (got \"" + actual
                    + "\"): same version, same code, same reason phrase, single spaces.");
        }
    }

    private static void headHints(Response want, Response got, List<String> hints) {
        if (!got.hasEmptyLine()) {
            hints.add("The head never ends: no empty line after the status line. Send \"\\r\\n\" once more after"
                    + " the status line, so the client knows where the body starts.");
        } else if (want.headers().isEmpty() && !got.headers().isEmpty()) {
            hints.add("The response has header lines (" + String.join(", ", got.headers()) + "). This step's"
                    + " answer has none: the status line, the empty line, then the body.");
        }
    }

    private static void bodyHints(Response want, Response got, List<String> hints) {
        byte[] expected = want.body();
        byte[] actual = got.body();
        if (!got.hasEmptyLine() || Arrays.equals(expected, actual)) {
            return;
        }
        if (startsWith(actual, expected)) {
            byte[] extra = Arrays.copyOfRange(actual, expected.length, actual.length);
            boolean newline = new String(extra, StandardCharsets.ISO_8859_1).matches("[\\r\\n]+");
            hints.add(extra.length + " extra byte(s) after the body" + (newline
                    ? ": a trailing line break. Did you use println or add \"\\n\" after the body?"
                    : ". Send the file's bytes and nothing after them."));
            return;
        }
        if (startsWith(expected, actual)) {
            hints.add("The body stops " + (expected.length - actual.length) + " byte(s) early. Send the whole"
                    + " file (a single read of a fixed size, or closing before the output is flushed, cuts it).");
            return;
        }
        tokenHints(expected, actual, hints);
        if (hasNonAscii(expected) && expected.length != actual.length) {
            hints.add("The body changed where the file has non-ASCII characters (é, 世界, ✓): the bytes went"
                    + " through a charset conversion. Send the file's bytes as they are (Files.readAllBytes,"
                    + " OutputStream.write), never through a String, Reader or Writer.");
        }
    }

    private static void tokenHints(byte[] expected, byte[] actual, List<String> hints) {
        String want = new String(expected, StandardCharsets.ISO_8859_1);
        String got = new String(actual, StandardCharsets.ISO_8859_1);
        Set<String> expectedTokens = tokens(want);
        if (expectedTokens.isEmpty() || expectedTokens.stream().anyMatch(got::contains)) {
            return;
        }
        Matcher other = WebRoot.TOKEN.matcher(got);
        String expectedFile = expectedTokens.iterator().next().replaceAll("-.*", "");
        if (other.find()) {
            String file = other.group(1);
            boolean sameFileOtherRun = file.equals(expectedFile);
            hints.add(sameFileOtherRun
                    ? "The body is " + file + " as it was in an earlier run, not as it is now: read the file"
                            + " afresh for every request, never cache or hard-code it."
                    : "The body is the content of \"" + file + "\" where \"" + expectedFile + "\" was expected:"
                            + " take the file name from the request line (its second word).");
        } else {
            hints.add("The body is not the file the spec generated: that file carries the token \""
                    + expectedTokens.iterator().next() + "\", which your answer lacks. For every run the spec"
                    + " writes a fresh htdocs/ in the server's working directory: read the file from there for"
                    + " every request, instead of hard-coding the page.");
        }
    }

    private static Set<String> tokens(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = WebRoot.TOKEN.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static String code(String statusLine) {
        String[] words = statusLine.split(" ");
        return words.length > 1 ? words[1] : "";
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
            int lfEnd = text.indexOf("\n\n");
            int headEnd;
            int bodyStart;
            if (crlfEnd >= 0 && (lfEnd < 0 || crlfEnd < lfEnd)) {
                headEnd = crlfEnd;
                bodyStart = crlfEnd + 4;
            } else if (lfEnd >= 0) {
                headEnd = lfEnd;
                bodyStart = lfEnd + 2;
            } else {
                headEnd = text.length();
                bodyStart = text.length();
            }
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
