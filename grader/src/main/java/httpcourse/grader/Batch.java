package httpcourse.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import httpcourse.spec.Sandbox;

/**
 * Grades a folder of submissions, one sub-folder per student, into gradebooks and reports.
 *
 * <p>Submissions are graded side by side ({@code jobs} at a time), each server in its own
 * temporary folder, process tree and sandbox. A submission that crashes or hangs costs its checks
 * their fail-safes (each check waits for its own): it never stops the others.
 */
final class Batch {

    private final List<String> template;
    private final List<Integer> steps;
    private final Integer port;
    private final Grader.Limits limits;
    private final boolean sandbox;
    private final Path submissionsFolder;
    private final Path gradebooks;

    /**
     * @param template          the command that starts a submission, with {dir} for its folder
     * @param sandbox           whether each server runs in a sandbox that shows it its own submission only
     * @param submissionsFolder the folder of all submissions, hidden from every server
     * @param gradebooks        where the gradebooks go, hidden from every server
     */
    Batch(List<String> template, List<Integer> steps, Integer port, Grader.Limits limits, boolean sandbox,
          Path submissionsFolder, Path gradebooks) {
        this.template = List.copyOf(template);
        this.steps = List.copyOf(steps);
        this.port = port;
        this.limits = limits;
        this.sandbox = sandbox;
        this.submissionsFolder = submissionsFolder;
        this.gradebooks = gradebooks;
    }

    /** The sub-folders of {@code folder}, by name; hidden ones (.git) are not submissions. */
    static List<Path> submissions(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    /** Grades every submission on every step, printing one line per submission as it is done. */
    List<Gradebook.Submission> grade(List<Path> submissions, int jobs, PrintStream out) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            ExecutorCompletionService<Gradebook.Submission> done = new ExecutorCompletionService<>(pool);
            List<Future<Gradebook.Submission>> futures = new ArrayList<>();
            for (Path submission : submissions) {
                futures.add(done.submit(() -> gradeOne(submission)));
            }
            for (int i = 1; i <= submissions.size(); i++) {
                Gradebook.Submission finished = get(done.take());
                out.printf("  [%d/%d] %-20s %3d/%d checks passed%s%n", i, submissions.size(), finished.student(),
                        finished.passed(), finished.total(), finished.notRunHere() == 0 ? ""
                                : " (" + finished.notRunHere() + " not run here)");
            }
            List<Gradebook.Submission> results = new ArrayList<>();
            for (Future<Gradebook.Submission> future : futures) {
                results.add(get(future)); // back in the order of the folders
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Gradebook.Submission gradeOne(Path submission) {
        List<StepResult> results = new ArrayList<>();
        for (int step : steps) {
            List<String> given = ServerCommand.resolve(template, submission, step);
            List<String> command = ServerCommand.compiled(given);
            Sandbox isolation = sandbox
                    ? GradingSandbox.submission(command, submission, submissionsFolder, gradebooks) : Sandbox.NONE;
            results.add(Grader.gradeStep(step, new Grader.ServerToGrade.Command(command, given, port, isolation),
                    limits));
        }
        return new Gradebook.Submission(submission.getFileName().toString(), results);
    }

    private static Gradebook.Submission get(Future<Gradebook.Submission> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // A bug of the grader, not of a student: stop and show it rather than grade wrongly.
            throw new IllegalStateException("The grader itself failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Writes into {@code out}: gradebook.csv, gradebook.json and gradebook.html (see {@link Gradebook}
     * and {@link Html}), and reports/STUDENT.txt and reports/STUDENT.html, every failure in full.
     */
    static void write(List<Gradebook.Submission> submissions, Path out, Scoring scoring) {
        try {
            Files.createDirectories(out.resolve("reports"));
            Files.writeString(out.resolve("gradebook.csv"), Gradebook.csv(submissions, scoring), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("gradebook.json"), Gradebook.json(submissions, scoring), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("gradebook.html"), Html.gradebook(submissions, scoring), StandardCharsets.UTF_8);
            for (Gradebook.Submission submission : submissions) {
                Path reports = out.resolve("reports");
                Files.writeString(reports.resolve(submission.student() + ".txt"), report(submission, scoring),
                        StandardCharsets.UTF_8);
                Files.writeString(reports.resolve(submission.student() + ".html"), Html.report(submission, scoring),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String report(Gradebook.Submission submission, Scoring scoring) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        out.println("Report for " + submission.student());
        submission.steps().forEach(step -> Report.step(out, step, true));
        Report.score(out, submission.steps(), scoring);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The table on screen: a row per student, a column per step; "!" marks checks that could not run
     * (the server did not start). Under it, each check not run here, and why: they are in no count.
     */
    static void summary(List<Gradebook.Submission> submissions, List<Integer> steps, Scoring scoring, PrintStream out) {
        int width = Math.max(7, submissions.stream().mapToInt(s -> s.student().length()).max().orElse(0)) + 2;
        StringBuilder header = new StringBuilder(String.format("%-" + width + "s", "student"));
        steps.forEach(step -> header.append(String.format("%-10s", "step " + step)));
        out.println(header.append("points"));
        boolean anyProblem = false;
        for (Gradebook.Submission submission : submissions) {
            StringBuilder row = new StringBuilder(String.format("%-" + width + "s", submission.student()));
            for (StepResult step : submission.steps()) {
                String mark = step.problem() == null ? "" : "!";
                anyProblem |= step.problem() != null;
                row.append(String.format("%-10s", step.passed() + "/" + step.total() + mark));
            }
            out.println(row.append(Scoring.points(scoring.earned(submission.steps()))).append('/')
                    .append(Scoring.points(scoring.max(submission.steps()))));
        }
        if (anyProblem) {
            out.println("! = some checks could not run (the server did not start):"
                    + " see the note column");
        }
        notRunHere(submissions, out);
    }

    /**
     * The checks not run here, each once with its reason (most often every student's: the machine's),
     * and for how many students when not for all: "– 4.6 answers 404 ... (this system cannot make
     * symbolic links)".
     */
    private static void notRunHere(List<Gradebook.Submission> submissions, PrintStream out) {
        Map<String, Integer> students = new LinkedHashMap<>(); // "4.6 name (why)" -> how many students
        for (Gradebook.Submission submission : submissions) {
            for (StepResult step : submission.steps()) {
                for (int i = 0; i < step.checks().size(); i++) {
                    StepResult.Check check = step.checks().get(i);
                    if (check.notRunHere()) {
                        students.merge(Gradebook.checkNumber(step, i) + " " + check.name() + "   ("
                                + check.whyNotRunHere() + ")", 1, Integer::sum);
                    }
                }
            }
        }
        if (students.isEmpty()) {
            return;
        }
        out.println("Not run here, so in no count above (neither passed nor failed):");
        students.forEach((check, count) -> out.println("  " + Report.NOT_RUN_HERE + " " + check
                + (count == submissions.size() ? "" : "   for " + count + " of " + submissions.size() + " students")));
    }
}
