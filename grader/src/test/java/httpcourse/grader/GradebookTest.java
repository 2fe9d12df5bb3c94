package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import httpcourse.spec.Hint;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The batch's files and the platforms' results, from made-up results (no server runs): a row
 * per student, points, the hints' ids, HTML with every name escaped and nothing fetched.
 */
@DisplayName("The gradebooks and results, from given results")
class GradebookTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final Hint CASE = new Hint(Hint.Id.STATUS_LINE_CASE, "The status line differs in letter case only.");
    static final Hint CRASH = new Hint(Hint.Id.CRASHED_AT_START, "It crashed at start: read its output below.");

    static StepResult.Check passed(String name) {
        return StepResult.Check.pass(name);
    }

    static StepResult.Check failed(String name, Hint... hints) {
        return StepResult.Check.fail(name, List.of(new StepResult.Failure(null,
                "The response is not the expected one.\nRequest sent (21 bytes):\n  GET /sub HTTP/1.0\\r\\n\n"
                        + (hints.length == 0 ? "" : Hint.render(List.of(hints))), List.of(hints))));
    }

    /** Step 4 with three checks; the second fails on the status line's case. */
    static StepResult step4(boolean allPass) {
        return new StepResult(4, "Step 4: 404 Not Found", "java bob/HttpServer.java 0",
                List.of(passed("answers /index.html"), allPass ? passed("answers 404 <for> a \"directory\"")
                        : failed("answers 404 <for> a \"directory\"", CASE), passed("survives garbage")),
                null, List.of());
    }

    /** A step whose server never started: no check ran. */
    static StepResult neverStarted() {
        StepResult.Failure notRun = new StepResult.Failure(null, "Not run: the server did not start (see above).", List.of());
        return new StepResult(4, "Step 4: 404 Not Found", "java carol/HttpServer.java 0",
                List.of(StepResult.Check.notRun("answers /index.html", notRun),
                        StepResult.Check.notRun("answers 404 <for> a \"directory\"", notRun),
                        StepResult.Check.notRun("survives garbage", notRun)),
                new StepResult.Problem("The server stopped before it printed \"Listening on port N\".\n"
                        + CRASH.render(), List.of(CRASH)), List.of());
    }

    static final String NO_SIGNALS = "grading a running server: the grader cannot send it signals (SIGTERM, Ctrl+C)";

    /** Step 12 of a running server: two checks pass, one fails, and one cannot run (no signals). */
    static StepResult runningServer() {
        return new StepResult(12, "Step 12: a graceful stop", "the server at 127.0.0.1:8000",
                List.of(passed("answers /index.html"), StepResult.Check.notRunHere("stops on SIGTERM", NO_SIGNALS),
                        failed("survives garbage", CASE), passed("closes idle connections")),
                null, List.of());
    }

    static final List<Gradebook.Submission> CLASS = List.of(
            new Gradebook.Submission("alice", List.of(step4(true))),
            new Gradebook.Submission("bob <b>", List.of(step4(false))),
            new Gradebook.Submission("carol", List.of(neverStarted())));

    @Test
    @DisplayName("gradebook.csv: a row per student with score and max, the step's points, a column per check, the note")
    void csvHasARowPerStudent() {
        List<String> rows = Gradebook.csv(CLASS, Scoring.parse(List.of("4=10"))).lines().toList();
        assertThat(rows).containsExactly(
                "student,score,max,step 4,4.1 answers /index.html,\"4.2 answers 404 <for> a \"\"directory\"\"\","
                        + "4.3 survives garbage,note",
                "alice,10,10,10,1,1,1,",
                "bob <b>,6.67,10,6.67,1,0,1,",
                "carol,0,10,0,0,0,0,\"step 4: The server stopped before it printed \"\"Listening on port N\"\".\"");
        assertThat(Gradebook.csv(CLASS, Scoring.ONE_PER_CHECK)).contains("\r\nbob <b>,2,3,2,1,0,1,\r\n");
    }

    @Test
    @DisplayName("gradebook.json: each check with its hints' ids, and the ids of what kept a step from running")
    void jsonKeepsTheHintIds() throws Exception {
        JsonNode rows = JSON.readTree(Gradebook.json(CLASS, Scoring.ONE_PER_CHECK));
        assertThat(rows).hasSize(3);
        JsonNode bob = rows.get(1);
        assertThat(bob.get("student").asText()).isEqualTo("bob <b>");
        assertThat(bob.get("score").asDouble()).isEqualTo(2);
        assertThat(bob.get("max").asDouble()).isEqualTo(3);
        JsonNode step = bob.get("steps").get(0);
        assertThat(step.get("step").asInt()).isEqualTo(4);
        assertThat(step.get("passed").asInt()).isEqualTo(2);
        assertThat(step.get("total").asInt()).isEqualTo(3);
        JsonNode check = step.get("checks").get(1);
        assertThat(check.get("name").asText()).isEqualTo("answers 404 <for> a \"directory\"");
        assertThat(check.get("passed").asBoolean()).isFalse();
        assertThat(check.get("ran").asBoolean()).isTrue();
        assertThat(check.get("hints").get(0).asText()).isEqualTo("STATUS_LINE_CASE");
        JsonNode carol = rows.get(2).get("steps").get(0);
        assertThat(carol.get("problem_hints").get(0).asText()).isEqualTo("CRASHED_AT_START");
        assertThat(carol.get("note").asText()).startsWith("The server stopped before");
        assertThat(carol.get("checks").get(0).get("ran").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("gradebook.html: a cell per check, a failure's hint and report link in a <details>, names escaped")
    void htmlGradebook() {
        String html = Html.gradebook(CLASS, Scoring.ONE_PER_CHECK);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>")
                .contains("<abbr title=\"answers 404 &lt;for&gt; a &quot;directory&quot;\">4.2</abbr>")
                .contains("<a href=\"reports/bob%20%3Cb%3E.html\">bob &lt;b&gt;</a>")
                .contains("<td class=\"pass\" title=\"4.1 passed\">✓</td>")
                .containsSubsequence("<tr id=\"student-bob &lt;b&gt;\">", "<td class=\"fail\"><details><summary",
                        "✗</summary>", "The status line differs in letter case only.",
                        "<a href=\"reports/bob%20%3Cb%3E.html#step4-check2\">The whole report</a>", "</details></td>")
                .contains("Not run: the server did not start. It crashed at start: read its output below.")
                .doesNotContain("bob <b>");
        assertSelfContained(html);
    }

    @Test
    @DisplayName("reports/STUDENT.html: every check with its anchor, each failure in full, the hint in bold")
    void htmlReport() {
        String html = Html.report(CLASS.get(1), Scoring.ONE_PER_CHECK);
        assertThat(html).contains("<h1>Report for bob &lt;b&gt;</h1>", "Score: <b>2</b> of 3 points")
                .contains("<li id=\"step4-check1\" class=\"pass\">")
                .containsSubsequence("<li id=\"step4-check2\" class=\"fail\">", "answers 404 &lt;for&gt;",
                        "<pre>The response is not the expected one.", "GET /sub HTTP/1.0\\r\\n",
                        "<b>Hint: The status line differs in letter case only.</b>", "</pre></li>");
        assertThat(Html.report(CLASS.get(2), Scoring.ONE_PER_CHECK))
                .contains("<pre class=\"problem\">", "not every check could run.");
        assertSelfContained(html);
    }

    /** Nothing fetched from anywhere: no script, stylesheet, font or picture from a link. */
    static void assertSelfContained(String html) {
        assertThat(html).doesNotContain("<script", "<link", "<img", "@import", "url(", "src=")
                .doesNotContainPattern("href=\"(https?:)?//");
    }

    @Test
    @DisplayName("Gradescope's results.json: a test per check with its points, status, output, visibility and tags")
    void gradescopeResults() throws Exception {
        JsonNode results = JSON.readTree(PlatformResults.gradescope(List.of(step4(false)), Scoring.parse(List.of("9")),
                "after_published", "the summary"));
        assertThat(results.get("score").asDouble()).isEqualTo(6.0);
        assertThat(results.get("output").asText()).isEqualTo("the summary");
        assertThat(results.get("visibility").asText()).isEqualTo("after_published");
        assertThat(results.get("tests")).hasSize(3);
        JsonNode failed = results.get("tests").get(1);
        assertThat(failed.get("name").asText()).isEqualTo("answers 404 <for> a \"directory\"");
        assertThat(failed.get("number").asText()).isEqualTo("4.2");
        assertThat(failed.get("score").asDouble()).isZero();
        assertThat(failed.get("max_score").asDouble()).isEqualTo(3.0);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("output").asText()).contains("Request sent", "Hint: The status line differs");
        assertThat(failed.get("visibility").asText()).isEqualTo("after_published");
        assertThat(failed.get("tags")).extracting(JsonNode::asText).containsExactly("step4", "STATUS_LINE_CASE");
        assertThat(results.get("tests").get(0).get("status").asText()).isEqualTo("passed");
        assertThat(results.get("tests").get(0).get("score").asDouble()).isEqualTo(3.0);
    }

    @Test
    @DisplayName("PrairieLearn's results.json: gradable false when the server never started in any step")
    void prairieLearnGradable() throws Exception {
        JsonNode never = JSON.readTree(PlatformResults.prairieLearn(List.of(neverStarted()), Scoring.ONE_PER_CHECK, "s"));
        assertThat(never.get("gradable").asBoolean()).isFalse();
        assertThat(never.get("message").asText()).contains("did not start", "Listening on port N");
        assertThat(never.get("format_errors").get(0).asText()).contains("It crashed at start");
        assertThat(never.has("tests")).isFalse();

        assertThat(PlatformResults.neverStarted(List.of(neverStarted(), step4(true)))).isFalse();
    }

    @Test
    @DisplayName("a check not run here: in no total, \"-\" in gradebook.csv, its reason in gradebook.json, the reports"
            + " and the table, a test worth 0 points with no status on the platforms")
    void notRunHere() throws Exception {
        StepResult step = runningServer();
        assertThat(step.passed()).isEqualTo(2);
        assertThat(step.total()).isEqualTo(3);
        assertThat(step.notRunHere()).isEqualTo(1);
        assertThat(step.failedChecks()).extracting(StepResult.Check::name).containsExactly("survives garbage");
        List<Gradebook.Submission> dave = List.of(new Gradebook.Submission("dave", List.of(step)));
        Scoring nine = Scoring.parse(List.of("12=9")); // over the 3 checks that could run: 3 points each

        assertThat(Gradebook.csv(dave, Scoring.ONE_PER_CHECK).lines()).last().isEqualTo("dave,2,3,2,1,-,0,1,");
        assertThat(Gradebook.csv(dave, nine).lines()).last().isEqualTo("dave,6,9,6,1,-,0,1,");

        JsonNode json = JSON.readTree(Gradebook.json(dave, Scoring.ONE_PER_CHECK)).get(0).get("steps").get(0);
        assertThat(json.get("total").asInt()).isEqualTo(3);
        assertThat(json.get("not_run_here").asInt()).isEqualTo(1);
        JsonNode signal = json.get("checks").get(1);
        assertThat(signal.get("passed").asBoolean()).isFalse();
        assertThat(signal.get("ran").asBoolean()).isFalse();
        assertThat(signal.get("not_run_here").asText()).isEqualTo(NO_SIGNALS);
        assertThat(json.get("checks").get(0).get("not_run_here").isNull()).isTrue();

        JsonNode gradescope = JSON.readTree(PlatformResults.gradescope(List.of(step), nine, "visible", "s"));
        assertThat(gradescope.get("score").asDouble()).isEqualTo(6.0);
        JsonNode test = gradescope.get("tests").get(1);
        assertThat(test.get("number").asText()).isEqualTo("12.2");
        assertThat(test.get("score").asDouble()).isZero();
        assertThat(test.get("max_score").asDouble()).isZero();
        assertThat(test.has("status")).as("neither passed nor failed").isFalse();
        assertThat(test.get("output").asText()).startsWith("Not run here: " + NO_SIGNALS);
        assertThat(gradescope.get("tests").get(0).get("max_score").asDouble()).isEqualTo(3.0);

        JsonNode prairieLearn = JSON.readTree(PlatformResults.prairieLearn(List.of(step), nine, "s"));
        assertThat(prairieLearn.get("score").asDouble()).isEqualTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(prairieLearn.get("message").asText()).isEqualTo("2 of 3 checks passed (1 not run here).");
        JsonNode plTest = prairieLearn.get("tests").get(1);
        assertThat(plTest.get("points").asDouble()).isZero();
        assertThat(plTest.get("max_points").asDouble()).isZero();
        assertThat(plTest.get("message").asText()).isEqualTo("Not run here: " + NO_SIGNALS + ".");

        assertThat(Html.gradebook(dave, Scoring.ONE_PER_CHECK))
                .contains("<td class=\"notrun\" title=\"12.2 not run here: " + NO_SIGNALS + "\">–</td>");
        assertThat(Html.report(dave.get(0), Scoring.ONE_PER_CHECK))
                .contains("2 of 3 checks passed (1 not run here)", "<li id=\"step12-check2\" class=\"notrun\">"
                        + "<span class=\"mark\">–</span>", "Not run here: " + NO_SIGNALS);

        String report = Batch.report(dave.get(0), Scoring.ONE_PER_CHECK);
        assertThat(report).contains("  – stops on SIGTERM   (not run here: " + NO_SIGNALS + ")",
                "2 of 3 checks passed (1 not run here)").containsPattern("✗ Step 12: a graceful stop +2/3 \\(1 not run here\\)");
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        Batch.summary(dave, List.of(12), Scoring.ONE_PER_CHECK, new PrintStream(table, true, StandardCharsets.UTF_8));
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("dave     2/3", "Not run here, so in no count above",
                "  – 12.2 stops on SIGTERM   (" + NO_SIGNALS + ")");

        StepResult nothingRan = new StepResult(12, "Step 12: a graceful stop", "the server at 127.0.0.1:8000",
                List.of(StepResult.Check.notRunHere("stops on SIGTERM", NO_SIGNALS)), null, List.of());
        assertThat(nine.max(nothingRan)).as("a step none of whose checks could run is worth nothing").isZero();
    }

    @Test
    @DisplayName("cuts a long output, and says how much was cut")
    void cutsLongOutput() {
        assertThat(PlatformResults.cut("abcdef", 4)).isEqualTo("abcd\n... (cut: 2 more characters)\n");
        assertThat(PlatformResults.cut("abcd", 4)).isEqualTo("abcd");
    }

    @Test
    @DisplayName("points: one per check by default, P per step, N=P for one step, with two decimals at most")
    void scoring() {
        StepResult step = step4(false);
        assertThat(Scoring.ONE_PER_CHECK.earned(step)).isEqualTo(2.0);
        assertThat(Scoring.parse(List.of("10")).earned(step)).isEqualTo(20.0 / 3);
        assertThat(Scoring.points(Scoring.parse(List.of("10")).earned(step))).isEqualTo("6.67");
        assertThat(Scoring.parse(List.of("5=10")).max(step)).isEqualTo(3.0);
        assertThat(Scoring.parse(List.of("1", "4=30")).max(step)).isEqualTo(30.0);
        assertThat(Scoring.parse(List.of("4=30")).describe()).isEqualTo("step 4: 30 points, the others 1 per check");
    }
}
