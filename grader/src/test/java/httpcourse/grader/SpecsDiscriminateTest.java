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
 * <p>The specs run through the grader ({@link Grader#gradeStep}), as for any student.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting on servers: beside the other classes (see grader/pom.xml)
@DisplayName("The specs tell the steps apart")
class SpecsDiscriminateTest {

    private static final int STEPS = 7;
    // A short response timeout can only fail more checks, never fewer: it cannot change a verdict.
    private static final Grader.Limits LIMITS = new Grader.Limits(Duration.ofSeconds(60), Duration.ofSeconds(2),
            Duration.ofSeconds(180));

    // What each run did, by "server step->spec step", e.g. "2->3": step 2's server on step 3's spec.
    private static final Map<String, StepResult> RUNS = new ConcurrentHashMap<>();

    /** Each step's server on the next step's spec. */
    static Stream<Arguments> pairs() {
        return IntStream.range(1, STEPS).mapToObj(step -> Arguments.of(step, step + 1, "fails"));
    }

    /** Compiles each step's server once, then grades the pairs side by side. */
    @BeforeAll
    static void gradeEveryServerOnTheNextSpec(@TempDir Path classes) throws Exception {
        for (int step = 1; step < STEPS; step++) {
            Sources.compile(Repository.stepSource(step), Files.createDirectories(classes.resolve("step" + step)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(STEPS - 1);
        try {
            pairs().map(pair -> {
                int server = (int) pair.get()[0];
                int spec = (int) pair.get()[1];
                List<String> command = List.of(SpecConfig.javaExecutable(), "-cp",
                        classes.resolve("step" + server).toString(), "HttpServer");
                Grader.ServerUnderTest graded = new Grader.ServerUnderTest.Command(command, null, Sources.sandbox(command));
                return CompletableFuture.runAsync(
                        () -> RUNS.put(server + "->" + spec, Grader.gradeStep(spec, graded, LIMITS)), pool);
            }).toList().forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest(name = "step {0}''s server {2} step {1}''s spec")
    @MethodSource("pairs")
    void eachServerFailsTheNextSpec(int server, int spec, String verdict) {
        StepResult run = RUNS.get(server + "->" + spec);
        assertThat(run.problem()).as("the step's problem").isNull();
        assertThat(run.total()).as("checks").isGreaterThan(10);
        assertThat(run.failedChecks()).as("failed checks").isNotEmpty();
    }
}
