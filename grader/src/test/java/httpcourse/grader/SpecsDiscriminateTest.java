package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

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
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Each spec defines its step and no other: every step's server passes its own spec and fails
 * every other step's. A spec that some other step's server passed would not tell the steps
 * apart, and a student could pass it without doing the step.
 *
 * <p>The specs run through the JUnit Platform Launcher, as the step modules run them, 16 times.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting on servers: beside the other classes (see shared-tests/pom.xml)
@DisplayName("The specs tell the steps apart")
class SpecsDiscriminateTest {

    private static final int STEPS = 4;

    // What each run did, by "server step->spec step", e.g. "2->3": step 2's server on step 3's spec.
    private static final Map<String, TestExecutionSummary> RUNS = new ConcurrentHashMap<>();

    static Stream<Arguments> pairs() {
        return IntStream.rangeClosed(1, STEPS).boxed().flatMap(server -> IntStream.rangeClosed(1, STEPS)
                .mapToObj(spec -> Arguments.of(server, spec, server.equals(spec) ? "passes" : "fails")));
    }

    /** Compiles each step's server once, then runs the 16 pairs side by side. */
    @BeforeAll
    static void runEveryServerAgainstEverySpec(@TempDir Path classes) throws Exception {
        for (int step = 1; step <= STEPS; step++) {
            Path output = Files.createDirectories(classes.resolve("step" + step));
            int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                    "-d", output.toString(), Repository.stepSource(step).toString());
            assertThat(status).as("javac %s", Repository.stepSource(step)).isZero();
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            pairs().map(pair -> {
                int server = (int) pair.get()[0];
                int spec = (int) pair.get()[1];
                return CompletableFuture.runAsync(
                        () -> RUNS.put(server + "->" + spec, run(spec, classes.resolve("step" + server))), pool);
            }).toList().forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
    }

    private static TestExecutionSummary run(int spec, Path serverClasses) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("httpcourse.spec"))
                .filters(TagFilter.includeTags("step" + spec)) // untagged classes, this one included, stay out
                .configurationParameter(SpecConfig.CLASSES, serverClasses.toString())
                .configurationParameter(SpecConfig.STARTUP_TIMEOUT, "30")
                .configurationParameter(SpecConfig.RESPONSE_TIMEOUT, "2")
                .build(), summary);
        return summary.getSummary();
    }

    @ParameterizedTest(name = "step {0}''s server {2} step {1}''s spec")
    @MethodSource("pairs")
    void eachServerPassesOnlyItsOwnSpec(int server, int spec, String verdict) {
        TestExecutionSummary run = RUNS.get(server + "->" + spec);
        assertThat(run.getTestsStartedCount()).as("checks run").isGreaterThan(10);
        if (server == spec) {
            assertThat(run.getTotalFailureCount()).as("failed checks").isZero();
        } else {
            assertThat(run.getTestsFailedCount()).as("failed checks").isPositive();
        }
    }
}
