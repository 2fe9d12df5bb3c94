package httpcourse.grader;

import java.util.List;

import httpcourse.spec.Hint;

/**
 * How one server did on one step's spec: every check, passed or failed, and why.
 *
 * @param step        the step number (the spec's tag: step1 is step 1)
 * @param title       the spec's display name, e.g. "Step 4: 404 Not Found"
 * @param command     the server that was graded, as a person would type it
 * @param checks      every check of the spec, in the order they ran
 * @param problem     null when the spec ran to its end; otherwise why some or all checks never ran
 *                    (the server did not start, or the spec failed around its checks)
 * @param serverStops each time the server stopped during the step (it was started again for the
 *                    checks that followed): when, how, and what it printed last
 */
public record StepResult(int step, String title, String command, List<Check> checks, Problem problem,
                         List<String> serverStops) {

    /** One point per passed check: simple to explain, and every check is one thing a server must do. */
    public int passed() {
        return (int) checks.stream().filter(Check::passed).count();
    }

    public int total() {
        return checks.size();
    }

    public boolean allPassed() {
        return total() > 0 && passed() == total();
    }

    public List<Check> failedChecks() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** The first line of the problem, for a gradebook cell; "" when there was none. */
    public String note() {
        return problem == null ? "" : problem.report().lines().findFirst().orElse("");
    }

    /**
     * One check of the step's list. A check that tries several cases stops at the first that
     * fails, and its report names it ("Case: GET /sub").
     *
     * @param ran false when the check never ran (its server did not start); it then fails, and
     *            its last failure says why
     */
    public record Check(String name, boolean passed, boolean ran, List<Failure> failures) {
    }

    /**
     * Why a check failed.
     *
     * @param caseName the failed case of a parameterized check; null for a plain check
     * @param report   the failure report of the spec (request, expected and actual bytes, hints)
     * @param hints    the report's hints, as data: the most likely mistake first
     */
    public record Failure(String caseName, String report, List<Hint> hints) {

        /** The report's first line: what went wrong. */
        public String headline() {
            return report.lines().findFirst().orElse("");
        }
    }

    /**
     * Why some or all checks could not run.
     *
     * @param report what happened, for a person (its first line is the gradebook's note)
     * @param hints  what to change, as data
     */
    public record Problem(String report, List<Hint> hints) {
    }
}
