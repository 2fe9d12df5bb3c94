package httpcourse.spec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Shows bytes as text a person can check: CR as {@code \r}, LF as {@code \n} (then a real
 * line break), tab as {@code \t}, other control bytes and broken UTF-8 as {@code \xNN}.
 * With a raw CR on screen, "\r\n" and "\n" look the same, and that hides the most common
 * mistake of the course.
 */
public final class VisibleBytes {

    private static final int MAX_LINES = 40;
    private static final int MAX_LINE_LENGTH = 200;

    private final List<String> lines = new ArrayList<>();
    private final int[] lineOfByte;
    private final int[] columnOfByte;
    private final int lineCount; // all the lines of the bytes, those past the end shown too

    /** The bytes' lines up to byte {@code end}, the end of a line: a large body is not shown past it. */
    private VisibleBytes(byte[] bytes, int end) {
        lineOfByte = new int[end + 1];
        columnOfByte = new int[end + 1];
        StringBuilder line = new StringBuilder();
        int i = 0;
        while (i < end) {
            int width = utf8Width(bytes, i);
            for (int k = 0; k < width; k++) {
                lineOfByte[i + k] = lines.size();
                columnOfByte[i + k] = line.length();
            }
            line.append(show(bytes, i, width));
            if (bytes[i] == '\n') {
                lines.add(line.toString());
                line.setLength(0);
            }
            i += width;
        }
        lineOfByte[end] = lines.size();
        columnOfByte[end] = line.length();
        lines.add(line.toString());
        lineCount = lines.size() + newlines(bytes, end, bytes.length);
    }

    /** Where the line that holds byte {@code from} ends, or the {@code count}-th line from there: after its \n. */
    private static int endOfLines(byte[] bytes, int from, int count) {
        int seen = 0;
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n' && ++seen == count) {
                return i + 1;
            }
        }
        return bytes.length;
    }

    private static int newlines(byte[] bytes, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += bytes[i] == '\n' ? 1 : 0;
        }
        return count;
    }

    /** The bytes as indented visible lines, e.g. for "Expected response:". */
    public static String render(byte[] bytes) {
        if (bytes.length == 0) {
            return "  (nothing)\n";
        }
        VisibleBytes visible = new VisibleBytes(bytes, endOfLines(bytes, 0, MAX_LINES));
        return visible.window(0, MAX_LINES);
    }

    /**
     * Where two byte arrays first differ ({@code -1} when they are equal: nothing to show), e.g.
     * "First difference at byte 15 (line 1, column 16): expected \r (0x0D), got \n (0x0A)",
     * then the actual line with a caret under that byte.
     */
    public static String firstDifference(byte[] expected, byte[] actual) {
        int at = Arrays.mismatch(expected, actual);
        if (at < 0) {
            return "";
        }
        VisibleBytes shown = new VisibleBytes(actual, endOfLines(actual, at, 1));
        String where = "First difference at byte " + at + " (line " + (shown.lineOfByte[at] + 1) + ", column "
                + (shown.columnOfByte[at] + 1) + "): expected " + described(expected, at).orElse(describe(expected, at))
                + ", got "
                + describe(actual, at) + "\n";
        return actual.length == 0 ? where : where + shown.caretAt(at);
    }

    /** The line holding byte {@code index}, and a caret under it. */
    private String caretAt(int index) {
        int line = lineOfByte[index];
        int column = columnOfByte[index];
        String text = lines.get(line);
        int from = Math.max(0, column - MAX_LINE_LENGTH / 2);
        String shown = (from > 0 ? "…" : "") + cut(text.substring(from));
        int caretColumn = column - from + (from > 0 ? 1 : 0);
        return "  " + shown + "\n  " + " ".repeat(caretColumn) + "^\n";
    }

    /**
     * A header field's value that the expected head describes in parentheses rather than gives, as
     * "Content-Encoding: (none: the file as it is)": no byte of it is due, what it says is.
     */
    private static Optional<String> described(byte[] expected, int index) {
        String text = new String(expected, StandardCharsets.ISO_8859_1);
        int endOfHead = text.indexOf("\r\n\r\n");
        int endOfLine = text.indexOf("\r\n", index);
        if (!text.startsWith(": (", index - 2) || index > endOfHead || text.charAt(endOfLine - 1) != ')') {
            return Optional.empty();
        }
        return Optional.of("what \"" + text.substring(index, endOfLine) + "\" says (a description, not bytes)");
    }

    /** One byte (or one UTF-8 character) as the reader should see it. */
    private static String describe(byte[] bytes, int index) {
        if (index >= bytes.length) {
            return "the end (nothing more)";
        }
        int b = bytes[index] & 0xFF;
        String shown = show(bytes, index, 1);
        return (b == '\n' ? "\\n" : shown) + String.format(" (0x%02X)", b);
    }

    private String window(int firstLine, int count) {
        StringBuilder text = new StringBuilder();
        int last = Math.min(lineCount, firstLine + count);
        for (int i = firstLine; i < last; i++) {
            if (i == lineCount - 1 && lines.get(i).isEmpty()) {
                break; // the bytes ended with \n: no further line to show
            }
            text.append("  ").append(cut(lines.get(i).replace("\n", ""))).append('\n');
        }
        if (last < lineCount) {
            text.append("  … (").append(lineCount - last).append(" more lines)\n");
        }
        return text.toString();
    }

    private static String cut(String line) {
        String visible = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        return visible.length() > MAX_LINE_LENGTH ? visible.substring(0, MAX_LINE_LENGTH) + "…" : visible;
    }

    private static String show(byte[] bytes, int i, int width) {
        int b = bytes[i] & 0xFF;
        if (width > 1) {
            return new String(bytes, i, width, StandardCharsets.UTF_8);
        }
        switch (b) {
            case '\r': return "\\r";
            case '\n': return "\\n\n";
            case '\t': return "\\t";
            case '\\': return "\\\\";
            default: return b < 0x20 || b >= 0x7F ? String.format("\\x%02X", b) : String.valueOf((char) b);
        }
    }

    /** How many bytes form the character at i: a valid UTF-8 sequence shows as one character. */
    private static int utf8Width(byte[] bytes, int i) {
        int b = bytes[i] & 0xFF;
        int width = b >= 0xF0 && b < 0xF8 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 1;
        if (b < 0x80 || width == 1 || i + width > bytes.length) {
            return 1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, i, width));
            return width;
        } catch (CharacterCodingException e) {
            return 1;
        }
    }
}
