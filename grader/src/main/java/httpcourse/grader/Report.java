package httpcourse.grader;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints what the grader found, for a person: a line per check, then why each failed check
 * failed (the spec's own report: request sent, expected and actual bytes, caret, hints),
 * then the score.
 */
final class Report {

    static final String PASS = "✓";
    static final String FAIL = "✗";

    /** Without --verbose, the first failure reports of a step are shown in full, the others by their hint. */
    static final int FULL_REPORTS_PER_STEP = 3;

    private static final int WRAP_AT = 100;

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
        result.checks().stream().filter(StepResult.Check::ran).forEach(c -> checkLine(out, c));
        stepDetails(out, result, verbose);
    }

    static void checkLine(PrintStream out, StepResult.Check check) {
        out.println("  " + (check.passed() ? PASS : FAIL) + " " + check.name() + casesNote(check));
    }

    /** The checks that never ran (they have no line yet), the problem, then the details of each failure. */
    static void stepDetails(PrintStream out, StepResult result, boolean verbose) {
        List<StepResult.Check> notRun = result.checks().stream().filter(c -> !c.ran()).toList();
        if (!notRun.isEmpty() && notRun.size() == result.total()) {
            out.println("  " + FAIL + " none of the " + result.total() + " checks could run");
        } else {
            notRun.forEach(check -> checkLine(out, check));
        }
        out.printf("  %d of %d checks passed%n", result.passed(), result.total());
        if (result.problem() != null) {
            out.println();
            out.println("  " + FAIL + " " + result.title() + ": not every check could run.");
            out.print(indent(wrapHints(result.problem()), "    "));
        }
        List<StepResult.Check> failed = result.failedChecks().stream().filter(StepResult.Check::ran).toList();
        if (failed.isEmpty()) {
            return;
        }
        out.println();
        out.println("  Why the failed checks failed:");
        int fullReports = 0;
        int hintsOnly = 0;
        String previousHint = null;
        for (StepResult.Check check : failed) {
            out.println();
            out.println("  " + FAIL + " " + check.name());
            for (StepResult.Failure failure : check.failures()) {
                if (failure.caseName() != null) {
                    out.println("    case: " + failure.caseName());
                }
                if (verbose || fullReports < FULL_REPORTS_PER_STEP) {
                    out.print(indent(wrapHints(failure.report()), "    "));
                    fullReports++;
                } else {
                    String hint = firstHint(failure.report());
                    out.print(hint.equals(previousHint) ? "    (the same hint as above)\n"
                            : indent(wrapHints(hint), "    "));
                    previousHint = hint;
                    hintsOnly++;
                }
            }
        }
        if (hintsOnly > 0) {
            out.println();
            out.printf("  (%d more %s shown by the first hint only: --verbose prints every report in full.)%n",
                    hintsOnly, hintsOnly == 1 ? "failure is" : "failures are");
        }
    }

    /** The score of every step graded, and the total. */
    static void score(PrintStream out, List<StepResult> results) {
        out.println();
        out.println("Score (" + StepResult.POINTS_PER_CHECK + " point per check)");
        int width = results.stream().mapToInt(r -> r.title().length()).max().orElse(0) + 2;
        int points = 0;
        int max = 0;
        for (StepResult result : results) {
            out.printf("  %s %-" + width + "s %3d/%d%n", result.allPassed() ? PASS : FAIL, result.title(),
                    result.points(), result.maxPoints());
            points += result.points();
            max += result.maxPoints();
        }
        if (results.size() > 1) {
            out.printf("    %-" + width + "s %3d/%d%n", "Total", points, max);
        }
    }

    private static String casesNote(StepResult.Check check) {
        long failedCases = check.failures().stream().filter(f -> f.caseName() != null).count();
        if (!check.ran()) {
            return "   (not run)";
        }
        return failedCases == 0 ? "" : "   (" + failedCases + (failedCases == 1 ? " case" : " cases") + " failed)";
    }

    /** The first "Hint:" line of a report, or its first line when it has none. */
    static String firstHint(String report) {
        return report.lines().filter(l -> l.startsWith("Hint: ")).findFirst()
                .orElse(report.lines().findFirst().orElse(""));
    }

    /** Long "Hint:" lines wrapped for an 80- to 120-column terminal; the byte renderings are never touched. */
    static String wrapHints(String text) {
        StringBuilder wrapped = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (wrapped.length() > 0) {
                wrapped.append('\n');
            }
            if (!line.startsWith("Hint: ") || line.length() <= WRAP_AT) {
                wrapped.append(line);
                continue;
            }
            int column = 0;
            for (String word : line.split(" ")) {
                if (column > 0 && column + 1 + word.length() > WRAP_AT) {
                    wrapped.append("\n      "); // under the text after "Hint: "
                    column = 6;
                } else if (column > 0) {
                    wrapped.append(' ');
                    column++;
                }
                wrapped.append(word);
                column += word.length();
            }
        }
        return wrapped.toString();
    }

    static String indent(String text, String prefix) {
        StringBuilder indented = new StringBuilder();
        text.lines().forEach(line -> indented.append(line.isEmpty() ? "" : prefix).append(line).append('\n'));
        return indented.toString();
    }
}
