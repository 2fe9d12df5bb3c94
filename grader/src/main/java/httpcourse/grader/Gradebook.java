package httpcourse.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import httpcourse.spec.Hint;

/**
 * A class's grades, one row per student: gradebook.csv for a spreadsheet or an LMS, and
 * gradebook.json for a script.
 *
 * <p>gradebook.csv has the columns {@code student}, {@code score} and {@code max} (points,
 * see {@link Scoring}), then for each step graded {@code step N} (the step's points) followed by
 * one column per check of the step, {@code N.i NAME}, holding 1 (passed), 0 (failed) or - (not
 * run here: neither, and in no score), and last {@code note}: why checks could not run (the server
 * did not start), or empty.
 *
 * <p>gradebook.json has, for each student, the score and max, and for each step its checks,
 * each with {@code passed}, {@code ran}, {@code not_run_here} (why it could not run here, or null)
 * and {@code hints}: the names of the hints of its failures (the ids of docs/instructors.md's
 * table), for a script that counts the common mistakes.
 */
final class Gradebook {

    private Gradebook() {
    }

    /** One student's grading: every step graded, in order. */
    record Submission(String student, List<StepResult> steps) {
        /** Checks passed over all steps. */
        int passed() {
            return steps.stream().mapToInt(StepResult::passed).sum();
        }

        /** Checks that count, over all steps: those not run here are in no total. */
        int total() {
            return steps.stream().mapToInt(StepResult::total).sum();
        }

        int notRunHere() {
            return steps.stream().mapToInt(StepResult::notRunHere).sum();
        }

        boolean allPassed() {
            return steps.stream().allMatch(StepResult::allPassed);
        }

        /** The notes of the steps that had one, "step 4: ..." each, separated by "; ". */
        String note() {
            return steps.stream().filter(step -> !step.note().isEmpty())
                    .map(step -> "step " + step.step() + ": " + step.note())
                    .collect(Collectors.joining("; "));
        }
    }

    /** The header of the CSV: the check columns come from the first submission (all have the same checks). */
    static List<String> header(List<Submission> submissions) {
        List<String> header = new ArrayList<>(List.of("student", "score", "max"));
        if (!submissions.isEmpty()) {
            for (StepResult step : submissions.get(0).steps()) {
                header.add("step " + step.step());
                for (int i = 0; i < step.checks().size(); i++) {
                    header.add(checkNumber(step, i) + " " + step.checks().get(i).name());
                }
            }
        }
        header.add("note");
        return header;
    }

    /** "4.12": the step, and the check's place in it, from 1. */
    static String checkNumber(StepResult step, int index) {
        return step.step() + "." + (index + 1);
    }

    static String csv(List<Submission> submissions, Scoring scoring) {
        StringBuilder csv = new StringBuilder();
        csv.append(header(submissions).stream().map(Gradebook::csvField).collect(Collectors.joining(",")))
                .append("\r\n"); // RFC 4180 lines, as spreadsheets expect
        for (Submission submission : submissions) {
            List<String> row = new ArrayList<>(List.of(submission.student(),
                    Scoring.points(scoring.earned(submission.steps())), Scoring.points(scoring.max(submission.steps()))));
            for (StepResult step : submission.steps()) {
                row.add(Scoring.points(scoring.earned(step)));
                step.checks().forEach(check -> row.add(check.passed() ? "1" : check.notRunHere() ? "-" : "0"));
            }
            row.add(submission.note());
            csv.append(row.stream().map(Gradebook::csvField).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    static String json(List<Submission> submissions, Scoring scoring) {
        List<Object> rows = new ArrayList<>();
        for (Submission submission : submissions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("student", submission.student());
            row.put("score", Scoring.round(scoring.earned(submission.steps()), 2));
            row.put("max", Scoring.round(scoring.max(submission.steps()), 2));
            row.put("steps", submission.steps().stream().map(step -> step(step, scoring)).toList());
            rows.add(row);
        }
        return Json.write(rows);
    }

    private static Map<String, Object> step(StepResult step, Scoring scoring) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("step", step.step());
        json.put("title", step.title());
        json.put("passed", step.passed());
        json.put("total", step.total());
        json.put("not_run_here", step.notRunHere());
        json.put("points", Scoring.round(scoring.earned(step), 2));
        json.put("max", Scoring.round(scoring.max(step), 2));
        json.put("note", step.note());
        json.put("problem_hints", step.problem() == null ? List.of() : ids(step.problem().hints()));
        json.put("checks", step.checks().stream().map(check -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", check.name());
            c.put("passed", check.passed());
            c.put("ran", check.ran());
            c.put("not_run_here", check.whyNotRunHere());
            c.put("hints", hintIds(check));
            return c;
        }).toList());
        return json;
    }

    /** The names of the hints of a check's failures, each once, the most likely first. */
    static List<String> hintIds(StepResult.Check check) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        check.failures().forEach(failure -> ids.addAll(ids(failure.hints())));
        return List.copyOf(ids);
    }

    private static List<String> ids(List<Hint> hints) {
        return hints.stream().map(hint -> hint.id().name()).toList();
    }

    /** Quoted when it holds a comma, a quote or a line break; quotes doubled. */
    static String csvField(String value) {
        return value.matches("[^,\"\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
