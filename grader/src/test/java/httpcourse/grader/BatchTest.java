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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import httpcourse.spec.ArticleChecks;
import httpcourse.spec.Check;
import httpcourse.spec.Course;
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
        handIn("bob", ArticleFixtures.NOT_FOUND_IN_CAPITALS.source());
        handIn("carol", ArticleFixtures.CRASHES_AT_START.source());
        Files.createDirectories(submissions.resolve("dave")); // handed in nothing
        handIn("zoe", Files.readString(Repository.stepSource(4)));
        for (HostileServer hostile : HostileServer.values()) {
            handIn(hostile.student(), hostile.source(submissions, Path.of("").toAbsolutePath(), mark));
        }
        filesBefore = contents(submissions);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Fail-safes only: every server here answers at once, or never starts.
        exitStatus = Grade.run(new String[] {"--batch", submissions.toString(), "--step", "4",
                "--command", SpecConfig.javaExecutable() + " -cp {dir} HttpServer", "--out", out.toString(),
                "--jobs", "2", "--timeout", "10", "--startup-timeout", "120"},
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
        String allPassed = "," + CHECKS + "," + CHECKS + "," + CHECKS + "," + "1,".repeat(CHECKS); // score, max,
        // step 4's points, each check, no note
        assertThat(rows).contains("alice" + allPassed, "zoe" + allPassed);
        assertThat(failedChecks("bob")).containsExactly(BOB_FAILS);
        // The attackers' servers work otherwise: the sandbox lets them be graded like everybody.
        assertThat(rows).contains("mallory-writes-outside" + allPassed, "mallory-changes-a-classmate" + allPassed,
                "mallory-leaves-a-daemon" + allPassed, "mallory-ignores-sigterm" + allPassed);
    }

    // Step 4's checks: bob's server fails the five of a 404 (their order is the step's).
    private static final int CHECKS = Course.step(4).checks().size();
    private static final String[] BOB_FAILS = Stream.of(ArticleChecks.MISSING_FILE, ArticleChecks.FORM_TO_A_MISSING_FILE,
            ArticleChecks.FOLDER, ArticleChecks.OUTSIDE, ArticleChecks.LINK_OUTSIDE).map(Check::name)
            .toArray(String[]::new);

    /** The checks a student failed, read from gradebook.csv: the columns where the row holds 0. */
    private static List<String> failedChecks(String student) throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        List<String> header = csvFields(rows.get(0));
        List<String> row = csvFields(rows.stream().filter(r -> r.startsWith(student + ",")).findFirst().orElseThrow());
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).matches("4\\.\\d+ .*") && row.get(i).equals("0")) {
                failed.add(header.get(i).replaceFirst("4\\.\\d+ ", ""));
            }
        }
        return failed;
    }

    /** The fields of a CSV line (RFC 4180: a field in quotes may hold commas, and "" for a quote). */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
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
    @DisplayName("writes gradebook.csv: a row per student, score and max, a column per check, a note when checks could not run")
    void writesTheCsvGradebook() throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(rows).hasSize(11);
        // A name with a comma in quotes (RFC 4180).
        assertThat(rows.get(0)).startsWith("student,score,max,step 4,\"4.1 answers GET / HTTP/1.0, typed as in nc or"
                + " telnet\",").endsWith(",note");
        assertThat(csvFields(rows.get(0))).hasSize(3 + 1 + CHECKS + 1);
        assertThat(rows.get(2)).startsWith("bob," + (CHECKS - 5) + "," + CHECKS + "," + (CHECKS - 5) + ",");
        String didNotStart = ",\"step 4: The server stopped before it printed \"\"Listening on port N\"\".\"";
        assertThat(rows.get(3)).isEqualTo("carol,0," + CHECKS + ",0," + "0,".repeat(CHECKS) + didNotStart.substring(1));
        assertThat(rows.get(4)).isEqualTo("dave,0," + CHECKS + ",0," + "0,".repeat(CHECKS) + didNotStart.substring(1));
    }

    @Test
    @DisplayName("writes gradebook.json: each student's checks, with the ids of their hints")
    void writesTheJsonGradebook() throws IOException {
        JsonNode rows = new ObjectMapper().readTree(Files.readString(out.resolve("gradebook.json")));
        assertThat(rows).hasSize(10);
        JsonNode bob = rows.get(1);
        assertThat(bob.get("student").asText()).isEqualTo("bob");
        assertThat(bob.get("score").asInt()).isEqualTo(CHECKS - 5);
        assertThat(bob.get("max").asInt()).isEqualTo(CHECKS);
        JsonNode step = bob.get("steps").get(0);
        assertThat(step.get("step").asInt()).isEqualTo(4);
        assertThat(step.get("passed").asInt()).isEqualTo(CHECKS - 5);
        assertThat(step.get("note").asText()).isEmpty();
        List<JsonNode> failed = new ArrayList<>();
        step.get("checks").forEach(check -> {
            if (!check.get("passed").asBoolean()) {
                failed.add(check);
            }
        });
        assertThat(failed).extracting(check -> check.get("name").asText()).containsExactly(BOB_FAILS);
        assertThat(failed).allSatisfy(check -> assertThat(check.get("hints")).extracting(JsonNode::asText)
                .contains("STATUS_LINE_CASE"));
        JsonNode carol = rows.get(2).get("steps").get(0);
        assertThat(carol.get("note").asText()).isEqualTo("The server stopped before it printed \"Listening on port N\".");
        assertThat(carol.get("problem_hints")).extracting(JsonNode::asText).containsExactly("CRASHED_AT_START");
        assertThat(carol.get("checks")).allSatisfy(check -> assertThat(check.get("ran").asBoolean()).isFalse());
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
        assertThat(Files.readString(out.resolve("reports/bob.html")))
                .contains("<li id=\"step4-check", "<b>Hint: The status line differs in letter case only");
    }

    @Test
    @DisplayName("writes gradebook.html: a row per student, a cell per check, each failure's hint in it")
    void writesTheHtmlGradebook() throws IOException {
        assertThat(Files.readString(out.resolve("gradebook.html")))
                .containsSubsequence("<tr id=\"student-alice\">", CHECKS + "/" + CHECKS, "</tr>")
                .containsSubsequence("<tr id=\"student-bob\">", (CHECKS - 5) + "/" + CHECKS, "<details>",
                        "The status line differs in letter case only", "reports/bob.html#step4-check", "</tr>");
    }

    @Test
    @DisplayName("prints a summary table, and exits with 1 because some checks failed")
    void printsASummary() {
        assertThat(screen).contains("sandbox: on: each server sees only its own submission")
                .containsPattern("student +step 4 +points")
                .containsPattern("alice +" + CHECKS + "/" + CHECKS + " +" + CHECKS + "/" + CHECKS)
                .containsPattern("carol +0/" + CHECKS + "! +0/" + CHECKS)
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
