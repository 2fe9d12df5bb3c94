package httpcourse.spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which server the specs test, from JUnit configuration parameters (or -D system properties).
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><td>httpspec.step</td><td>the step whose checks run ({@link Course})</td></tr>
 * <tr><td>httpspec.checks</td><td>only the checks whose name holds one of these words (one per line,
 *     letter case aside); empty: every check of the step</td></tr>
 * <tr><td>httpspec.command</td><td>the command that starts the server, one argument per line
 *     (or separated by spaces when it has no line breaks); "0" is appended: the port</td></tr>
 * <tr><td>httpspec.classes</td><td>a folder with a compiled HttpServer class: the command becomes
 *     "java -cp FOLDER HttpServer", with a few JVM options ({@link #compiledServer}): what every step module uses</td></tr>
 * <tr><td>httpspec.ownServerChecks</td><td>"all" (the default): every check; "lesson": a check on a server of
 *     its own runs only at the step that teaches it and at the last step, and is reported skipped elsewhere (what
 *     the step modules do, for time: CI runs them with "all")</td></tr>
 * <tr><td>httpspec.port</td><td>the server always uses this port: nothing is appended, the spec
 *     waits until the port accepts connections</td></tr>
 * <tr><td>httpspec.address + httpspec.workdir</td><td>a server that is already running at
 *     host:port, in working directory workdir (the spec writes its web root there)</td></tr>
 * <tr><td>httpspec.startupTimeout, httpspec.responseTimeout</td><td>seconds (30 and 10: fail-safes for a busy machine, which a correct server never comes near)</td></tr>
 * <tr><td>httpspec.sandbox</td><td>true: the server runs in a {@link Sandbox} (bubblewrap); default false</td></tr>
 * <tr><td>httpspec.sandbox.show, httpspec.sandbox.hide</td><td>paths, one per line: what the sandbox shows
 *     (read-only) and hides besides its private places</td></tr>
 * </table>
 */
public record SpecConfig(Function<String, Optional<String>> parameters) {

    public static final String STEP = "httpspec.step";
    public static final String CHECKS = "httpspec.checks";
    public static final String COMMAND = "httpspec.command";
    public static final String CLASSES = "httpspec.classes";
    public static final String OWN_SERVER_CHECKS = "httpspec.ownServerChecks";
    public static final String PORT = "httpspec.port";
    public static final String ADDRESS = "httpspec.address";
    public static final String WORKDIR = "httpspec.workdir";
    public static final String STARTUP_TIMEOUT = "httpspec.startupTimeout";
    public static final String RESPONSE_TIMEOUT = "httpspec.responseTimeout";
    public static final String SANDBOX = "httpspec.sandbox";
    public static final String SANDBOX_SHOW = "httpspec.sandbox.show";
    public static final String SANDBOX_HIDE = "httpspec.sandbox.hide";

    public List<String> command() {
        Optional<String> command = parameters.apply(COMMAND).filter(c -> !c.isBlank());
        if (command.isPresent()) {
            String value = command.get().strip();
            return Arrays.asList(value.contains("\n") ? value.split("\n") : value.split("\\s+"));
        }
        Optional<String> classes = parameters.apply(CLASSES).filter(c -> !c.isBlank());
        if (classes.isPresent()) {
            return compiledServer(Path.of(classes.get()));
        }
        throw new IllegalArgumentException("No server to test: set " + COMMAND + " (the command that starts it), "
                + CLASSES + " (a folder with a compiled HttpServer) or " + ADDRESS + " (a running server).");
    }

    /** The step whose checks run. */
    public int step() {
        return parameters.apply(STEP).filter(p -> !p.isBlank()).map(p -> Integer.parseInt(p.strip()))
                .orElseThrow(() -> new IllegalArgumentException("Which step? Set " + STEP + " (a number)."));
    }

    /** Whether a check on a server of its own runs at every step that has it, or only where its lesson is taught. */
    public boolean ownServerChecksAtEveryStep() {
        String value = parameters.apply(OWN_SERVER_CHECKS).map(String::strip).filter(v -> !v.isEmpty()).orElse("all");
        if (!value.equals("all") && !value.equals("lesson")) {
            throw new IllegalArgumentException(OWN_SERVER_CHECKS + " is \"all\" or \"lesson\", not \"" + value + "\"");
        }
        return value.equals("all");
    }

    /** Whether a check of that name runs: every one, or those whose name holds one of the words asked for. */
    public boolean selects(String checkName) {
        List<String> words = parameters.apply(CHECKS).stream().flatMap(String::lines).map(String::strip)
                .filter(word -> !word.isEmpty()).toList();
        return words.isEmpty() || words.stream().anyMatch(word -> holds(checkName, word));
    }

    /** Whether a check's name holds a word, letter case aside. */
    public static boolean holds(String checkName, String word) {
        return checkName.toLowerCase(java.util.Locale.ROOT).contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    public Optional<Integer> fixedPort() {
        return parameters.apply(PORT).filter(p -> !p.isBlank()).map(p -> Integer.parseInt(p.strip()));
    }

    public Optional<String> address() {
        return parameters.apply(ADDRESS).filter(a -> !a.isBlank()).map(String::strip);
    }

    public Optional<Path> workingDirectory() {
        return parameters.apply(WORKDIR).filter(w -> !w.isBlank()).map(w -> Path.of(w.strip()));
    }

    public Duration startupTimeout() {
        return seconds(STARTUP_TIMEOUT, 30);
    }

    public Duration responseTimeout() {
        return seconds(RESPONSE_TIMEOUT, 10);
    }

    /** Where the server runs: in the sandbox only when asked (the grader asks; the step modules do not). */
    public Sandbox sandbox() {
        boolean on = parameters.apply(SANDBOX).map(value -> Boolean.parseBoolean(value.strip())).orElse(false);
        return on ? Sandbox.bubblewrap(paths(SANDBOX_SHOW), paths(SANDBOX_HIDE)) : Sandbox.NONE;
    }

    private List<Path> paths(String key) {
        return parameters.apply(key).stream().flatMap(String::lines).map(String::strip)
                .filter(line -> !line.isEmpty()).map(Path::of).toList();
    }

    private Duration seconds(String key, double fallback) {
        double value = parameters.apply(key).map(s -> Double.parseDouble(s.strip())).orElse(fallback);
        return Duration.ofMillis((long) (value * 1000));
    }

    /**
     * The command that runs a compiled HttpServer, as the tests of this repository do. A server
     * under test lives for seconds: compiled by C1 alone, with the serial collector, it spends less
     * CPU than it would on C2's compiling and the parallel collector's threads, and behaves the same.
     */
    public static List<String> compiledServer(Path classes) {
        return List.of(javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classes.toString(),
                "HttpServer");
    }

    /** The java of the JVM running the specs: the server runs on the same JDK. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
