package httpcourse.grader;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A class's grades, one row per student and step, as CSV (for a spreadsheet) and as JSON
 * (for a script). Both hold the same rows and the same columns:
 *
 * <pre>
 * student        the submission's folder name
 * step           the step number
 * passed, total  checks passed, checks in the step
 * points         points earned (one per passed check)
 * failed_checks  the names of the failed checks (in CSV: separated by "; ")
 * note           why checks could not run (server did not start, time limit), or empty
 * </pre>
 */
final class Gradebook {

    static final String HEADER = "student,step,passed,total,points,failed_checks,note";

    private Gradebook() {
    }

    /** One student's grading: every step graded, in order. */
    record Submission(String student, List<StepResult> steps) {
        /** Checks passed over all steps: its points, one per passed check. */
        int passed() {
            return steps.stream().mapToInt(StepResult::passed).sum();
        }

        int total() {
            return steps.stream().mapToInt(StepResult::total).sum();
        }

        boolean allPassed() {
            return steps.stream().allMatch(StepResult::allPassed);
        }
    }

    static String csv(List<Submission> submissions) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n"); // RFC 4180 lines, as spreadsheets expect
        for (Submission submission : submissions) {
            for (StepResult step : submission.steps()) {
                csv.append(String.join(",", csvField(submission.student()), Integer.toString(step.step()),
                        Integer.toString(step.passed()), Integer.toString(step.total()),
                        Integer.toString(step.passed()), csvField(String.join("; ", failedNames(step))),
                        csvField(step.note()))).append("\r\n");
            }
        }
        return csv.toString();
    }

    static String json(List<Submission> submissions) {
        StringBuilder json = new StringBuilder("[\n");
        String rows = submissions.stream().flatMap(submission -> submission.steps().stream().map(step ->
                "  {\"student\": " + jsonString(submission.student())
                        + ", \"step\": " + step.step()
                        + ", \"passed\": " + step.passed()
                        + ", \"total\": " + step.total()
                        + ", \"points\": " + step.passed()
                        + ", \"failed_checks\": [" + failedNames(step).stream().map(Gradebook::jsonString)
                                .collect(Collectors.joining(", ")) + "]"
                        + ", \"note\": " + jsonString(step.note()) + "}"))
                .collect(Collectors.joining(",\n"));
        return json.append(rows).append(rows.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    private static List<String> failedNames(StepResult step) {
        return step.failedChecks().stream().map(StepResult.Check::name).toList();
    }

    /** Quoted when it holds a comma, a quote or a line break; quotes doubled. */
    private static String csvField(String value) {
        return value.matches("[^,\"\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static String jsonString(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }
}
