package httpcourse.grader;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import httpcourse.spec.Check;
import httpcourse.spec.Course;
import httpcourse.spec.CourseSpec;
import httpcourse.spec.Sandbox;
import httpcourse.spec.SpecConfig;

import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a step's spec against any server, through the JUnit Platform Launcher: the very same
 * {@link CourseSpec} that every step module runs with Maven, with the same list of checks
 * ({@link Course}), never a copy of them.
 */
public final class Grader {

    private Grader() {
    }

    /**
     * How long to wait for what: fail-safes, which a correct server never comes near.
     *
     * @param startup  for the server to print its port (or for its fixed port to accept)
     * @param response for each whole response, up to the closed connection
     */
    public record Limits(Duration startup, Duration response) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    /**
     * The server to grade, as the grader knows it: a command that starts it, or the address of a
     * server already running. Once it runs, the checks talk to it as their server under test
     * ({@link httpcourse.spec.ServerUnderTest}): that name is for the running server only.
     */
    public sealed interface ServerToGrade {

        /** The spec's configuration parameters (see {@link SpecConfig}) for this server. */
        Map<String, String> parameters();

        /** The server as a person would type it, for reports. */
        String describe();

        /**
         * A command, started by the spec in a fresh temporary folder with a generated htdocs/.
         *
         * @param words     the program and its arguments, with absolute paths
         * @param given     the command as the instructor gave it, for reports ({@code java Server.java}, where
         *                  {@code words} runs the classes compiled from it: see {@link ServerCommand#compiled})
         * @param fixedPort null when the server takes its port as first argument and prints
         *                  "Listening on port N"; otherwise the port it always uses
         * @param sandbox   where it runs: {@link Sandbox#NONE}, or a sandbox that shows it its own files only
         */
        record Command(List<String> words, List<String> given, Integer fixedPort, Sandbox sandbox)
                implements ServerToGrade {
            public Command {
                words = List.copyOf(words);
                given = List.copyOf(given);
            }

            /** A command run as it was given. */
            public Command(List<String> words, Integer fixedPort, Sandbox sandbox) {
                this(words, words, fixedPort, sandbox);
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
                return String.join(" ", given) + (fixedPort == null ? " 0" : "   (on port " + fixedPort + ")");
            }
        }

        /** A server somebody already started, at host:port, in {@code workingDirectory}. */
        record Running(String address, Path workingDirectory) implements ServerToGrade {
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

    /** The steps the course has: [1, 2, ... 14]. */
    public static List<Integer> availableSteps() {
        return Course.steps().stream().map(Course.Step::number).toList();
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
     * Grades one step of the server: runs the step's spec ({@link CourseSpec}) against it, every
     * check to its end. No limit of time for the whole step: each check waits only as long as its
     * own fail-safes allow, so that a score measures the server, never the machine's speed.
     *
     * @param checks only the checks whose name holds one of these words (letter case aside);
     *               empty: every check of the step
     */
    public static StepResult gradeStep(int step, ServerToGrade server, Limits limits, Progress progress,
                                       List<String> checks) {
        Course.Step spec = Course.step(step);
        SpecConfig selection = new SpecConfig(key -> key.equals(SpecConfig.CHECKS)
                ? java.util.Optional.of(String.join("\n", checks)) : java.util.Optional.empty());
        List<String> names = spec.checks().stream().map(Check::name).filter(selection::selects).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("No check of step " + step + " has \"" + String.join("\" or \"", checks)
                    + "\" in its name");
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(CourseSpec.class))
                .configurationParameters(server.parameters())
                .configurationParameter(SpecConfig.STEP, Integer.toString(step))
                .configurationParameter(SpecConfig.OWN_SERVER_CHECKS, "all") // never a -D's "lesson": a grade counts all
                .configurationParameter(SpecConfig.CHECKS, String.join("\n", checks))
                .configurationParameter(SpecConfig.STARTUP_TIMEOUT, seconds(limits.startup()))
                .configurationParameter(SpecConfig.RESPONSE_TIMEOUT, seconds(limits.response()))
                .build();
        CheckCollector collector = new CheckCollector(names, progress::checkDone);
        progress.stepStarted(spec.heading(), server.describe());
        LauncherFactory.create().execute(request, collector);
        return new StepResult(step, spec.heading(), server.describe(), collector.checks(),
                collector.problem(), collector.serverStops());
    }

    public static StepResult gradeStep(int step, ServerToGrade server, Limits limits, Progress progress) {
        return gradeStep(step, server, limits, progress, List.of());
    }

    public static StepResult gradeStep(int step, ServerToGrade server, Limits limits) {
        return gradeStep(step, server, limits, Progress.SILENT);
    }

    /** Whether a check's name holds a word, letter case aside. */
    static boolean holds(String checkName, String word) {
        return SpecConfig.holds(checkName, word);
    }

    /** The names of a step's checks, in their order. */
    static List<String> checkNames(int step) {
        return Course.step(step).checks().stream().map(Check::name).toList();
    }

    private static String seconds(Duration duration) {
        return Double.toString(duration.toMillis() / 1000.0);
    }
}
