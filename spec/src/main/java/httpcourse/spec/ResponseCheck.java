package httpcourse.spec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a response with what a check of steps 6 and on {@link Expected expects}, and fails
 * with the usual report ({@link FailureReport}): the request sent, the expected and actual bytes
 * with CR and LF visible, the first difference, and the hint that names the mistake.
 *
 * <p>Header fields come in any order and their names in any letter case, and Date is the time
 * of each answer. So the expected response is written in the server's own order, with its own
 * spelling and its own values wherever they pass their rule, and the rule's value where they do
 * not: the first difference then falls on the first real mistake.
 *
 * <p>One mistake, one hint: a wrong status or a wrong body explains everything after it, and then
 * the header fields get no hint; the general hints ({@link Hints}) judge what is not about them.
 */
public final class ResponseCheck {

    private ResponseCheck() {
    }

    /**
     * Passes when the response is the expected one and the server closed the connection after it,
     * or, where the expected answer {@link Expected#mayStayOpen may stay open}, it kept it open.
     */
    public static void verify(Timed timed, Expected expected) {
        Exchange exchange = timed.exchange();
        HttpResponse actual = HttpResponse.parse(exchange.response());
        ResponseContext context = new ResponseContext(timed, actual, expected.bodyFor(actual));
        byte[] wanted = expectedBytes(expected, context);
        boolean same = Arrays.equals(wanted, exchange.response());
        // A reset after a complete answer is a close: the server left part of a long request unread.
        boolean closed = exchange.ending() == Exchange.Ending.CLOSED
                || same && exchange.ending() == Exchange.Ending.RESET
                || expected.mayStayOpen && exchange.ending() == Exchange.Ending.KEPT_OPEN;
        if (same && closed) {
            return;
        }
        if (same && expected.body == Expected.Body.GZIP && actual.value("Content-Length") == null
                && !Codings.isChunked(actual)) {
            throw FailureReport.failure("The body is right, but nothing says where it ends.", wanted, timed.reply(),
                    List.of(CodingRules.unframed()));
        }
        String headline = (same ? "The answer is right, but the server did not close the connection after it."
                : "The response is not the expected one") + (expected.situation.isEmpty() ? "" : " (request: "
                + expected.situation + ")") + ".\n(Header fields may come in any order, their names in any letter"
                + " case: the expected response follows your server's order" + (otherStatus(expected, actual)
                ? ", with only the fields this check looks at" : " and keeps the fields this check does not look at")
                + (expected.body == Expected.Body.ANY_TEXT ? "; the body may be any short text" : "") + ".)";
        // A body described rather than given (gzip's, or any short text) has no byte to differ at.
        boolean described = (expected.body == Expected.Body.GZIP || expected.body == Expected.Body.ANY_TEXT)
                && !Arrays.equals(context.expectedBody(), actual.body());
        int literal = wanted.length - (described ? context.expectedBody().length : 0);
        throw FailureReport.failure(headline, wanted, literal, timed.reply(), same ? List.of() : hints(expected, context));
    }

    /**
     * The expected bytes, written in the order and spelling of the actual ones wherever they pass. An
     * answer of another status lends none of its fields' values: they belong to that other answer (a 206's
     * Content-Range, a page's text/html over an error's text), and the status line shows the first
     * difference already. A compressed answer lends no ETag to the plain one expected.
     */
    static byte[] expectedBytes(Expected expected, ResponseContext context) {
        StringBuilder head = new StringBuilder(expected.statusLine).append("\r\n");
        Set<HeaderRule> seen = new HashSet<>();
        boolean otherStatus = otherStatus(expected, context.actual());
        // A compressed answer's tag names its compressed bytes, not the file as it is (step 17's "-gzip").
        boolean otherEtag = expected.body != Expected.Body.GZIP && Codings.isGzip(context.actual());
        for (HttpResponse.Field field : context.actual().fields()) {
            HeaderRule rule = expected.rule(field.name());
            if (rule == null) {
                if (!otherStatus && !framedOtherwise(expected, field.name())) {
                    head.append(field.line()).append("\r\n"); // a field this check does not look at
                }
            } else if (seen.add(rule)) {
                boolean lent = !otherStatus && !(otherEtag && field.name().equalsIgnoreCase("ETag"));
                head.append(lent && rule.accepts().test(field.value(), context) ? field.line()
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

    /**
     * The hints about what this check is about, the status and the header fields; empty when the
     * mistake lies elsewhere (the line endings, the body, the connection), where the general
     * hints apply.
     */
    static List<Hint> hints(Expected expected, ResponseContext context) {
        Exchange exchange = context.timed().exchange();
        HttpResponse actual = context.actual();
        if (exchange.response().length == 0) {
            boolean error = expected.statusLine.matches("HTTP/1\\.[01] [45].*");
            boolean closed = exchange.ending() == Exchange.Ending.CLOSED || exchange.ending() == Exchange.Ending.RESET;
            Optional<Hint> notCut = !error && closed ? PartHints.lost(expected, context.timed().reply().server())
                    : Optional.empty();
            if (notCut.isPresent()) {
                return List.of(notCut.get());
            }
            // A server that answers GET / but sent nothing here failed on this request: the check's own hint.
            if (!error && closed && !expected.statusHint.isEmpty()
                    && context.timed().reply().server().probes().answersAPlainGet()) {
                return List.of(new Hint(expected.statusHintId, "The server closed the connection without a word, where"
                        + " \"" + expected.statusLine + "\" was due, though it answers GET / (its output, below, may"
                        + " show the exception that ended this answer). " + expected.statusHint));
            }
            return error && closed ? List.of(new Hint(Hint.Id.ERROR_BY_CLOSING, "The server closed the connection"
                    + " without a word. A request it cannot serve still gets an answer: the status line \""
                    + expected.statusLine + "\", Date, Content-Type, Content-Length and a short text that says what"
                    + " is wrong. Catch the problem where you find it, answer, then close."
                    + (expected.statusHint.isEmpty() ? "" : " " + expected.statusHint))) : List.of();
        }
        if (!actual.code().equals(code(expected.statusLine))) {
            return actual.code().isEmpty() || expected.statusHint.isEmpty() ? List.of()
                    : List.of(new Hint(expected.statusHintId, "Expected \"" + expected.statusLine + "\", got \""
                            + actual.statusLine() + "\". " + expected.statusHint));
        }
        String head = new String(exchange.response(), StandardCharsets.ISO_8859_1).split("\r?\n\r?\n", 2)[0];
        if (!actual.statusLine().equals(expected.statusLine) || head.replace("\r\n", "").contains("\n")
                || !actual.hasEmptyLine()) {
            return List.of(); // the status line's spelling, bare LFs, a head without end: general hints
        }
        if (expected.body == Expected.Body.NONE && actual.body().length > 0) {
            return expected.bytesHint != null ? List.of(expected.bytesHint) : List.of(new Hint(Hint.Id.BODY_WHERE_NONE,
                    expected.statusLine.contains(" 304 ")
                    ? "A 304 answer has no body: the client keeps the copy it has. Send the head only."
                    : "A HEAD answer is the head GET would get, and nothing after it: leave out the body, not its"
                            + " Content-Length (RFC 9110 §9.3.2)."));
        }
        if (expected.body == Expected.Body.ANY_TEXT && actual.body().length == 0) {
            return List.of(new Hint(Hint.Id.ERROR_WITHOUT_TEXT, "The answer has no body: an error says in a few"
                    + " words what is wrong (and a browser shows them), with the Content-Length of those words."));
        }
        if (expected.body == Expected.Body.GZIP && Codings.isGzip(actual)) {
            Hint wrong = CodingRules.bodyHint(actual, expected.exactBody);
            if (wrong != null) {
                return List.of(wrong); // the body cannot be read: the header fields do not matter yet
            }
        }
        if (expected.body == Expected.Body.EXACT && !Arrays.equals(actual.body(), context.expectedBody())) {
            // the wrong file, a charset conversion, bytes cut or added: general hints, unless the check knows better
            return PartHints.runsOn(expected, actual).map(List::of)
                    .orElse(expected.bytesHint == null ? List.of() : List.of(expected.bytesHint));
        }
        List<Hint> hints = new ArrayList<>();
        for (HeaderRule rule : expected.rules) {
            List<String> values = actual.values(rule.name());
            if (values.isEmpty() && rule.required()) {
                hints.add(rule.hint().apply(null, context));
            } else if (!values.isEmpty() && !rule.accepts().test(values.get(0), context)) {
                hints.add(rule.hint().apply(values.get(0), context));
            } else if (values.size() > 1) {
                hints.add(rule.hint().apply(String.join(", ", values), context)); // sent twice: one list
            }
        }
        if (expected.body == Expected.Body.GZIP && !Codings.isGzip(actual) && hints.size() > 1) {
            // Not compressed where it should be: that is the mistake. Vary comes with compression (and the checks
            // that want the file as it is ask for it).
            hints.removeIf(hint -> hint.id() == Hint.Id.VARY_MISSING || hint.id() == Hint.Id.GZIP_FRAMING);
        }
        Set<Hint.Id> said = EnumSet.noneOf(Hint.Id.class); // several fields wrong for one reason: said once
        hints.removeIf(hint -> !said.add(hint.id()));
        return hints;
    }

    /**
     * Whether the field frames the body one way where the expected answer frames it the other: a
     * Transfer-Encoding never goes beside a Content-Length (RFC 9112 §6.2), nor the other way round.
     */
    private static boolean framedOtherwise(Expected expected, String name) {
        String other = name.equalsIgnoreCase("Transfer-Encoding") ? "Content-Length"
                : name.equalsIgnoreCase("Content-Length") ? "Transfer-Encoding" : null;
        HeaderRule rule = other == null ? null : expected.rule(other);
        return rule != null && rule.required();
    }

    /** Whether the answer has a status code, and another than the expected one. */
    private static boolean otherStatus(Expected expected, HttpResponse actual) {
        return !actual.code().isEmpty() && !actual.code().equals(code(expected.statusLine));
    }

    private static String code(String statusLine) {
        return statusLine.split(" ")[1];
    }
}
