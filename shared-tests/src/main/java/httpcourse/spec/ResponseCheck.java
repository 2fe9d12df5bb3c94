package httpcourse.spec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares a response with what a check of steps 6 and on {@link Expected expects}, and fails
 * with the usual report: the request sent, the expected and actual bytes with CR and LF visible,
 * the first difference, and hints that name the mistake.
 *
 * <p>Header fields come in any order and their names in any letter case, and Date is the time
 * of each answer. So the expected response is written in the server's own order, with its own
 * spelling and its own values wherever they pass their rule, and the rule's value where they do
 * not: the first difference then falls on the first real mistake.
 */
public final class ResponseCheck {

    /** What a rule needs to judge a value: when the exchange happened, what came, which body to expect. */
    public record Context(Timed timed, HttpResponse actual, byte[] expectedBody) {
    }

    private ResponseCheck() {
    }

    /** Passes when the response is the expected one and the server closed the connection after it. */
    public static void verify(Timed timed, Expected expected) {
        Exchange exchange = timed.exchange();
        HttpResponse actual = HttpResponse.parse(exchange.response());
        Context context = new Context(timed, actual, expected.bodyFor(actual));
        byte[] wanted = expectedBytes(expected, context);
        boolean same = Arrays.equals(wanted, exchange.response());
        // A reset after a complete answer is a close: the server left part of a long request unread.
        boolean closed = exchange.ending() == Exchange.Ending.CLOSED
                || same && exchange.ending() == Exchange.Ending.RESET;
        if (same && closed) {
            return;
        }
        String headline = (same ? "The answer is right, but the server did not close the connection after it."
                : "The response is not the expected one") + (expected.situation.isEmpty() ? "" : " (request: "
                + expected.situation + ")") + ".\n(Header fields may come in any order, their names in any letter"
                + " case: the expected response follows your server's order and keeps the fields this check does"
                + " not look at" + (expected.body == Expected.Body.ANY_TEXT ? "; the body may be any short text" : "")
                + ".)";
        throw new AssertionError(ResponseAssert.report(headline, wanted, exchange, hints(expected, context)));
    }

    /** The expected bytes, written in the order and spelling of the actual ones wherever they pass. */
    static byte[] expectedBytes(Expected expected, Context context) {
        StringBuilder head = new StringBuilder(expected.statusLine).append("\r\n");
        Set<HeaderRule> seen = new HashSet<>();
        for (HttpResponse.Field field : context.actual().fields()) {
            HeaderRule rule = expected.rule(field.name());
            if (rule == null) {
                if (!expected.onlyTheseHeaders) {
                    head.append(field.line()).append("\r\n"); // a field this check does not look at
                }
            } else if (seen.add(rule)) {
                head.append(rule.accepts().test(field.value(), context) ? field.line()
                        : field.name() + ": " + rule.expected().apply(context)).append("\r\n");
            } // else: the field came twice, and the second one is not expected
        }
        for (HeaderRule rule : expected.rules) {
            if (rule.required() && !seen.contains(rule)) {
                head.append(rule.name()).append(": ").append(rule.expected().apply(context)).append("\r\n");
            }
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(context.expectedBody());
        return bytes.toByteArray();
    }

    /** The hints of the header-aware checks, the most telling first; ResponseAssert adds the general ones. */
    static List<String> hints(Expected expected, Context context) {
        HttpResponse actual = context.actual();
        Exchange exchange = context.timed().exchange();
        List<String> hints = new ArrayList<>();
        boolean error = expected.statusLine.matches("HTTP/1.0 [45].*");
        if (exchange.response().length == 0) {
            if (exchange.ending() != Exchange.Ending.NOT_CLOSED && error) {
                hints.add("The server closed the connection without a word. A request it cannot serve still gets"
                        + " an answer, the status line \"" + expected.statusLine + "\", Date, Content-Type,"
                        + " Content-Length and a short text that says what is wrong: catch the problem where you"
                        + " find it, answer, then close." + (expected.statusHint.isEmpty() ? "" : " "
                        + expected.statusHint));
            } else if (!expected.statusHint.isEmpty()) {
                hints.add(expected.statusHint);
            }
            return hints;
        }
        if (!actual.statusLine().equals(expected.statusLine) && !expected.statusHint.isEmpty()) {
            hints.add("Expected \"" + expected.statusLine + "\", got \"" + actual.statusLine() + "\". "
                    + expected.statusHint);
        }
        if (expected.body == Expected.Body.NONE && actual.body().length > 0) {
            hints.add(expected.statusLine.contains(" 304 ")
                    ? "A 304 answer has no body: the client keeps the copy it has. Send the head only."
                    : "A HEAD answer is the head GET would get, and nothing after it: leave out the body, not its"
                            + " Content-Length (RFC 9110 §9.3.2).");
        }
        if (expected.body == Expected.Body.ANY_TEXT && actual.hasEmptyLine() && actual.body().length == 0) {
            hints.add("The answer has no body: an error says in a few words what is wrong (and a browser shows"
                    + " them), with the Content-Length of those words.");
        }
        for (String line : actual.malformedLines()) {
            hints.add("This line of the head is not a header field \"Name: value\": \"" + line + "\". Every line"
                    + " between the status line and the empty line is one, with no space before the colon.");
        }
        for (HeaderRule rule : expected.rules) {
            List<String> values = actual.values(rule.name());
            if (values.size() > 1) {
                hints.add(rule.name() + " is sent " + values.size() + " times: send each header field once.");
            } else if (values.isEmpty() && rule.required() || values.size() == 1
                    && !rule.accepts().test(values.get(0), context)) {
                hints.add(rule.hint().apply(values.isEmpty() ? null : values.get(0), context));
            }
        }
        if (expected.onlyTheseHeaders) {
            for (HttpResponse.Field field : actual.fields()) {
                if (expected.rule(field.name()) == null) {
                    hints.add("The answer to HEAD has a header field the answer to GET has not: \"" + field.line()
                            + "\". HEAD gets the very head GET gets.");
                }
            }
        }
        return hints;
    }
}
