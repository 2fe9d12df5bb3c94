package httpcourse.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Grades a folder of submissions, one sub-folder per student, into gradebooks and reports.
 *
 * <p>Submissions are graded side by side ({@code jobs} at a time), each server in its own
 * temporary folder and process tree. A submission that crashes or hangs costs at most the
 * time limit of each step: it never stops the others.
 */
final class Batch {

    private Batch() {
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
    static List<Gradebook.Submission> grade(List<Path> submissions, List<String> template, List<Integer> steps,
                                            Integer port, Grader.Limits limits, int jobs, PrintStream out)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            ExecutorCompletionService<Gradebook.Submission> done = new ExecutorCompletionService<>(pool);
            List<Future<Gradebook.Submission>> futures = new ArrayList<>();
            for (Path submission : submissions) {
                futures.add(done.submit(() -> gradeOne(submission, template, steps, port, limits)));
            }
            for (int i = 1; i <= submissions.size(); i++) {
                Gradebook.Submission finished = get(done.take());
                out.printf("  [%d/%d] %-20s %3d/%d points%n", i, submissions.size(), finished.student(),
                        finished.points(), finished.maxPoints());
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

    private static Gradebook.Submission gradeOne(Path submission, List<String> template, List<Integer> steps,
                                                 Integer port, Grader.Limits limits) {
        List<StepResult> results = new ArrayList<>();
        for (int step : steps) {
            Grader.Server server = new Grader.Server.Command(ServerCommand.resolve(template, submission, step), port);
            results.add(Grader.gradeStep(step, server, limits));
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

    /** Writes gradebook.csv, gradebook.json and reports/STUDENT.txt (every failure in full) into {@code out}. */
    static void write(List<Gradebook.Submission> submissions, Path out) {
        try {
            Files.createDirectories(out.resolve("reports"));
            Files.writeString(out.resolve("gradebook.csv"), Gradebook.csv(submissions), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("gradebook.json"), Gradebook.json(submissions), StandardCharsets.UTF_8);
            for (Gradebook.Submission submission : submissions) {
                Files.writeString(out.resolve("reports").resolve(submission.student() + ".txt"), report(submission),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String report(Gradebook.Submission submission) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        out.println("Report for " + submission.student());
        submission.steps().forEach(step -> Report.step(out, step, true));
        Report.score(out, submission.steps());
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The table on screen: a row per student, a column per step; "!" marks checks that could not run. */
    static void summary(List<Gradebook.Submission> submissions, List<Integer> steps, PrintStream out) {
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
                row.append(String.format("%-10s", step.points() + "/" + step.maxPoints() + mark));
            }
            out.println(row.append(submission.points()).append('/').append(submission.maxPoints()));
        }
        if (anyProblem) {
            out.println("! = some checks could not run (the server did not start, or the step reached its time limit):"
                    + " see the note column");
        }
    }
}
