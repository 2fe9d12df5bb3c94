package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import httpcourse.spec.Repository;
import httpcourse.spec.SpecConfig;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class of five graded on step 4 in one batch: a correct server, one with a small flaw, one
 * that crashes at start, one that hangs, and a student who handed in nothing.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting on servers: beside the other classes (see shared-tests/pom.xml)
@DisplayName("A batch")
class BatchTest {

    @TempDir
    static Path work;

    private static Path out;
    private static String screen;
    private static int exitStatus;
    private static long seconds;

    @BeforeAll
    static void gradeTheClass() throws IOException {
        Path submissions = Files.createDirectories(work.resolve("submissions"));
        handIn(submissions, "alice", Repository.stepSource(4));
        handIn(submissions, "bob", Sources.fixture("not-found-in-capitals"));
        handIn(submissions, "carol", Sources.fixture("crashes-at-start"));
        Files.createDirectories(submissions.resolve("dave")); // handed in nothing
        handIn(submissions, "erin", Sources.fixture("never-closes"));
        out = work.resolve("grades");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long start = System.nanoTime();
        exitStatus = Grade.run(new String[] {"--batch", submissions.toString(), "--step", "4",
                "--command", SpecConfig.javaExecutable() + " {dir}/HttpServer.java", "--out", out.toString(),
                "--jobs", "2", "--timeout", "1", "--startup-timeout", "30", "--time-limit", "15"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8), System.err);
        seconds = (System.nanoTime() - start) / 1_000_000_000;
        screen = bytes.toString(StandardCharsets.UTF_8);
    }

    private static void handIn(Path submissions, String student, Path server) throws IOException {
        Path folder = Files.createDirectories(submissions.resolve(student));
        Files.copy(server, folder.resolve("HttpServer.java"));
    }

    @Test
    @DisplayName("writes gradebook.csv: a row per student, the failed checks named, a note when checks could not run")
    void writesTheCsvGradebook() throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0)).isEqualTo("student,step,passed,total,points,failed_checks,note");
        assertThat(rows.get(1)).isEqualTo("alice,4,24,24,24,,");
        assertThat(rows.get(2)).isEqualTo("bob,4,20,24,20,\"answers 404 Not Found for a directory;"
                + " answers 404 Not Found for a missing file, and goes on serving;"
                + " answers 404 Not Found for a path that leads outside htdocs;"
                + " answers 404 Not Found for the article's form POST to a missing /form.php\",");
        assertThat(rows.get(3)).startsWith("carol,4,0,24,0,\"accepts a request whose lines end with a bare \\n;")
                .endsWith(",\"The server stopped before it printed \"\"Listening on port N\"\".\"");
        assertThat(rows.get(4)).startsWith("dave,4,0,24,0,")
                .endsWith(",\"The server stopped before it printed \"\"Listening on port N\"\".\"");
        assertThat(rows.get(5)).startsWith("erin,4,0,24,0,")
                .endsWith(",The step reached its time limit of 15 s and was stopped:"
                        + " the checks it had not reached count as failed.");
    }

    @Test
    @DisplayName("writes gradebook.json with the same rows")
    void writesTheJsonGradebook() throws IOException {
        String json = Files.readString(out.resolve("gradebook.json"));
        assertThat(json).startsWith("[\n  {\"student\": \"alice\", \"step\": 4, \"passed\": 24, \"total\": 24,"
                + " \"points\": 24, \"failed_checks\": [], \"note\": \"\"},\n");
        assertThat(json).contains("\n  {\"student\": \"bob\", \"step\": 4, \"passed\": 20, \"total\": 24,"
                + " \"points\": 20, \"failed_checks\": [\"answers 404 Not Found for a directory\","
                + " \"answers 404 Not Found for a missing file, and goes on serving\","
                + " \"answers 404 Not Found for a path that leads outside htdocs\","
                + " \"answers 404 Not Found for the article's form POST to a missing /form.php\"], \"note\": \"\"},\n");
        assertThat(json).contains("\"note\": \"The server stopped before it printed \\\"Listening on port N\\\".\"");
        assertThat(json).endsWith("}\n]\n");
        assertThat(json.lines().filter(line -> line.startsWith("  {\"student\": "))).hasSize(5);
    }

    @Test
    @DisplayName("writes a report per student that says why each check failed, in full")
    void writesAReportPerStudent() throws IOException {
        assertThat(Files.readString(out.resolve("reports/bob.txt")))
                .contains("✗ answers 404 Not Found for a missing file, and goes on serving")
                .contains("Actual response (40 bytes), then the server closed the connection:")
                .contains("Hint: The status line differs in letter case only");
        assertThat(Files.readString(out.resolve("reports/carol.txt")))
                .contains("ArrayIndexOutOfBoundsException");
        assertThat(Files.readString(out.resolve("reports/dave.txt")))
                .contains("dave/HttpServer.java"); // java says it cannot find the file: the command shows which
    }

    @Test
    @DisplayName("prints a summary table, and exits with 1 because some checks failed")
    void printsASummary() {
        assertThat(screen).contains("student  step 4    points")
                .containsPattern("alice +24/24 +24/24")
                .containsPattern("carol +0/24! +0/24")
                .contains("! = some checks could not run");
        assertThat(exitStatus).isEqualTo(1);
    }

    @Test
    @DisplayName("is not held up by a crashing or hanging submission, and leaves no process behind")
    void isNotHeldUp() {
        assertThat(seconds).as("seconds for the whole batch").isLessThan(40);
        assertThat(Sources.processesMentioning(work.toString())).isEmpty();
    }
}
