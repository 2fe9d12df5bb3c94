package httpcourse.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import httpcourse.spec.Hint;


/**
 * The results.json of Gradescope's autograder and of PrairieLearn's external grader, from the
 * steps graded: one test per check, whose output is the check's failure report (the request sent,
 * the bytes that came back, the hint), and the whole submission's score. A check not run here is a
 * test worth 0 points, neither passed nor failed (Gradescope: no status), its reason as its output.
 *
 * <p>Formats: Gradescope's "Autograder Specifications" (gradescope/autograder_samples,
 * docs/specs.md); PrairieLearn's "External Grading" (PrairieLearn, docs/externalGrading.md).
 */
final class PlatformResults {

    /** Gradescope's values for visibility: when students see a test (instructors always do). */
    static final List<String> VISIBILITIES = List.of("visible", "hidden", "after_due_date", "after_published");

    /** PrairieLearn keeps results.json under 1 MB: the failure reports share this many characters. */
    static final int REPORTS_BUDGET = 600_000;
    static final int REPORT_LIMIT = 20_000;

    private PlatformResults() {
    }

    /**
     * Gradescope's results.json.
     *
     * @param visibility one of {@link #VISIBILITIES}, for every test and the whole result
     * @param summary    the text above the tests: each step's score, what kept checks from running, the sandbox
     */
    static String gradescope(List<StepResult> steps, Scoring scoring, String visibility, String summary) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", Scoring.round(scoring.earned(steps), 4));
        results.put("output", summary);
        results.put("output_format", "text");
        results.put("test_output_format", "text");
        results.put("visibility", visibility);
        results.put("stdout_visibility", "hidden"); // the grader's own log: for the instructor
        List<Object> tests = new ArrayList<>();
        int limit = reportLimit(steps);
        for (StepResult step : steps) {
            for (int i = 0; i < step.checks().size(); i++) {
                StepResult.Check check = step.checks().get(i);
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", name(steps, step, check));
                test.put("number", Gradebook.checkNumber(step, i));
                test.put("score", Scoring.round(check.passed() ? scoring.perCheck(step) : 0, 4));
                test.put("max_score", Scoring.round(check.notRunHere() ? 0 : scoring.perCheck(step), 4));
                if (!check.notRunHere()) { // Gradescope knows passed and failed only: a test not run here has neither
                    test.put("status", check.passed() ? "passed" : "failed");
                }
                test.put("output", output(check, limit));
                test.put("visibility", visibility);
                List<String> tags = new ArrayList<>(List.of("step" + step.step()));
                tags.addAll(Gradebook.hintIds(check));
                test.put("tags", tags);
                tests.add(test);
            }
        }
        results.put("tests", tests);
        return Json.write(results);
    }

    /**
     * PrairieLearn's results.json: the score from 0 to 1; {@code gradable} false when the server
     * never started in any step (a submission that does not compile, or nothing handed in), which
     * costs the student no attempt.
     */
    static String prairieLearn(List<StepResult> steps, Scoring scoring, String summary) {
        Map<String, Object> results = new LinkedHashMap<>();
        boolean gradable = !neverStarted(steps);
        results.put("gradable", gradable);
        double max = scoring.max(steps);
        results.put("score", gradable && max > 0 ? Scoring.round(scoring.earned(steps) / max, 6) : Scoring.round(0, 0));
        if (!gradable) {
            results.put("message", "The server did not start, so it could not be graded (this attempt costs"
                    + " nothing): " + steps.get(0).note());
            results.put("format_errors", steps.stream().map(step -> step.problem().report().strip()).distinct().toList());
            results.put("output", summary);
            return Json.write(results);
        }
        results.put("message", steps.stream().map(step -> (steps.size() == 1 ? "" : "Step " + step.step() + ": ")
                + step.passed() + " of " + step.total() + " checks passed" + Report.notRunHereNote(step) + ".")
                .collect(Collectors.joining(" ")));
        results.put("output", summary);
        List<Object> tests = new ArrayList<>();
        int limit = reportLimit(steps);
        for (StepResult step : steps) {
            for (StepResult.Check check : step.checks()) {
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", name(steps, step, check));
                test.put("description", step.title());
                test.put("points", Scoring.round(check.passed() ? scoring.perCheck(step) : 0, 4));
                test.put("max_points", Scoring.round(check.notRunHere() ? 0 : scoring.perCheck(step), 4));
                test.put("message", check.passed() ? "Passed." : Html.hint(step, check));
                test.put("output", output(check, limit));
                tests.add(test);
            }
        }
        results.put("tests", tests);
        return Json.write(results);
    }

    /** Whether no step's server ever started: no check ran. */
    static boolean neverStarted(List<StepResult> steps) {
        return !steps.isEmpty() && steps.stream().allMatch(step -> step.problem() != null
                && step.checks().stream().noneMatch(StepResult.Check::ran));
    }

    /** The check's name; with several steps, after its step's number (the same check is in several steps). */
    private static String name(List<StepResult> steps, StepResult step, StepResult.Check check) {
        return steps.size() == 1 ? check.name() : "Step " + step.step() + ": " + check.name();
    }

    /**
     * A failed check's whole report: each failed case, the request, the bytes that came back, the
     * hints. A report too long is cut, but never its hints: they follow the cut, whole.
     */
    static String output(StepResult.Check check, int limit) {
        if (check.passed()) {
            return "Passed.";
        }
        if (check.notRunHere()) {
            return "Not run here: " + check.whyNotRunHere() + ". Neither passed nor failed, it is worth no points.";
        }
        StringBuilder text = new StringBuilder();
        for (StepResult.Failure failure : check.failures()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            if (failure.caseName() != null) {
                text.append("case: ").append(failure.caseName()).append('\n');
            }
            text.append(failure.fullReport());
        }
        if (text.length() <= limit) {
            return text.toString();
        }
        String hints = check.failures().stream().map(failure -> Hint.render(failure.hints()))
                .collect(Collectors.joining());
        return cut(text.toString(), Math.max(0, limit - hints.length())) + hints;
    }

    private static int reportLimit(List<StepResult> steps) {
        int checks = Math.max(1, steps.stream().mapToInt(StepResult::total).sum());
        return Math.min(REPORT_LIMIT, REPORTS_BUDGET / checks);
    }

    static String cut(String text, int limit) {
        return text.length() <= limit ? text
                : text.substring(0, limit) + "\n... (cut: " + (text.length() - limit) + " more characters)\n";
    }
}
