package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import httpcourse.spec.Repository;
import httpcourse.spec.Sandbox;
import httpcourse.spec.SpecConfig;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A class graded on step 4 in one batch, in the grader's sandbox: honest students (a correct
 * server, one with a small flaw, one that crashes at start, one who handed in nothing, and zoe,
 * whom an attacker targets) beside five hostile submissions ({@link HostileServer}). Every
 * honest student must get their true grade, nothing may be written outside the sandboxes, and
 * no process may be left behind.
 *
 * <p>The submissions are compiled first and run with {@code java -cp {dir} HttpServer}, as an
 * instructor may grade them; the grader's other tests run them from source too.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting on servers: beside the other classes (see grader/pom.xml)
@DisplayName("A batch with hostile submissions, in the sandbox")
class BatchTest {

    @TempDir
    static Path work;

    private static Path submissions;
    private static Path out;
    private static long mark;
    private static Map<String, String> filesBefore;
    private static String screen;
    private static int exitStatus;

    @BeforeAll
    static void gradeTheClass() throws IOException {
        boolean ci = "true".equals(System.getenv("CI"));
        Assumptions.assumeTrue(ci || Sandbox.unavailable().isEmpty(),
                () -> "Skipped: no sandbox on this machine. " + Sandbox.unavailable().orElse(""));
        submissions = Files.createDirectories(work.resolve("submissions"));
        out = work.resolve("grades");
        mark = 86_400_000L + ProcessHandle.current().pid(); // "sleep <mark>": unique to this run
        handIn("alice", Files.readString(Repository.stepSource(4)));
        handIn("bob", KnownWrongServer.NOT_FOUND_IN_CAPITALS.source());
        handIn("carol", KnownWrongServer.CRASHES_AT_START.source());
        Files.createDirectories(submissions.resolve("dave")); // handed in nothing
        handIn("zoe", Files.readString(Repository.stepSource(4)));
        for (HostileServer hostile : HostileServer.values()) {
            handIn(hostile.student(), hostile.source(submissions, Path.of("").toAbsolutePath(), mark));
        }
        filesBefore = contents(submissions);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // The time limit is a fail-safe: every server here answers at once, or never starts.
        exitStatus = Grade.run(new String[] {"--batch", submissions.toString(), "--step", "4",
                "--command", SpecConfig.javaExecutable() + " -cp {dir} HttpServer", "--out", out.toString(),
                "--jobs", "2", "--timeout", "10", "--startup-timeout", "60", "--time-limit", "300"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8), System.err);
        screen = bytes.toString(StandardCharsets.UTF_8);
    }

    private static void handIn(String student, String source) throws IOException {
        Path folder = Files.createDirectories(submissions.resolve(student));
        Sources.compile(Files.writeString(folder.resolve("HttpServer.java"), source, StandardCharsets.UTF_8), folder);
    }

    @Test
    @DisplayName("grades every honest student as if alone: the attacks change nobody's grade")
    void gradesHonestStudents() throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(rows).contains("alice,4,27,27,27,,", "zoe,4,27,27,27,,");
        assertThat(rows).contains("bob,4,22,27,22,\"answers 404 Not Found for a directory;"
                + " answers 404 Not Found for a link inside htdocs that leads outside;"
                + " answers 404 Not Found for a missing file, and goes on serving;"
                + " answers 404 Not Found for a path that leads outside htdocs;"
                + " answers 404 Not Found for the article's form POST to a missing /form.php\",");
        // The attackers' servers work otherwise: the sandbox lets them be graded like everybody.
        assertThat(rows).contains("mallory-writes-outside,4,27,27,27,,", "mallory-changes-a-classmate,4,27,27,27,,",
                "mallory-leaves-a-daemon,4,27,27,27,,", "mallory-ignores-sigterm,4,27,27,27,,");
    }

    @Test
    @DisplayName("lets no submission write outside its own folder")
    void writesNothingOutside() throws IOException {
        String file = "pwned-" + mark + ".txt";
        for (Path place : List.of(submissions, Path.of("/tmp"), Path.of("/var/tmp"), Path.of(System.getProperty("user.home")),
                Path.of("").toAbsolutePath(), Repository.root())) {
            assertThat(place.resolve(file)).as("written by a submission").doesNotExist();
        }
        assertThat(report(HostileServer.WRITES_OUTSIDE)).doesNotContain("HOSTILE wrote");
    }

    @Test
    @DisplayName("lets no submission change a classmate's files, or see them")
    void protectsClassmates() throws IOException {
        assertThat(contents(submissions)).as("every file of every submission").isEqualTo(filesBefore);
        String reader = report(HostileServer.READS_A_CLASSMATE);
        assertThat(reader).contains("HOSTILE could not read " + submissions + "/alice/HttpServer.java")
                .contains("HOSTILE could not read " + Repository.root() + "/pom.xml")
                .doesNotContain("HOSTILE read");
    }

    @Test
    @DisplayName("leaves no process behind: not the daemons, not a server that ignores SIGTERM")
    void leavesNoProcessBehind() {
        assertThat(Sources.processesMentioning("sleep " + mark)).isEmpty();
        assertThat(Sources.processesMentioning(submissions.toString())).isEmpty();
    }

    @Test
    @DisplayName("writes gradebook.csv: a row per student, the failed checks named, a note when checks could not run")
    void writesTheCsvGradebook() throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(rows).hasSize(11);
        assertThat(rows.get(0)).isEqualTo("student,step,passed,total,points,failed_checks,note");
        assertThat(rows.get(1)).isEqualTo("alice,4,27,27,27,,");
        assertThat(rows.get(3)).startsWith("carol,4,0,27,0,\"accepts a request whose lines end with a bare \\n;")
                .endsWith(",\"The server stopped before it printed \"\"Listening on port N\"\".\"");
        assertThat(rows.get(4)).startsWith("dave,4,0,27,0,")
                .endsWith(",\"The server stopped before it printed \"\"Listening on port N\"\".\"");
    }

    @Test
    @DisplayName("writes gradebook.json with the same rows")
    void writesTheJsonGradebook() throws IOException {
        String json = Files.readString(out.resolve("gradebook.json"));
        assertThat(json).startsWith("[\n  {\"student\": \"alice\", \"step\": 4, \"passed\": 27, \"total\": 27,"
                + " \"points\": 27, \"failed_checks\": [], \"note\": \"\"},\n");
        assertThat(json).contains("\n  {\"student\": \"bob\", \"step\": 4, \"passed\": 22, \"total\": 27,"
                + " \"points\": 22, \"failed_checks\": [\"answers 404 Not Found for a directory\","
                + " \"answers 404 Not Found for a link inside htdocs that leads outside\","
                + " \"answers 404 Not Found for a missing file, and goes on serving\","
                + " \"answers 404 Not Found for a path that leads outside htdocs\","
                + " \"answers 404 Not Found for the article's form POST to a missing /form.php\"], \"note\": \"\"},\n");
        assertThat(json).contains("\"note\": \"The server stopped before it printed \\\"Listening on port N\\\".\"");
        assertThat(json).endsWith("}\n]\n");
        assertThat(json.lines().filter(line -> line.startsWith("  {\"student\": "))).hasSize(10);
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
                .contains("Could not find or load main class HttpServer");
    }

    @Test
    @DisplayName("prints a summary table, and exits with 1 because some checks failed")
    void printsASummary() {
        assertThat(screen).contains("sandbox: on: each server sees only its own submission")
                .containsPattern("student +step 4 +points")
                .containsPattern("alice +27/27 +27/27")
                .containsPattern("carol +0/27! +0/27")
                .contains("! = some checks could not run");
        assertThat(exitStatus).isEqualTo(1);
    }

    private static String report(HostileServer hostile) throws IOException {
        return Files.readString(out.resolve("reports").resolve(hostile.student() + ".txt"));
    }

    /** Every file under {@code folder}, by path, with its bytes (one char per byte). */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(paths::add);
        }
        for (Path path : paths) {
            files.put(folder.relativize(path).toString(), new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
        }
        return files;
    }
}
