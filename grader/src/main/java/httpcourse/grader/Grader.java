package httpcourse.grader;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import httpcourse.spec.Hint;
import httpcourse.spec.Sandbox;
import httpcourse.spec.SpecConfig;

import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a step's spec against any server, through the JUnit Platform Launcher: the very same
 * spec classes that every step module runs with Maven, never a copy of their checks.
 * A step is a tag ({@code @Tag("step4")}), selected exactly as the step modules' Surefire
 * {@code groups} select it.
 */
public final class Grader {

    static final String SPEC_PACKAGE = "httpcourse.spec";
    private static final Pattern STEP_TAG = Pattern.compile("step(\\d+)");

    // Cancels a step that runs too long. Daemon: it never keeps the grader's JVM alive.
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "grader-time-limit");
        thread.setDaemon(true);
        return thread;
    });

    private Grader() {
    }

    /**
     * How long to wait for what.
     *
     * @param startup  for the server to print its port (or for its fixed port to accept)
     * @param response for each whole response, up to the closed connection
     * @param perStep  for a whole step; the checks not reached by then fail
     */
    public record Limits(Duration startup, Duration response, Duration perStep) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(3),
                Duration.ofSeconds(60));
    }

    /**
     * The server under test, as the grader knows it: a command that starts it, or the address of a
     * server already running. The specs meet it as their {@link httpcourse.spec.ServerUnderTest}.
     */
    public sealed interface ServerUnderTest {

        /** The spec's configuration parameters (see {@link SpecConfig}) for this server. */
        Map<String, String> parameters();

        /** The server as a person would type it, for reports. */
        String describe();

        /**
         * A command, started by the spec in a fresh temporary folder with a generated htdocs/.
         *
         * @param words     the program and its arguments, with absolute paths
         * @param fixedPort null when the server takes its port as first argument and prints
         *                  "Listening on port N"; otherwise the port it always uses
         * @param sandbox   where it runs: {@link Sandbox#NONE}, or a sandbox that shows it its own files only
         */
        record Command(List<String> words, Integer fixedPort, Sandbox sandbox) implements ServerUnderTest {
            public Command {
                words = List.copyOf(words);
            }

            @Override
            public Map<String, String> parameters() {
                Map<String, String> parameters = new LinkedHashMap<>();
                parameters.put(SpecConfig.COMMAND, String.join("\n", words)); // one word per line: spaces survive
                if (fixedPort != null) {
                    parameters.put(SpecConfig.PORT, fixedPort.toString());
                }
                parameters.put(SpecConfig.SANDBOX, Boolean.toString(sandbox.isOn()));
                parameters.put(SpecConfig.SANDBOX_SHOW, lines(sandbox.shown()));
                parameters.put(SpecConfig.SANDBOX_HIDE, lines(sandbox.hidden()));
                return parameters;
            }

            private static String lines(List<Path> paths) {
                return String.join("\n", paths.stream().map(Path::toString).toList());
            }

            @Override
            public String describe() {
                return String.join(" ", words) + (fixedPort == null ? " 0" : "   (on port " + fixedPort + ")");
            }
        }

        /** A server somebody already started, at host:port, in {@code workingDirectory}. */
        record Running(String address, Path workingDirectory) implements ServerUnderTest {
            @Override
            public Map<String, String> parameters() {
                return Map.of(SpecConfig.ADDRESS, address, SpecConfig.WORKDIR, workingDirectory.toString());
            }

            @Override
            public String describe() {
                return "the server at " + address + " (working directory " + workingDirectory + ")";
            }
        }
    }

    /** The steps the specs define, from their tags: [1, 2, 3, 4]. */
    public static List<Integer> availableSteps() {
        TestPlan plan = LauncherFactory.create().discover(
                LauncherDiscoveryRequestBuilder.request().selectors(selectPackage(SPEC_PACKAGE)).build());
        TreeSet<Integer> steps = new TreeSet<>();
        plan.getRoots().forEach(root -> plan.getDescendants(root).forEach(identifier ->
                identifier.getTags().forEach(tag -> {
                    Matcher m = STEP_TAG.matcher(tag.getName());
                    if (m.matches()) {
                        steps.add(Integer.parseInt(m.group(1)));
                    }
                })));
        return List.copyOf(steps);
    }

    /** Hears of a step as it runs, for a person watching: each check as soon as it is decided. */
    public interface Progress {
        Progress SILENT = new Progress() { };

        default void stepStarted(String title, String command) {
        }

        default void checkDone(StepResult.Check check) {
        }
    }

    /**
     * Grades one step of the server: starts it, runs the step's spec, stops it.
     *
     * @param checks only the checks whose name holds one of these words (letter case aside);
     *               empty: every check of the step
     */
    public static StepResult gradeStep(int step, ServerUnderTest server, Limits limits, Progress progress,
                                       List<String> checks) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(SPEC_PACKAGE))
                .filters(TagFilter.includeTags("step" + step), onlyChecksNamed(checks))
                .configurationParameters(server.parameters())
                .configurationParameter(SpecConfig.STARTUP_TIMEOUT, seconds(limits.startup()))
                .configurationParameter(SpecConfig.RESPONSE_TIMEOUT, seconds(limits.response()))
                .build();
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(request);
        CheckCollector collector = new CheckCollector(plan, progress::checkDone);
        if (collector.isEmpty()) {
            throw new IllegalArgumentException(checks.isEmpty()
                    ? "There is no step " + step + ": the steps are " + availableSteps()
                    : "No check of step " + step + " has \"" + String.join("\" or \"", checks) + "\" in its name");
        }
        progress.stepStarted(collector.title(), server.describe());
        // JUnit stops starting checks once cancelled; each check is short (every exchange has a
        // timeout), so the step ends soon after its limit, and the server is stopped as usual.
        CancellationToken cancellation = CancellationToken.create();
        ScheduledFuture<?> timer = TIMER.schedule(cancellation::cancel, limits.perStep().toMillis(), TimeUnit.MILLISECONDS);
        try {
            launcher.execute(LauncherExecutionRequestBuilder.request(plan)
                    .listeners(collector).cancellationToken(cancellation).build());
        } finally {
            timer.cancel(false);
        }
        StepResult.Problem problem;
        String notRun;
        if (cancellation.isCancellationRequested() && collector.unfinished() > 0) {
            Hint hint = new Hint(Hint.Id.TIME_LIMIT, "A server that never answers, or never closes the connection,"
                    + " makes every check wait for the response timeout: fix that first.");
            problem = new StepResult.Problem("The step reached its time limit of " + limits.perStep().toSeconds()
                    + " s and was stopped: the checks it had not reached count as failed.\n" + hint.render(),
                    List.of(hint));
            notRun = "Not run: the step reached its time limit.";
        } else {
            problem = collector.containerFailure();
            notRun = "Not run: the server did not start (see above).";
        }
        return new StepResult(step, collector.title(), server.describe(), collector.checks(notRun), problem,
                collector.serverStops());
    }

    public static StepResult gradeStep(int step, ServerUnderTest server, Limits limits, Progress progress) {
        return gradeStep(step, server, limits, progress, List.of());
    }

    public static StepResult gradeStep(int step, ServerUnderTest server, Limits limits) {
        return gradeStep(step, server, limits, Progress.SILENT);
    }

    /**
     * Keeps the checks whose display name holds one of {@code words}. JUnit applies it to the
     * checks found: test methods, and parameterized tests (whose cases come later, under them).
     */
    private static PostDiscoveryFilter onlyChecksNamed(List<String> words) {
        return descriptor -> FilterResult.includedIf(words.isEmpty()
                || words.stream().anyMatch(word -> holds(descriptor.getDisplayName(), word)));
    }

    /** Whether a check's name holds a word, letter case aside. */
    static boolean holds(String checkName, String word) {
        return checkName.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
    }

    /** The names of a step's checks (found, not run): test methods and parameterized tests. */
    static List<String> checkNames(int step) {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(SPEC_PACKAGE)).filters(TagFilter.includeTags("step" + step)).build());
        return new CheckCollector(plan, check -> { }).checks("").stream().map(StepResult.Check::name).toList();
    }

    private static String seconds(Duration duration) {
        return Double.toString(duration.toMillis() / 1000.0);
    }
}
