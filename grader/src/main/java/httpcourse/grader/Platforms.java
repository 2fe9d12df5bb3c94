package httpcourse.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import httpcourse.spec.Sandbox;

/**
 * Grades the one submission of a platform's container, where the platform puts it, and writes
 * its results.json where the platform reads it:
 *
 * <pre>
 * Gradescope     /autograder/submission  ->  /autograder/results/results.json
 * PrairieLearn   /grade/student          ->  /grade/results/results.json
 * </pre>
 *
 * The specs are the grader's own (in its jars), never a copy in the submission. Each platform
 * runs one container per submission; bubblewrap may be unable to make a sandbox there, and the
 * results say whether the server ran in one.
 */
final class Platforms {

    /**
     * For the grader's tests only: a folder that stands for "/", so that /autograder/... and
     * /grade/... are looked for inside it.
     */
    static final String ROOT_VARIABLE = "GRADER_ROOT";

    /** Where a platform puts the submission and wants the results, below "/". */
    enum Layout {
        GRADESCOPE("Gradescope", "autograder", "submission"),
        PRAIRIELEARN("PrairieLearn", "grade", "student");

        final String platform;
        private final String home;
        private final String submission;

        Layout(String platform, String home, String submission) {
            this.platform = platform;
            this.home = home;
            this.submission = submission;
        }

        /** /autograder or /grade: hidden from the server (the grader's files, the results). */
        Path home(Path root) {
            return root.resolve(home);
        }

        Path submission(Path root) {
            return home(root).resolve(submission);
        }

        Path results(Path root) {
            return home(root).resolve("results").resolve("results.json");
        }
    }

    /**
     * What to grade, and how.
     *
     * @param root       the folder that stands for "/": "/" itself, but in the grader's tests
     * @param template   the command that starts the submission, with {dir} for its folder
     * @param sandbox    whether the servers run in the sandbox (asked for, and possible here)
     * @param noSandbox  why not, for the results' text; empty when the sandbox is on
     * @param visibility Gradescope only: when students see the results
     */
    record Setup(Layout layout, Path root, List<String> template, List<Integer> steps, Integer port,
                 Grader.Limits limits, int jobs, boolean sandbox, Optional<String> noSandbox, Scoring scoring,
                 String visibility) {
    }

    private Platforms() {
    }

    /** "/", or the folder GRADER_ROOT names (the grader's tests only). */
    static Path root(Map<String, String> environment) {
        String root = environment.get(ROOT_VARIABLE);
        return root == null || root.isBlank() ? Path.of("/") : Path.of(root).toAbsolutePath().normalize();
    }

    /**
     * Grades the submission on every step, printing the usual report (the platform shows it to
     * the instructor), then writes results.json. Returns 0 once results.json is written, whatever
     * the score: the grading worked.
     */
    static int grade(Setup setup, PrintStream out) throws InterruptedException {
        Path submission = setup.layout().submission(setup.root());
        Path results = setup.layout().results(setup.root());
        out.println(setup.layout().platform + ": grading " + submission);
        if (!Files.isDirectory(submission)) {
            out.println("  (there is no such folder: the server cannot start)");
        }
        List<StepResult> steps = Grade.gradeSteps(setup.steps(), setup.jobs(), (step, report) -> {
            List<String> given = ServerCommand.resolve(setup.template(), submission, step);
            List<String> command = ServerCommand.compiled(given);
            Sandbox isolation = setup.sandbox() ? GradingSandbox.submission(command, submission,
                    setup.layout().home(setup.root()), results.getParent()) : Sandbox.NONE;
            return Grade.gradeAndReport(step, new Grader.ServerToGrade.Command(command, given, setup.port(), isolation),
                    setup.limits(), List.of(), false, report);
        }, out);
        Report.score(out, steps, setup.scoring());
        String summary = summary(steps, setup);
        String json = setup.layout() == Layout.GRADESCOPE
                ? PlatformResults.gradescope(steps, setup.scoring(), setup.visibility(), summary)
                : PlatformResults.prairieLearn(steps, setup.scoring(), summary);
        try {
            Files.createDirectories(results.getParent());
            Files.writeString(results, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + results + ": " + e, e);
        }
        out.println();
        out.println("Written: " + results);
        return Grade.PASSED;
    }

    /**
     * The text above the tests: each step's score, the mistakes that fail several checks, what kept
     * checks from running, the server's stops, the sandbox.
     */
    static String summary(List<StepResult> steps, Setup setup) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Scoring scoring = setup.scoring();
        int notRunHere = steps.stream().mapToInt(StepResult::notRunHere).sum();
        out.printf("%d of %d checks passed%s: %s of %s points (%s).%n", steps.stream().mapToInt(StepResult::passed).sum(),
                steps.stream().mapToInt(StepResult::total).sum(), notRunHere == 0 ? "" : " (" + notRunHere
                        + " not run here: worth no points)", Scoring.points(scoring.earned(steps)),
                Scoring.points(scoring.max(steps)), scoring.describe());
        if (!PlatformResults.neverStarted(steps)) {
            out.println("Each test below is one check; a failed check shows the request sent, the bytes that came"
                    + " back, and a hint.");
        }
        for (StepResult step : steps) {
            out.println();
            out.printf("%s %s: %d of %d checks passed%s, %s/%s points%n", step.allPassed() ? Report.PASS : Report.FAIL,
                    step.title(), step.passed(), step.total(), Report.notRunHereNote(step),
                    Scoring.points(scoring.earned(step)), Scoring.points(scoring.max(step)));
            out.println("  server: " + step.command());
            Report.commonCauses(out, step);
            Report.aroundTheChecks(out, step);
        }
        out.println();
        out.println(sandboxNote(setup));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String sandboxNote(Setup setup) {
        if (setup.sandbox()) {
            return "Sandbox: on. The server ran in a bubblewrap sandbox: it saw the system read-only and its own"
                    + " submission, and could write only in its own folder.";
        }
        return "Sandbox: off (" + setup.noSandbox().orElse("--no-sandbox")
                + "). The server ran without it, in this container, which holds this one submission.";
    }

    /** Why the sandbox is off, in a line: --no-sandbox, or the first line of why bubblewrap cannot work here. */
    static Optional<String> whyNoSandbox(boolean asked) {
        if (!asked) {
            return Optional.of("--no-sandbox");
        }
        return Sandbox.unavailable().map(why -> why.lines().findFirst().orElse(why).replaceAll("[.:]$", ""));
    }
}
