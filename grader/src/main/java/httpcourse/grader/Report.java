package httpcourse.grader;

import java.io.PrintStream;
import java.util.List;

import httpcourse.spec.Hint;

/**
 * Prints what the grader found, for a person: a line per check, then the mistakes that fail
 * several checks each (said once, before the details), what went wrong around the checks (the
 * server did not start, or stopped and was started again), then why each failed check failed
 * (the spec's own report: request sent, expected and actual bytes, caret, hints), then the score.
 * A check not run here (see {@link StepResult.Outcome#NOT_RUN_HERE}) has a line of its own, with
 * neither mark but {@link #NOT_RUN_HERE} and its reason, and is in no total.
 */
final class Report {

    static final String PASS = "✓";
    static final String FAIL = "✗";
    /** Neither passed nor failed: a check that could not run in this grading. */
    static final String NOT_RUN_HERE = "–";

    /** Without --verbose, the first failure reports of a step are shown in full, the others by their hint. */
    static final int FULL_REPORTS_PER_STEP = 3;

    private Report() {
    }

    static void stepHeader(PrintStream out, String title, String command) {
        out.println();
        out.println(title);
        out.println("  server: " + command);
    }

    /** A whole step at once (batch reports); a single grading prints the check lines as they come. */
    static void step(PrintStream out, StepResult result, boolean verbose) {
        stepHeader(out, result.title(), result.command());
        result.checks().stream().filter(c -> c.outcome() != StepResult.Outcome.NOT_RUN).forEach(c -> checkLine(out, c));
        stepDetails(out, result, verbose);
    }

    static void checkLine(PrintStream out, StepResult.Check check) {
        out.println("  " + mark(check) + " " + check.name() + casesNote(check));
    }

    /** ✓ passed, ✗ failed (or never ran), – not run here. */
    static String mark(StepResult.Check check) {
        return check.passed() ? PASS : check.notRunHere() ? NOT_RUN_HERE : FAIL;
    }

    /**
     * The checks that never ran (they have no line yet), the mistakes behind several failures,
     * the problems around the checks, then the details of each failure.
     */
    static void stepDetails(PrintStream out, StepResult result, boolean verbose) {
        List<StepResult.Check> notRun = result.checks().stream()
                .filter(c -> c.outcome() == StepResult.Outcome.NOT_RUN).toList();
        if (!notRun.isEmpty() && notRun.size() == result.total()) {
            out.println("  " + FAIL + " none of the " + result.total() + " checks could run");
        } else {
            notRun.forEach(check -> checkLine(out, check));
        }
        out.printf("  %d of %d checks passed%s%n", result.passed(), result.total(), notRunHereNote(result));
        commonCauses(out, result);
        aroundTheChecks(out, result);
        failures(out, result.failedChecks().stream().filter(StepResult.Check::ran).toList(), verbose);
    }

    /**
     * The mistakes that fail several checks each, the most common first, each said once with its
     * hint: "12 checks fail for one reason". One fix may pass them all.
     */
    static void commonCauses(PrintStream out, StepResult result) {
        List<StepResult.Cause> causes = result.commonCauses();
        for (int i = 0; i < causes.size(); i++) {
            StepResult.Cause cause = causes.get(i);
            out.println();
            out.println("  " + cause.checks().size() + " checks fail for " + (i == 0 ? "one reason:" : "another reason:"));
            out.print(indent(cause.hint().render(), "    "));
        }
    }

    /** What went wrong around the checks: the checks that could not run, the server's stops. */
    static void aroundTheChecks(PrintStream out, StepResult result) {
        if (result.problem() != null) {
            out.println();
            out.println("  " + FAIL + " " + result.title() + ": not every check could run.");
            out.print(indent(result.problem().report(), "    "));
        }
        serverStops(out, result.serverStops());
    }

    /** The server's stops, once per step: the first in full (its stack trace is there), then how many. */
    private static void serverStops(PrintStream out, List<String> stops) {
        if (stops.isEmpty()) {
            return;
        }
        out.println();
        out.println("  " + FAIL + (stops.size() == 1
                ? " The server stopped during the step; it was started again for the checks that follow."
                : " The server stopped " + stops.size() + " times during the step; each time, it was started again"
                        + " for the checks that follow. The first time:"));
        out.print(indent(stops.get(0), "    "));
    }

    /**
     * Whether two failures' hints are the same but for what they quote of the answer: a hint that shows
     * the server's Date or Last-Modified differs from one answer to the next, its mistake does not.
     */
    private static boolean sameHints(List<Hint> these, List<Hint> those) {
        return these.stream().map(Report::withoutQuotes).toList()
                .equals(those.stream().map(Report::withoutQuotes).toList());
    }

    private static String withoutQuotes(Hint hint) {
        return hint.id() + ": " + hint.text().replaceAll("\"[^\"]*\"", "\"…\"");
    }

    private static void failures(PrintStream out, List<StepResult.Check> failed, boolean verbose) {
        if (failed.isEmpty()) {
            return;
        }
        out.println();
        out.println("  Why the failed checks failed:");
        int fullReports = 0;
        int hintsOnly = 0;
        List<Hint> shownAbove = List.of(); // the hints of the failure printed just above
        for (StepResult.Check check : failed) {
            out.println();
            out.println("  " + FAIL + " " + check.name());
            for (StepResult.Failure failure : check.failures()) {
                if (failure.caseName() != null) {
                    out.println("    case: " + failure.caseName());
                }
                if (verbose || fullReports < FULL_REPORTS_PER_STEP) {
                    out.print(indent(failure.fullReport(), "    "));
                    fullReports++;
                } else {
                    out.print(failure.hints().isEmpty() ? indent(failure.headline(), "    ")
                            : sameHints(failure.hints(), shownAbove) ? "    (the same hint"
                                    + (shownAbove.size() == 1 ? "" : "s") + " as above)\n"
                            : indent(Hint.render(failure.hints()), "    "));
                    hintsOnly++;
                }
                shownAbove = failure.hints();
            }
        }
        if (hintsOnly > 0) {
            out.println();
            out.printf("  (%d more %s shown by %s hints only: --verbose prints every report in full.)%n",
                    hintsOnly, hintsOnly == 1 ? "failure is" : "failures are", hintsOnly == 1 ? "its" : "their");
        }
    }

    /** The score of every step graded, and the total. */
    static void score(PrintStream out, List<StepResult> results) {
        score(out, results, Scoring.ONE_PER_CHECK);
    }

    static void score(PrintStream out, List<StepResult> results, Scoring scoring) {
        out.println();
        out.println("Score (" + scoring.describe() + ")");
        int width = results.stream().mapToInt(r -> r.title().length()).max().orElse(0) + 2;
        for (StepResult result : results) {
            out.printf("  %s %-" + width + "s %3s/%s%s%n", result.allPassed() ? PASS : FAIL, result.title(),
                    Scoring.points(scoring.earned(result)), Scoring.points(scoring.max(result)),
                    notRunHereNote(result));
        }
        if (results.size() > 1) {
            out.printf("    %-" + width + "s %3s/%s%n", "Total", Scoring.points(scoring.earned(results)),
                    Scoring.points(scoring.max(results)));
        }
    }

    /** " (2 not run here)" after a step's count, or "" when every check could run. */
    static String notRunHereNote(StepResult result) {
        return result.notRunHere() == 0 ? "" : " (" + result.notRunHere() + " not run here)";
    }

    private static String casesNote(StepResult.Check check) {
        long failedCases = check.failures().stream().filter(f -> f.caseName() != null).count();
        if (check.notRunHere()) {
            return "   (not run here: " + check.whyNotRunHere() + ")";
        }
        if (!check.ran()) {
            return "   (not run)";
        }
        return failedCases == 0 ? "" : "   (" + failedCases + (failedCases == 1 ? " case" : " cases") + " failed)";
    }

    static String indent(String text, String prefix) {
        StringBuilder indented = new StringBuilder();
        text.lines().forEach(line -> indented.append(line.isEmpty() ? "" : prefix).append(line).append('\n'));
        return indented.toString();
    }
}
