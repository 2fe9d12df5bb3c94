package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import httpcourse.spec.Repository;
import httpcourse.spec.SpecConfig;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The grader on servers whose flaw is known ({@link KnownWrongServer}): each flaw must be
 * caught by the check meant for it, with the hint that explains it. And this repository's own
 * steps must score every point.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting on servers: beside the other classes (see shared-tests/pom.xml)
@DisplayName("The grader")
class GraderTest {

    // Roomy for a busy 2-core machine.
    private static final Grader.Limits LIMITS = new Grader.Limits(Duration.ofSeconds(30), Duration.ofSeconds(2),
            Duration.ofSeconds(60));
    // Every check waits its whole response timeout in vain: the time limit stops the step early.
    private static final Grader.Limits NEVER_CLOSES_LIMITS = new Grader.Limits(Duration.ofSeconds(30),
            Duration.ofSeconds(1), Duration.ofSeconds(8));

    private static final Map<String, StepResult> RESULTS = new ConcurrentHashMap<>();
    private static final ByteArrayOutputStream REPOSITORY_OUTPUT = new ByteArrayOutputStream();
    private static int repositoryExitStatus;
    private static Path compiledFixtures;

    static Stream<Arguments> flawedServers() {
        return Stream.of(
                arguments("bare-line-endings", 1, "answers GET / HTTP/1.0, typed as in nc or telnet",
                        List.of("Lines end with a bare \\n (LF)", "First difference at byte 15")),
                arguments("not-found-in-capitals", 4, "answers 404 Not Found for a missing file, and goes on serving",
                        List.of("The status line differs in letter case only", "HTTP/1.0 404 NOT FOUND\\r\\n")),
                arguments("never-closes", 1, "answers GET / HTTP/1.0, typed as in nc or telnet",
                        List.of("did not close the connection after its answer", "The bytes themselves were right")),
                arguments("dies-on-empty-connection", 1, "survives a connection that closes without sending anything",
                        List.of("the server has stopped", "exited (exit status 1)", "java.util.NoSuchElementException")),
                arguments("hard-coded-body", 2, "answers GET / HTTP/1.0, typed as in nc or telnet",
                        List.of("instead of hard-coding the page")),
                arguments("serves-outside-htdocs", 4, "answers 404 Not Found for a path that leads outside htdocs",
                        List.of("case: answers 404 Not Found for \"/../pom.xml\"", "climbed out of the web root")));
    }

    /** Everything is graded at once, side by side: most of the time goes to waiting on servers. */
    @BeforeAll
    static void gradeEverything(@TempDir Path classes) {
        compiledFixtures = classes;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Stream<CompletableFuture<?>> fixtures = Stream.concat(
                    flawedServers().map(a -> (String) a.get()[0]),
                    Stream.of("crashes-at-start"))
                    .map(name -> CompletableFuture.runAsync(() -> grade(name, classes.resolve(name)), pool));
            // The one command a person types: every step of this repository, found by pattern.
            CompletableFuture<?> repository = CompletableFuture.runAsync(() -> repositoryExitStatus = Grade.run(
                    new String[] {"--timeout", "2", "--startup-timeout", "30", "--", SpecConfig.javaExecutable(),
                            Repository.root() + "/step{step}-*/src/main/java/HttpServer.java"},
                    new PrintStream(REPOSITORY_OUTPUT, true, StandardCharsets.UTF_8), System.err), pool);
            Stream.concat(fixtures, Stream.of(repository)).toList().forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
    }

    /** Grades a fixture compiled beforehand (the batch test runs fixtures from source, as students do). */
    private static void grade(String fixture, Path classes) {
        int step = fixture.equals("crashes-at-start") ? 1 : flawedServers()
                .filter(a -> a.get()[0].equals(fixture)).map(a -> (int) a.get()[1]).findFirst().orElseThrow();
        Grader.Server server = new Grader.Server.Command(Sources.compiled(Sources.fixture(fixture), classes), null);
        RESULTS.put(fixture, Grader.gradeStep(step, server, fixture.equals("never-closes") ? NEVER_CLOSES_LIMITS : LIMITS));
    }

    @ParameterizedTest(name = "catches {0} with the check \"{2}\" and the right hint")
    @MethodSource("flawedServers")
    void catchesTheFlaw(String fixture, int step, String check, List<String> hints) {
        StepResult result = RESULTS.get(fixture);
        assertThat(result.step()).isEqualTo(step);
        StepResult.Check failed = result.checks().stream().filter(c -> c.name().equals(check)).findFirst().orElseThrow();
        assertThat(failed.passed()).as("the check \"%s\" passed", check).isFalse();
        String reports = failed.failures().stream()
                .map(f -> (f.caseName() == null ? "" : "case: " + f.caseName() + "\n") + f.report())
                .reduce("", String::concat);
        assertThat(reports).contains(hints);
    }

    @Test
    @DisplayName("fails only the 404 checks of a server that writes NOT FOUND in capitals")
    void pinpointsTheNotFoundChecks() {
        assertThat(RESULTS.get("not-found-in-capitals").failedChecks()).extracting(StepResult.Check::name)
                .containsExactlyInAnyOrder(
                        "answers 404 Not Found for a missing file, and goes on serving",
                        "answers 404 Not Found for the article's form POST to a missing /form.php",
                        "answers 404 Not Found for a directory",
                        "answers 404 Not Found for a path that leads outside htdocs");
    }

    @Test
    @DisplayName("fails only the outside-htdocs check of a server that serves /../pom.xml, in each of its cases")
    void pinpointsTheOutsideHtdocsCheck() {
        StepResult result = RESULTS.get("serves-outside-htdocs");
        assertThat(result.failedChecks()).extracting(StepResult.Check::name)
                .containsExactly("answers 404 Not Found for a path that leads outside htdocs");
        assertThat(result.failedChecks().get(0).failures()).extracting(StepResult.Failure::caseName)
                .hasSize(5).allMatch(name -> name.endsWith("a path that leads outside htdocs"));
    }

    @Test
    @DisplayName("scores a server that crashes at start 0 of all its checks, and shows why it crashed")
    void reportsACrashAtStart() {
        StepResult result = RESULTS.get("crashes-at-start");
        assertThat(result.passed()).isZero();
        assertThat(result.total()).isEqualTo(RESULTS.get("bare-line-endings").total()).isGreaterThan(10);
        assertThat(result.problem())
                .contains("The server stopped before it printed \"Listening on port N\".")
                .contains("It crashed at start")
                .contains("java.lang.ArrayIndexOutOfBoundsException: Index 1 out of bounds for length 1");
        assertThat(result.note()).isEqualTo("The server stopped before it printed \"Listening on port N\".");
    }

    @Test
    @DisplayName("stops a step at its time limit, and fails the checks it did not reach")
    void stopsAtTheTimeLimit() {
        StepResult result = RESULTS.get("never-closes");
        assertThat(result.problem()).startsWith("The step reached its time limit of 8 s");
        assertThat(result.checks()).filteredOn(check -> !check.ran()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.failures().get(0).report()).contains("time limit"));
    }

    @Test
    @DisplayName("gives this repository's four steps every point, in one command, with exit status 0")
    void gradesTheRepositoryFully() {
        String output = REPOSITORY_OUTPUT.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("Step 1: Hello World", "Step 2: always index.html",
                "Step 3: the file the request names", "Step 4: 404 Not Found").doesNotContain(Report.FAIL);
        assertThat(output).containsPattern("Total +(\\d+)/\\1\n");
        assertThat(repositoryExitStatus).as(output).isZero();
    }

    @AfterAll
    static void leavesNoProcessBehind() {
        assertThat(Sources.processesMentioning(compiledFixtures.toString())).isEmpty();
    }
}
