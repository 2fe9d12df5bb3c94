///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
// jbang reads the lines below (plain java ignores them); keep the versions those of the parent pom.xml.
//DEPS org.junit.platform:junit-platform-launcher:6.1.3
//DEPS org.junit.jupiter:junit-jupiter:6.1.3
//DEPS org.assertj:assertj-core:3.27.7
//DEPS info.picocli:picocli:4.7.7
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
//SOURCES *.java ../../../../../../spec/src/main/java/httpcourse/spec/*.java
//FILES META-INF/services/org.assertj.core.presentation.Representation=../../../../../../spec/src/main/resources/META-INF/services/org.assertj.core.presentation.Representation
//FILES httpcourse/grader/platforms/setup.sh=../../../resources/httpcourse/grader/platforms/setup.sh
//FILES httpcourse/grader/platforms/run_autograder=../../../resources/httpcourse/grader/platforms/run_autograder
//FILES httpcourse/grader/platforms/Dockerfile=../../../resources/httpcourse/grader/platforms/Dockerfile
//FILES httpcourse/grader/platforms/prairielearn=../../../resources/httpcourse/grader/platforms/prairielearn
package httpcourse.grader;

import java.io.ByteArrayOutputStream;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import httpcourse.spec.Sandbox;
import httpcourse.spec.WebRoot;

import org.assertj.core.configuration.ConfigurationProvider;

import picocli.CommandLine;

/**
 * The grader's command: {@code ./grade.sh --help} (Maven wrapper) or {@code jbang grade --help}.
 * See {@link Options} for its command line, and docs/instructors.md for how to use it.
 */
public final class Grade {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /**
     * The options of the JVM that runs the grader, in each of its launchers (grade.sh, grade.cmd,
     * jbang's //JAVA_OPTIONS above, the platforms' grader.args): C1 alone and the serial collector.
     * The grader mostly waits on servers; so a grading costs a fifth less CPU (step 16's whole spec:
     * 9.5 s instead of 11.9), and takes no longer.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

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
        return run(args, out, err, System.getenv());
    }

    /**
     * The same, with the environment given: the grader's tests set {@value Platforms#ROOT_VARIABLE}
     * there, a folder that stands for "/" in the platforms' layouts.
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new Options());
        try {
            Options options = Options.parse(commandLine, args);
            if (options.help()) {
                commandLine.usage(out, CommandLine.Help.Ansi.OFF);
                return PASSED;
            }
            List<Integer> steps = steps(options.steps(commandLine), commandLine);
            checkNamesMatch(options.checks(), steps, commandLine);
            if (options.isRunningServer()) {
                checkWorkdir(options.workdir(), commandLine);
            }
            Scoring scoring = options.scoring(steps, commandLine);
            if (options.bundle() != null) {
                Optional<String> unfit = Bundles.unfit(options.bundle(), options.bundleTarget());
                if (unfit.isPresent()) {
                    throw Options.usage(commandLine, unfit.get());
                }
                return Bundles.build(options.bundle(), options.bundleTarget(), options.gradingArgs(), out, err);
            }
            boolean sandbox = options.sandbox() && !options.isRunningServer() && sandboxAvailable(err);
            if (options.platform() != null) {
                return Platforms.grade(new Platforms.Setup(options.platform(), Platforms.root(environment),
                        options.template(), steps, options.port(), options.limits(), options.jobs(), sandbox,
                        sandbox ? Optional.empty() : Platforms.whyNoSandbox(options.sandbox()), scoring,
                        options.visibility()), out);
            }
            return options.isBatch() ? batch(options, sandbox, steps, scoring, out, commandLine)
                    : single(options, sandbox, steps, out);
        } catch (CommandLine.ParameterException e) {
            err.println("grade: " + e.getMessage());
            err.println("Run grade --help to see how to use it.");
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    /**
     * Whether the servers can run in the sandbox; if not, says so once, with what to do, and the
     * grading goes on without it (a student checking their own server on macOS must not be stopped).
     * If it can, says once what it cannot enforce here (budgets without control groups or root).
     */
    private static boolean sandboxAvailable(PrintStream err) {
        Optional<String> unavailable = Sandbox.unavailable();
        unavailable.ifPresent(why -> err.println("grade: " + why + "\nGrading without the sandbox: the servers run"
                + " with your permissions and see your files. --no-sandbox grades so without this message."));
        if (unavailable.isEmpty()) {
            Sandbox.limitations().forEach(note -> err.println("grade: " + note));
        }
        return unavailable.isEmpty();
    }

    /** Grades one server on each step, printing each step's report, then the score. */
    private static int single(Options options, boolean sandbox, List<Integer> steps, PrintStream out)
            throws InterruptedException {
        Path here = Path.of("").toAbsolutePath();
        List<StepResult> results = gradeSteps(steps, options.jobs(), (step, report) -> gradeAndReport(step,
                server(options, sandbox, here, step), options.limits(), options.checks(), options.verbose(), report), out);
        Report.score(out, results);
        return results.stream().allMatch(StepResult::allPassed) ? PASSED : FAILED;
    }

    /** Grades one step, printing its report on the stream it is given. */
    interface StepGrading {
        StepResult grade(int step, PrintStream report);
    }

    /**
     * Grades each step. One step, or one at a time: each check is printed as soon as it is
     * decided. Several steps side by side (each has a server process of its own): each step's
     * report is printed whole, in the order of the steps, as soon as it is complete.
     */
    static List<StepResult> gradeSteps(List<Integer> steps, int jobs, StepGrading grading, PrintStream out)
            throws InterruptedException {
        List<StepResult> results = new ArrayList<>();
        if (steps.size() == 1 || jobs == 1) {
            for (int step : steps) {
                results.add(grading.grade(step, out));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<ReportedStep>> running = steps.stream().map(step -> pool.submit(() -> {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                PrintStream report = new PrintStream(text, true, StandardCharsets.UTF_8);
                return new ReportedStep(grading.grade(step, report), text);
            })).toList();
            for (Future<ReportedStep> step : running) {
                ReportedStep done = get(step);
                out.print(done.report().toString(StandardCharsets.UTF_8));
                results.add(done.result());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private record ReportedStep(StepResult result, ByteArrayOutputStream report) {
    }

    /** Grades one step, printing each check as soon as it is decided, then why the failed ones failed. */
    static StepResult gradeAndReport(int step, Grader.ServerToGrade server, Grader.Limits limits,
                                     List<String> checks, boolean verbose, PrintStream out) {
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
        StepResult result = Grader.gradeStep(step, server, limits, progress, checks);
        Report.stepDetails(out, result, verbose);
        return result;
    }

    private static <T> T get(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // A bug of the grader, not of a student: stop and show it rather than grade wrongly.
            throw new IllegalStateException("The grader itself failed: " + e.getCause(), e.getCause());
        }
    }

    private static Grader.ServerToGrade server(Options options, boolean sandbox, Path here, int step) {
        if (options.isRunningServer()) {
            return new Grader.ServerToGrade.Running(options.address(), options.workdir());
        }
        List<String> given = ServerCommand.resolve(options.command(), here, step);
        List<String> command = ServerCommand.compiled(given);
        return new Grader.ServerToGrade.Command(command, given, options.port(),
                sandbox ? GradingSandbox.single(command) : Sandbox.NONE);
    }

    private static int batch(Options options, boolean sandbox, List<Integer> steps, Scoring scoring, PrintStream out,
                             CommandLine commandLine) throws InterruptedException {
        List<Path> submissions;
        try {
            submissions = Batch.submissions(options.batch());
        } catch (IOException e) {
            throw Options.usage(commandLine, "cannot read the folder of submissions " + options.batch() + ": " + e);
        }
        if (submissions.isEmpty()) {
            throw Options.usage(commandLine, options.batch() + " has no sub-folders: put each submission in a"
                    + " folder of its own, named after its student");
        }
        out.printf("Grading %d submissions on %s %s, %d at a time%n", submissions.size(),
                steps.size() == 1 ? "step" : "steps",
                steps.stream().map(String::valueOf).collect(Collectors.joining(", ")), options.jobs());
        out.println("  server: " + String.join(" ", options.template()) + " 0");
        out.println("  sandbox: " + (sandbox ? "on: each server sees only its own submission"
                : "OFF: the servers run with your permissions and see your files"));
        Batch batch = new Batch(options.template(), steps, options.port(), options.limits(), sandbox,
                options.batch(), options.out());
        List<Gradebook.Submission> graded = batch.grade(submissions, options.jobs(), out);
        Batch.write(graded, options.out(), scoring);
        out.println();
        Batch.summary(graded, steps, scoring, out);
        out.println();
        out.println("Written: " + options.out().resolve("gradebook.html") + ", gradebook.csv, gradebook.json,");
        out.println("  and reports/STUDENT.html (and .txt): why each check failed, in full.");
        return graded.stream().allMatch(Gradebook.Submission::allPassed) ? PASSED : FAILED;
    }

    /** The steps asked for, checked against those the specs define; "all" (empty) means every one. */
    private static List<Integer> steps(List<Integer> asked, CommandLine commandLine) {
        List<Integer> available = Grader.availableSteps();
        if (asked.isEmpty()) {
            return available;
        }
        for (int step : asked) {
            if (!available.contains(step)) {
                throw Options.usage(commandLine, "there is no step " + step + "; the steps are " + available);
            }
        }
        return asked;
    }

    /** The grader writes htdocs/, pom.xml and secret.txt into a running server's folder: never over real files. */
    private static void checkWorkdir(Path workdir, CommandLine commandLine) {
        if (!Files.isDirectory(workdir)) {
            throw Options.usage(commandLine, "--workdir " + workdir + " is not a folder");
        }
        try {
            List<String> foreign = WebRoot.foreignEntries(workdir);
            if (!foreign.isEmpty()) {
                throw Options.usage(commandLine, "--workdir " + workdir + " must be an empty folder made for grading:"
                        + " the grader writes htdocs/, pom.xml and secret.txt into it, and would overwrite yours."
                        + " It holds " + String.join(", ", foreign) + ".");
            }
        } catch (IOException e) {
            throw Options.usage(commandLine, "cannot read --workdir " + workdir + ": " + e);
        }
    }

    /** Every --check word must name a check of each step graded: a typo is a usage error, not a score of 0/0. */
    private static void checkNamesMatch(List<String> words, List<Integer> steps, CommandLine commandLine) {
        for (String word : words) {
            for (int step : steps) {
                if (Grader.checkNames(step).stream().noneMatch(name -> Grader.holds(name, word))) {
                    throw Options.usage(commandLine, "no check of step " + step + " has \"" + word + "\" in its name;"
                            + " the checks are listed by the course's chapter of that step, and by a run without --check");
                }
            }
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
