package httpcourse.grader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * The mistakes that fail several checks each: the failed checks grouped by their first hint
     * (the most likely mistake), the groups of two checks or more, the largest first. When one
     * mistake fails many checks (a status line, the Date), a report says so once, before them.
     */
    public List<Cause> commonCauses() {
        Map<Hint.Id, Cause> causes = new LinkedHashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            Optional<Hint> hint = check.passed() || !check.ran() ? Optional.empty() : check.firstHint();
            if (hint.isPresent()) {
                int index = i;
                causes.computeIfAbsent(hint.get().id(), id -> new Cause(hint.get(), new ArrayList<>()))
                        .checks().add(index);
            }
        }
        return causes.values().stream().filter(cause -> cause.checks().size() > 1)
                .sorted(Comparator.comparingInt((Cause cause) -> cause.checks().size()).reversed()).toList();
    }

    /**
     * A mistake that fails several checks.
     *
     * @param hint   the hint that names it (the first of its kind, in the step's order)
     * @param checks the places of those checks in the step's list, from 0
     */
    public record Cause(Hint hint, List<Integer> checks) {
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

        /** The first hint of its failures: the most likely mistake, if any hint applies. */
        public Optional<Hint> firstHint() {
            return failures.stream().flatMap(failure -> failure.hints().stream()).findFirst();
        }
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

        /** The whole report, every hint in it: a hint that its text lacks is added at its end. */
        public String fullReport() {
            StringBuilder text = new StringBuilder(report.stripTrailing()).append('\n');
            hints.stream().filter(hint -> !report.contains(hint.render())).forEach(hint -> text.append(hint.render()));
            return text.toString();
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
