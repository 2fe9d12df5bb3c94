package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import httpcourse.spec.Repository;
import httpcourse.spec.SpecConfig;

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
 * Each spec asks for its step's lesson: every step's server fails the next step's spec (and
 * passes its own: its step module proves that). A spec that the previous step's server passed
 * would not ask for anything new, and a student could pass it without doing the step.
 *
 * <p>Each pair names the check of the next spec that shows its lesson, and runs that check only,
 * through the grader ({@link Grader#gradeStep}), as for any student: one failed check is enough to
 * fail a spec, and naming it says what the next step adds.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting on servers: beside the other classes (see grader/pom.xml)
@DisplayName("The specs tell the steps apart")
class SpecsDiscriminateTest {

    // A short response timeout can only fail more checks, never fewer: it cannot change a verdict.
    private static final Grader.Limits LIMITS = new Grader.Limits(Duration.ofSeconds(60), Duration.ofSeconds(2),
            Duration.ofSeconds(180));

    // What each run did, by "server step->spec step", e.g. "2->3": step 2's server on step 3's spec.
    private static final Map<String, StepResult> RUNS = new ConcurrentHashMap<>();

    /** Each step's server, the next step's spec, and the check of that spec that shows the lesson. */
    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(1, 2, "answers index.html whatever the path, even for a file that exists elsewhere"),
                Arguments.of(2, 3, "answers /ipsum.html with ipsum.html: the path picks the file"),
                Arguments.of(3, 4, "answers 404 Not Found for a missing file, and goes on serving"),
                Arguments.of(4, 5, "answers another client while one holds half a request, then that one too"),
                Arguments.of(5, 6, "answers GET / with index.html, Date, Content-Type and Content-Length (in bytes)"),
                Arguments.of(6, 7, "decodes %20: /with%20space.html is the file \"with space.html\""),
                Arguments.of(7, 8, "keeps an HTTP/1.1 connection open: three requests, one after the other, on one"
                        + " connection"),
                Arguments.of(8, 9, "stops on SIGTERM: no new connection, the idle ones closed, the download under way"
                        + " finished, exit status 0"));
    }

    /** Compiles each step's server once, then grades the pairs side by side. */
    @BeforeAll
    static void gradeEveryServerOnTheNextSpec(@TempDir Path classes) throws Exception {
        for (int step : pairs().map(pair -> (int) pair.get()[0]).toList()) {
            Sources.compile(Repository.stepSource(step), Files.createDirectories(classes.resolve("step" + step)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            pairs().map(pair -> {
                int server = (int) pair.get()[0];
                int spec = (int) pair.get()[1];
                String check = (String) pair.get()[2];
                List<String> command = List.of(SpecConfig.javaExecutable(), "-cp",
                        classes.resolve("step" + server).toString(), "HttpServer");
                Grader.ServerUnderTest graded = new Grader.ServerUnderTest.Command(command, null, Sources.sandbox(command));
                return CompletableFuture.runAsync(
                        () -> RUNS.put(server + "->" + spec, Grader.gradeStep(spec, graded, LIMITS,
                                Grader.Progress.SILENT, List.of(check))), pool);
            }).toList().forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest(name = "step {0}''s server fails step {1}''s check \"{2}\"")
    @MethodSource("pairs")
    void eachServerFailsTheNextSpec(int server, int spec, String check) {
        StepResult run = RUNS.get(server + "->" + spec);
        assertThat(run.problem()).as("the step's problem").isNull();
        assertThat(run.checks()).extracting(StepResult.Check::name).containsExactly(check);
        assertThat(run.failedChecks()).as("failed checks").hasSize(1);
    }

    @Test
    @DisplayName("names a pair for every step but the last")
    void coversEveryStep() {
        assertThat(pairs().map(pair -> (int) pair.get()[0])).containsExactlyElementsOf(
                IntStream.range(1, Grader.availableSteps().size()).boxed().toList());
    }
}
