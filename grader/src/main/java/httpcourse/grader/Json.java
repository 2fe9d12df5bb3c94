package httpcourse.grader;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON from plain Java values: a {@link Map} is an object (in its order: use a
 * LinkedHashMap), a {@link List} an array, then strings, numbers, booleans and null. Enough for
 * the gradebook and the platforms' results.json, without a library in the grader's jars.
 */
final class Json {

    private Json() {
    }

    /** Indented by two spaces per level, one member per line, with a final line break. */
    static String write(Object value) {
        StringBuilder json = new StringBuilder();
        write(value, "", json);
        return json.append('\n').toString();
    }

    private static void write(Object value, String indent, StringBuilder json) {
        if ((value instanceof Map<?, ?> || value instanceof List<?>) && isFlat(value)) {
            String line = inline(value);
            if (indent.length() + line.length() <= INLINE_WIDTH) {
                json.append(line);
                return;
            }
        }
        switch (value) {
            case null -> json.append("null");
            case String text -> string(text, json);
            case Boolean bool -> json.append(bool);
            case BigDecimal number -> json.append(number.toPlainString());
            case Double number -> json.append(Scoring.round(number, 6).toPlainString());
            case Number number -> json.append(number);
            case Map<?, ?> map -> {
                if (map.isEmpty()) {
                    json.append("{}");
                    return;
                }
                json.append("{\n");
                String inner = indent + "  ";
                int i = 0;
                for (Map.Entry<?, ?> member : map.entrySet()) {
                    json.append(inner);
                    string(member.getKey().toString(), json);
                    json.append(": ");
                    write(member.getValue(), inner, json);
                    json.append(++i < map.size() ? ",\n" : "\n");
                }
                json.append(indent).append('}');
            }
            case List<?> list -> {
                if (list.isEmpty()) {
                    json.append("[]");
                    return;
                }
                json.append("[\n");
                String inner = indent + "  ";
                for (int i = 0; i < list.size(); i++) {
                    json.append(inner);
                    write(list.get(i), inner, json);
                    json.append(i + 1 < list.size() ? ",\n" : "\n");
                }
                json.append(indent).append(']');
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    /** An object or array of plain values only is written on one line when it fits. */
    private static final int INLINE_WIDTH = 120;

    private static boolean isFlat(Object value) {
        return switch (value) {
            case Map<?, ?> map -> map.values().stream().allMatch(v -> isScalar(v) || v instanceof List<?> l
                    && l.stream().allMatch(Json::isScalar));
            case List<?> list -> list.stream().allMatch(Json::isScalar);
            default -> false;
        };
    }

    private static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    /** One line: {"a": 1, "b": ["x", "y"]}. */
    private static String inline(Object value) {
        StringBuilder json = new StringBuilder();
        switch (value) {
            case Map<?, ?> map -> {
                json.append('{');
                int i = 0;
                for (Map.Entry<?, ?> member : map.entrySet()) {
                    json.append(i++ == 0 ? "" : ", ");
                    string(member.getKey().toString(), json);
                    json.append(": ").append(member.getValue() instanceof List<?> list ? inline(list)
                            : scalar(member.getValue()));
                }
                json.append('}');
            }
            case List<?> list -> {
                json.append('[');
                for (int i = 0; i < list.size(); i++) {
                    json.append(i == 0 ? "" : ", ").append(scalar(list.get(i)));
                }
                json.append(']');
            }
            default -> json.append(scalar(value));
        }
        return json.toString();
    }

    private static String scalar(Object value) {
        StringBuilder json = new StringBuilder();
        write(value, "", json);
        return json.toString();
    }

    static String string(String text) {
        StringBuilder json = new StringBuilder();
        string(text, json);
        return json.toString();
    }

    private static void string(String text, StringBuilder json) {
        json.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(c < 0x20 || c == 0x2028 || c == 0x2029 ? String.format("\\u%04x", (int) c)
                        : String.valueOf(c));
            }
        }
        json.append('"');
    }
}
