///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
// jbang reads the lines below (plain java ignores them); keep the versions those of the parent pom.xml.
//DEPS org.junit.platform:junit-platform-launcher:6.1.3
//DEPS org.junit.jupiter:junit-jupiter:6.1.3
//DEPS org.assertj:assertj-core:3.27.7
//SOURCES *.java ../../../../../../shared-tests/src/main/java/httpcourse/spec/*.java
//FILES META-INF/services/org.assertj.core.presentation.Representation=../../../../../../shared-tests/src/main/resources/META-INF/services/org.assertj.core.presentation.Representation
package httpcourse.grader;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import httpcourse.spec.WebRoot;

import org.assertj.core.configuration.ConfigurationProvider;

/**
 * The grader's command: {@code ./grade.sh --help} (Maven wrapper) or {@code jbang grade --help}.
 * See {@link Options#USAGE} for what it does, and docs/instructors.md for how to use it.
 */
public final class Grade {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Grade() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: reports show the pages' non-ASCII bytes, and ✓ ✗.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        loadAssertJQuietly();
        System.exit(run(args, out, err));
    }

    /** Runs the grader as its command would, without exiting: returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(args);
            if (options.help()) {
                out.print(Options.USAGE);
                return PASSED;
            }
            List<Integer> steps = steps(options);
            if (options.isBatch()) {
                return batch(options, steps, out);
            }
            if (options.isRunningServer()) {
                checkWorkdir(options.workdir());
            }
            return single(options, steps, out);
        } catch (Options.UsageException e) {
            err.println("grade: " + e.getMessage());
            err.println("Run grade --help to see how to use it.");
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    /** Grades one server on each step, printing each check as soon as it is decided. */
    private static int single(Options options, List<Integer> steps, PrintStream out) {
        Path here = Path.of("").toAbsolutePath();
        Grader.Progress progress = new Grader.Progress() {
            @Override
            public void stepStarted(String title, String command) {
                Report.stepHeader(out, title, command);
            }

            @Override
            public void checkDone(StepResult.Check check) {
                Report.checkLine(out, check);
            }
        };
        List<StepResult> results = new ArrayList<>();
        for (int step : steps) {
            Grader.Server server = options.isRunningServer()
                    ? new Grader.Server.Running(options.address(), options.workdir())
                    : new Grader.Server.Command(ServerCommand.resolve(options.command(), here, step), options.port());
            StepResult result = Grader.gradeStep(step, server, options.limits(), progress);
            Report.stepDetails(out, result, options.verbose());
            results.add(result);
        }
        Report.score(out, results);
        return results.stream().allMatch(StepResult::allPassed) ? PASSED : FAILED;
    }

    private static int batch(Options options, List<Integer> steps, PrintStream out)
            throws Options.UsageException, InterruptedException {
        List<Path> submissions;
        try {
            submissions = Batch.submissions(options.batch());
        } catch (IOException e) {
            throw new Options.UsageException("cannot read the folder of submissions " + options.batch() + ": " + e);
        }
        if (submissions.isEmpty()) {
            throw new Options.UsageException(options.batch() + " has no sub-folders: put each submission in a"
                    + " folder of its own, named after its student");
        }
        out.printf("Grading %d submissions on %s %s, %d at a time%n", submissions.size(),
                steps.size() == 1 ? "step" : "steps",
                steps.stream().map(String::valueOf).collect(Collectors.joining(", ")), options.jobs());
        out.println("  server: " + String.join(" ", options.template()) + " 0");
        List<Gradebook.Submission> graded = Batch.grade(submissions, options.template(), steps, options.port(),
                options.limits(), options.jobs(), out);
        Batch.write(graded, options.out());
        out.println();
        Batch.summary(graded, steps, out);
        out.println();
        out.println("Written: " + options.out().resolve("gradebook.csv") + ", gradebook.json,");
        out.println("  and reports/STUDENT.txt: why each check failed, in full.");
        return graded.stream().allMatch(Gradebook.Submission::allPassed) ? PASSED : FAILED;
    }

    /** The steps asked for, checked against those the specs define; "all" (empty) means every one. */
    private static List<Integer> steps(Options options) throws Options.UsageException {
        List<Integer> available = Grader.availableSteps();
        if (options.steps().isEmpty()) {
            return available;
        }
        for (int step : options.steps()) {
            if (!available.contains(step)) {
                throw new Options.UsageException("there is no step " + step + "; the steps are " + available);
            }
        }
        return options.steps();
    }

    /** The grader writes htdocs/, pom.xml and secret.txt into a running server's folder: never over real files. */
    private static void checkWorkdir(Path workdir) throws Options.UsageException {
        if (!Files.isDirectory(workdir)) {
            throw new Options.UsageException("--workdir " + workdir + " is not a folder");
        }
        try {
            List<String> foreign = WebRoot.foreignEntries(workdir);
            if (!foreign.isEmpty()) {
                throw new Options.UsageException("--workdir " + workdir + " must be an empty folder made for grading:"
                        + " the grader writes htdocs/, pom.xml and secret.txt into it, and would overwrite yours."
                        + " It holds " + String.join(", ", foreign) + ".");
            }
        } catch (IOException e) {
            throw new Options.UsageException("cannot read --workdir " + workdir + ": " + e);
        }
    }

    /** AssertJ prints a banner on System.out when it first loads its configuration: not in our report. */
    private static void loadAssertJQuietly() {
        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            ConfigurationProvider.CONFIGURATION_PROVIDER.representation();
        } finally {
            System.setOut(original);
        }
    }
}
