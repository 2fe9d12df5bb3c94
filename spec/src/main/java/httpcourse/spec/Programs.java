package httpcourse.spec;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The programs the sandbox calls on (bwrap, env, any command): whether they are there, and what they know. */
final class Programs {

    private Programs() {
    }

    /**
     * Whether this bubblewrap has an option: 0.8.0 brought --disable-userns and --size (Debian 12,
     * Ubuntu 24.04); Ubuntu 22.04 has 0.6, and would refuse the sandbox for an unknown option.
     */
    static boolean bwrapKnows(String option) {
        if (bwrapHelp == null) {
            try {
                Process help = new ProcessBuilder("bwrap", "--help").redirectErrorStream(true).start();
                help.getOutputStream().close();
                bwrapHelp = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                help.waitFor(10, TimeUnit.SECONDS); // a fail-safe: it prints and exits
            } catch (IOException e) {
                bwrapHelp = "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                bwrapHelp = "";
            }
        }
        return Pattern.compile("(?m)^\\s*" + Pattern.quote(option) + "\\b").matcher(bwrapHelp).find();
    }

    private static volatile String bwrapHelp;

    /**
     * "env --default-signal=INT" (GNU coreutils 8.31 and later), where this system has it; nothing
     * elsewhere. A shell starts its background jobs with SIGINT ignored, and a process passes that
     * on to the processes it starts: a grader run in the background would start servers for which
     * Ctrl+C (SIGINT, which the specs of step 9 send) does nothing. env sets it back to the
     * default, then runs the server in its own process: the server gets SIGINT as in a terminal.
     */
    static List<String> sigintAsDefault() {
        if (sigintAsDefault == null) {
            sigintAsDefault = runs(List.of("env", "--default-signal=INT", "true"))
                    ? List.of("env", "--default-signal=INT") : List.of();
        }
        return sigintAsDefault;
    }

    private static volatile List<String> sigintAsDefault;

    /** Whether {@code command} runs and exits with status 0 (within a fail-safe of 10 s). */
    static boolean runs(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The program as the process would find it: a path, or a name looked up on the PATH. */
    static Optional<Path> findProgram(String word) {
        if (word.contains(File.separator)) {
            Path path = Path.of(word).toAbsolutePath();
            return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(searchPath.split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, word))
                .filter(candidate -> Files.isExecutable(candidate) && !Files.isDirectory(candidate))
                .findFirst();
    }
}
