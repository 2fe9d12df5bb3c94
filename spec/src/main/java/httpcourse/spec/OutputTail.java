package httpcourse.spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The last lines a server printed on one stream (stdout or stderr), kept within fixed bounds
 * however much it prints: a server may print a gigabyte on one line, and the grader must not
 * run out of memory for it. Lines are counted, so that a report can show what was printed
 * during one check.
 */
final class OutputTail {

    static final int MAX_LINES = 1000;
    static final int MAX_LINE_BYTES = 1000;
    private static final int REPORT_LINES = 20;

    private final Predicate<String> keep;
    private final Deque<String> lines = new ArrayDeque<>();
    private long linesSeen;

    /** @param keep which lines to keep: the others are not the server's own words */
    OutputTail(Predicate<String> keep) {
        this.keep = keep;
    }

    /**
     * Reads {@code stream} to its end, keeping its last lines and telling {@code onLine} of each.
     * Bytes beyond {@link #MAX_LINE_BYTES} on one line are counted but not kept.
     */
    void drain(InputStream stream, Consumer<String> onLine) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long lineLength = 0;
        byte[] buffer = new byte[8192];
        for (int n = stream.read(buffer); n != -1; n = stream.read(buffer)) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    onLine.accept(add(line, lineLength));
                    line.reset();
                    lineLength = 0;
                } else {
                    if (lineLength < MAX_LINE_BYTES) {
                        line.write(buffer[i]);
                    }
                    lineLength++;
                }
            }
        }
        if (lineLength > 0) {
            onLine.accept(add(line, lineLength)); // the last line, without its line break
        }
    }

    private String add(ByteArrayOutputStream bytes, long length) {
        String line = bytes.toString(StandardCharsets.UTF_8).replace("\r", "");
        if (length > MAX_LINE_BYTES) {
            line += " … (" + (length - MAX_LINE_BYTES) + " more bytes on this line)";
        }
        if (!keep.test(line)) {
            return line;
        }
        synchronized (this) {
            lines.addLast(line);
            linesSeen++;
            if (lines.size() > MAX_LINES) {
                lines.removeFirst();
            }
        }
        return line;
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** How many lines were printed so far: a mark for {@link #textSince}. */
    synchronized long mark() {
        return linesSeen;
    }

    /** The last lines, ready for a report, with "..." where earlier ones were left out. */
    String text() {
        return textSince(0);
    }

    /**
     * The last lines printed after {@code mark}, ready for a report; "(nothing)" when there are none.
     * Control characters show as \\xHH: a server's output must not drive the reader's terminal.
     */
    synchronized String textSince(long mark) {
        long kept = Math.min(lines.size(), linesSeen - mark);
        if (kept <= 0) {
            return "  (nothing)\n";
        }
        long skipped = Math.max(0, kept - REPORT_LINES) + (lines.size() - kept);
        // An exception printed before the last lines (a log written in batches comes after it) still shows.
        String errors = lines.stream().skip(lines.size() - kept).limit(skipped - (lines.size() - kept))
                .filter(OutputTail::isErrorLine).distinct().limit(3).map(l -> "  | " + visible(l) + "\n  | ...\n")
                .collect(Collectors.joining());
        return (kept > REPORT_LINES || linesSeen - mark > lines.size() ? "  | ...\n" + errors : "")
                + lines.stream().skip(skipped).map(l -> "  | " + visible(l) + "\n").collect(Collectors.joining());
    }

    /** The line with each control character (but tab) written \\xHH, as an escape sequence cannot act. */
    static String visible(String line) {
        StringBuilder text = new StringBuilder();
        line.chars().forEach(c -> text.append(c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F
                ? String.format("\\x%02x", c) : String.valueOf((char) c)));
        return text.toString();
    }

    private static final Pattern ERROR_LINE = Pattern.compile("\\w(Exception|Error)\\b|^Traceback |^\\s+at \\S+\\(");

    /** Whether a line a server printed looks like an exception's or a traceback's. */
    static boolean isErrorLine(String line) {
        return ERROR_LINE.matcher(line).find();
    }

    /** The lines printed after {@code mark} that are still kept. */
    synchronized List<String> linesSince(long mark) {
        long kept = Math.min(lines.size(), linesSeen - mark);
        return lines.stream().skip(lines.size() - Math.max(0, kept)).toList();
    }
}
