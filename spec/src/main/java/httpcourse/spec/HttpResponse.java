package httpcourse.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes of a response cut into its status line, header fields and body, for the checks of
 * steps 6 and on. Lenient, so that it reads what a wrong server sends too: the head may end with
 * bare LFs, a line may be no header at all. Names are found in any letter case (RFC 9110 §5.1).
 *
 * @param statusLine     the first line, without its line ending
 * @param fields         the header lines that are "Name: value", in the order they came
 * @param malformedLines the other lines of the head
 * @param hasEmptyLine   whether the head ended with an empty line (else there is no body)
 * @param body           the bytes after the empty line
 */
public record HttpResponse(String statusLine, List<Field> fields, List<String> malformedLines, boolean hasEmptyLine,
                           byte[] body) {

    private static final Pattern FIELD = Pattern.compile("(" + Requests.TOKEN + "):[ \\t]*(.*?)[ \\t]*");

    /** One header line: its name as sent, its value without the spaces around it, the whole line. */
    public record Field(String name, String value, String line) {
    }

    /**
     * Where a head ends, and its body starts, as a lenient client finds them: at the first line that is
     * empty once a CR before its LF is dropped ("\r\n\r\n", "\n\n", or "\n\r\n" after a bare LF); both at
     * the text's end while the head has not ended.
     */
    record HeadEnd(int head, int body) {

        static HeadEnd in(String text) {
            HeadEnd end = new HeadEnd(text.length(), text.length());
            for (String emptyLine : List.of("\r\n\r\n", "\n\r\n", "\n\n")) {
                int at = text.indexOf(emptyLine);
                if (at >= 0 && at < end.head()) {
                    end = new HeadEnd(at, at + emptyLine.length());
                }
            }
            return end;
        }

        boolean found() {
            return body > head;
        }
    }

    public static HttpResponse parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // one char per byte
        HeadEnd end = HeadEnd.in(text);
        int headEnd = end.head();
        int bodyStart = end.body();
        String[] lines = text.substring(0, headEnd).split("\r?\n", -1);
        List<Field> fields = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            Matcher field = FIELD.matcher(lines[i]);
            if (field.matches()) {
                fields.add(new Field(field.group(1), field.group(2), lines[i]));
            } else {
                malformed.add(lines[i]);
            }
        }
        return new HttpResponse(lines[0], fields, malformed, bodyStart > headEnd,
                Arrays.copyOfRange(bytes, bodyStart, bytes.length));
    }

    /** Whether the head ended with its empty line, and not with a later answer's: its status line a header line. */
    public boolean headEnded() {
        return hasEmptyLine && malformedLines.stream().noneMatch(line -> line.startsWith("HTTP/"));
    }

    /** The values of every field of that name, in any letter case. */
    public List<String> values(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).toList();
    }

    /** The value of the only field of that name; null when there is none or more than one. */
    public String value(String name) {
        List<String> values = values(name);
        return values.size() == 1 ? values.get(0) : null;
    }

    /** The status code, "404"; empty when the first line is not a status line. */
    public String code() {
        String[] words = statusLine.split(" ", 3);
        return words.length > 1 && words[0].startsWith("HTTP/") ? words[1] : "";
    }

    /** Whether a Connection value lists {@code option}, in any letter case (RFC 9110 §7.6.1). */
    static boolean hasOption(String value, String option) {
        return value != null && Arrays.stream(value.split(",")).anyMatch(o -> o.strip().equalsIgnoreCase(option));
    }
}
