package httpcourse.grader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import httpcourse.spec.Hint;

/**
 * How one server did on one step's spec: every check, passed or failed, and why; or not run here
 * (see {@link Outcome#NOT_RUN_HERE}), which is neither, and is left out of the step's total.
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

    /** The checks that count: every check but those not run here. A score is over these. */
    public int total() {
        return checks.size() - notRunHere();
    }

    /** The checks not run here: in no total, passed by no one, failed by no one. */
    public int notRunHere() {
        return (int) checks.stream().filter(Check::notRunHere).count();
    }

    public boolean allPassed() {
        return total() > 0 && passed() == total();
    }

    /** The checks that failed, those that never ran among them (not those not run here). */
    public List<Check> failedChecks() {
        return checks.stream().filter(Check::failed).toList();
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
            Optional<Hint> hint = check.outcome() == Outcome.FAILED ? check.firstHint() : Optional.empty();
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

    /** How a check ended. */
    public enum Outcome {
        /** It ran, and the server did what the check asks. */
        PASSED,
        /** It ran, and the server did not: its failures say why. */
        FAILED,
        /** It never ran, and fails: its server did not start, or the spec failed around it (its last failure says which). */
        NOT_RUN,
        /**
         * It cannot run in this grading, through no fault of the server's: a server somebody else
         * started (the grader cannot send it signals, nor read its output), a system that cannot
         * make what it needs (symbolic links, a named pipe). JUnit's "aborted". Neither passed nor
         * failed: it is left out of the step's total, so that a score neither claims what nothing
         * checked nor takes points for the machine.
         */
        NOT_RUN_HERE
    }

    /**
     * One check of the step's list. A check that tries several cases stops at the first that
     * fails, and its report names it ("Case: GET /sub").
     *
     * @param outcome       passed, failed, not run (a failure), or not run here (neither)
     * @param failures      why it failed, or never ran; empty when it passed or was not run here
     * @param whyNotRunHere why it could not run here, for an instructor ("grading a running server:
     *                      the grader cannot send it signals"); null unless it was not run here
     */
    public record Check(String name, Outcome outcome, List<Failure> failures, String whyNotRunHere) {

        public Check {
            failures = List.copyOf(failures);
            if ((outcome == Outcome.NOT_RUN_HERE) != (whyNotRunHere != null)) {
                throw new IllegalArgumentException("a check not run here, and only such a check, says why: "
                        + outcome + ", " + whyNotRunHere);
            }
        }

        public static Check pass(String name) {
            return new Check(name, Outcome.PASSED, List.of(), null);
        }

        public static Check fail(String name, List<Failure> failures) {
            return new Check(name, Outcome.FAILED, failures, null);
        }

        /** A check that never ran, and so fails: {@code why} says why it never ran. */
        public static Check notRun(String name, Failure why) {
            return new Check(name, Outcome.NOT_RUN, List.of(why), null);
        }

        public static Check notRunHere(String name, String why) {
            return new Check(name, Outcome.NOT_RUN_HERE, List.of(), why);
        }

        public boolean passed() {
            return outcome == Outcome.PASSED;
        }

        /** Whether it fails: it ran and failed, or it never ran. A check not run here does not. */
        public boolean failed() {
            return outcome == Outcome.FAILED || outcome == Outcome.NOT_RUN;
        }

        /** Whether it ran to a verdict, passed or failed. */
        public boolean ran() {
            return outcome == Outcome.PASSED || outcome == Outcome.FAILED;
        }

        public boolean notRunHere() {
            return outcome == Outcome.NOT_RUN_HERE;
        }

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
