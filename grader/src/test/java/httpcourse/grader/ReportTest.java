package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import httpcourse.spec.Hint;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the reports show of the failures, from given results (no server runs): the mistakes that
 * fail several checks, said once and first; failures beyond the first three by their hints; and
 * every hint of every failure in every format.
 */
@DisplayName("The report")
class ReportTest {

    private static final Hint BARE_LF = new Hint(Hint.Id.BARE_LINE_FEEDS, "Lines end with a bare \\n (LF).");
    private static final Hint CASE = new Hint(Hint.Id.STATUS_LINE_CASE, "The status line differs in letter case only.");
    private static final Hint DATE = new Hint(Hint.Id.DATE_MISSING, "No Date header. A server that has a clock sends"
            + " the time of each answer (RFC 9110 §6.6.1), in IMF-fixdate: \"Date: Sun, 06 Nov 1994 08:49:37 GMT\"."
            + " Format Instant.now() with DateTimeFormatter.ofPattern(\"EEE, dd MMM yyyy HH:mm:ss 'GMT'\", Locale.US).");
    private static final Hint TYPE = new Hint(Hint.Id.CONTENT_TYPE_WRONG, "No Content-Type header: the browser has"
            + " to guess what <an .html page> is. Send its media type: text/html & co.");

    private static StepResult.Check failed(String name, Hint... hints) {
        return failed(name, "The response is not the expected one.\n(the report)\n" + Hint.render(List.of(hints)), hints);
    }

    private static StepResult.Check failed(String name, String report, Hint... hints) {
        return StepResult.Check.fail(name, List.of(new StepResult.Failure(null, report, List.of(hints))));
    }

    private static StepResult.Check passed(String name) {
        return StepResult.Check.pass(name);
    }

    private static StepResult step(StepResult.Check... checks) {
        return new StepResult(6, "Step 6: complete answers", "java S.java 0", List.of(checks), null, List.of());
    }

    private static String text(StepResult result, boolean verbose) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report.step(new PrintStream(bytes, true, StandardCharsets.UTF_8), result, verbose);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("says \"the same hint as above\" after one that differs only in what it quotes (the answer's Date)")
    void repeatsAHintThatQuotesTheAnswer() {
        String why = "Date must be IMF-fixdate. Got ";
        Hint monday = new Hint(Hint.Id.DATE_NOT_IMF_FIXDATE, why + "\"Monday, 07 Dec 2026 13:00:40 GMT\".");
        Hint later = new Hint(Hint.Id.DATE_NOT_IMF_FIXDATE, why + "\"Monday, 07 Dec 2026 13:00:41 GMT\".");
        Hint other = new Hint(Hint.Id.DATE_NOT_IMF_FIXDATE, why + "a Date of another form.");
        String report = text(step(failed("a"), failed("b"), failed("c"),
                failed("d", monday), failed("e", later), failed("f", other)), false);
        assertThat(report).containsSubsequence("✗ d", "13:00:40", "✗ e", "(the same hint as above)", "✗ f",
                "another form");
        assertThat(report).doesNotContain("13:00:41").containsOnlyOnce("(the same hint as above)");
    }

    @Test
    @DisplayName("says \"the same hint as above\" only after that very hint, and shows a failure without a hint by its first line")
    void repeatsOnlyTheSameHint() {
        String report = text(step(failed("a"), failed("b"), failed("c"), // the first three in full
                failed("d", BARE_LF), failed("e", BARE_LF), failed("f", CASE), failed("g"), failed("h")), false);
        assertThat(report).containsSubsequence(
                "✗ d", "Hint: Lines end with a bare \\n (LF).",
                "✗ e", "(the same hint as above)",
                "✗ f", "Hint: The status line differs in letter case only.",
                "✗ g", "The response is not the expected one.",
                "✗ h", "The response is not the expected one.");
        assertThat(report).containsOnlyOnce("(the same hint as above)");
    }

    @Test
    @DisplayName("says first, once, which mistake fails several checks, the most common first")
    void groupsTheFailuresByTheirFirstHint() {
        StepResult result = step(passed("p"), failed("a", CASE), failed("b", DATE), failed("c", DATE, TYPE),
                failed("d", TYPE), failed("e", DATE), failed("f", CASE), failed("g"));
        assertThat(result.commonCauses()).extracting(cause -> cause.hint().id(), StepResult.Cause::checks)
                .containsExactly(tuple(Hint.Id.DATE_MISSING, List.of(2, 3, 5)),
                        tuple(Hint.Id.STATUS_LINE_CASE, List.of(1, 6)));
        assertThat(text(result, false)).containsSubsequence("1 of 8 checks passed",
                "3 checks fail for one reason:", "Hint: No Date header.",
                "2 checks fail for another reason:", "Hint: The status line differs in letter case only.",
                "Why the failed checks failed:", "✗ a")
                .containsOnlyOnce("checks fail for one reason");
        assertThat(Html.report(new Gradebook.Submission("bob", List.of(result)), Scoring.ONE_PER_CHECK))
                .containsSubsequence("<h2>Step 6: complete answers</h2>",
                        "<b>3 checks</b> fail for one reason: <a href=\"#step6-check3\">6.3</a>"
                                + " <a href=\"#step6-check4\">6.4</a> <a href=\"#step6-check6\">6.6</a>",
                        "<b>Hint: No Date header.",
                        "<b>2 checks</b> fail for another reason:", "<b>Hint: The status line differs",
                        "<ol class=\"checks\">");
        assertThat(text(step(failed("a", CASE), failed("b", DATE)), false)).doesNotContain("fail for one reason");
    }

    /**
     * Every hint of every failure, in every format that shows failures: the text report (short and
     * verbose), a student's HTML report, Gradescope's and PrairieLearn's outputs; and every hint's
     * name where hints are listed by name (gradebook.json, Gradescope's tags). Even past the first
     * three failures, even when a failure's report lacks one of its hints, even when a report is
     * too long for the platforms and is cut.
     */
    @Test
    @DisplayName("puts every hint of every failure in every format")
    void showsEveryHintEverywhere() throws Exception {
        String longBytes = "  " + "ab".repeat(60_000) + "\n";
        StepResult result = step(
                failed("long", "The response is not the expected one.\nActual response:\n" + longBytes
                        + Hint.render(List.of(DATE, TYPE)), DATE, TYPE),
                failed("a", CASE), failed("b", CASE), failed("c", BARE_LF),
                failed("d", DATE, TYPE), failed("e", TYPE, CASE),
                failed("lacks its hint in its text", "The response is not the expected one.\n", TYPE));
        Map<String, String> formats = Map.of(
                "the text report", text(result, false),
                "the verbose text report", text(result, true),
                "the HTML report", Html.report(new Gradebook.Submission("bob", List.of(result)), Scoring.ONE_PER_CHECK),
                "Gradescope's output", outputs(new ObjectMapper().readTree(PlatformResults.gradescope(List.of(result),
                        Scoring.ONE_PER_CHECK, "visible", "")).get("tests")),
                "PrairieLearn's output", outputs(new ObjectMapper().readTree(PlatformResults.prairieLearn(List.of(result),
                        Scoring.ONE_PER_CHECK, "")).get("tests")));
        for (StepResult.Check check : result.checks()) {
            String failure = check.name();
            formats.forEach((format, text) -> {
                String failureText = after(text, failure);
                check.failures().getFirst().hints().forEach(hint -> assertThat(words(failureText))
                        .as("%s: the failure \"%s\", its hint %s", format, failure, hint.id())
                        .contains(words(format.contains("HTML") ? Html.escape(hint.text()) : hint.text())));
            });
        }
        JsonNode gradebook = new ObjectMapper().readTree(Gradebook.json(
                List.of(new Gradebook.Submission("bob", List.of(result))), Scoring.ONE_PER_CHECK));
        JsonNode tests = new ObjectMapper().readTree(PlatformResults.gradescope(List.of(result), Scoring.ONE_PER_CHECK,
                "visible", "")).get("tests");
        for (int i = 0; i < result.checks().size(); i++) {
            List<String> ids = result.checks().get(i).failures().getFirst().hints().stream().map(h -> h.id().name()).toList();
            assertThat(gradebook.get(0).get("steps").get(0).get("checks").get(i).get("hints"))
                    .extracting(JsonNode::asText).containsExactlyElementsOf(ids);
            assertThat(tests.get(i).get("tags")).extracting(JsonNode::asText).containsAll(ids);
        }
    }

    /** Each test's name, then its output: so a failure's part of the text starts at its name. */
    private static String outputs(JsonNode tests) {
        StringBuilder text = new StringBuilder();
        tests.forEach(test -> text.append("✗ ").append(test.get("name").asText()).append('\n')
                .append(test.get("output").asText()).append('\n'));
        return text.toString();
    }

    /**
     * The part of a report about one check: from its line in the failures' details ("✗ NAME", or
     * the HTML list's item) to the next check's.
     */
    private static String after(String text, String check) {
        List<String> starts = new ArrayList<>(List.of("✗ " + check + "\n", "</span> " + check + "\n"));
        for (String start : starts) {
            int at = text.lastIndexOf(start);
            if (at >= 0) {
                int next = text.indexOf("✗ ", at + start.length());
                int nextItem = text.indexOf("<li ", at + start.length());
                int end = next < 0 ? text.length() : next;
                end = nextItem < 0 ? end : Math.min(end, nextItem);
                return text.substring(at, end);
            }
        }
        throw new AssertionError("no failure \"" + check + "\" in:\n" + text);
    }

    /** The text with each run of white space one space, and the hints' lines joined, their bold tags out. */
    private static String words(String text) {
        return text.replaceAll("</?b>", "").replaceAll("\\s+", " ");
    }
}
