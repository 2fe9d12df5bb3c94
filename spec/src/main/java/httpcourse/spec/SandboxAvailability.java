package httpcourse.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Whether a {@link Sandbox} can be made on this machine: Linux, bubblewrap and util-linux
 * installed, and a first sandbox that runs {@code true}. When not, why, in words that say what to
 * do. It runs bwrap, which takes a moment: {@link Sandbox#unavailable} asks once and remembers.
 */
final class SandboxAvailability {

    private SandboxAvailability() {
    }

    /** Why a sandbox cannot be made here, and what to do; empty when it can. */
    static Optional<String> findWhyUnavailable() {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            return Optional.of("The sandbox that protects your files from the servers needs Linux (bubblewrap)."
                    + " On macOS or Windows, grade code you have not read in a Linux virtual machine, in WSL 2"
                    + " or in a container: docs/instructors.md says how.");
        }
        // Root's sandbox drops to nobody with setpriv (util-linux, like prlimit).
        Optional<String> missing = Stream.of("bwrap", "prlimit", "setpriv")
                .filter(name -> !name.equals("setpriv") || DiskBudget.isRoot())
                .filter(name -> Programs.findProgram(name).isEmpty()).findFirst();
        if (missing.isPresent()) {
            return Optional.of("The sandbox that protects your files from the servers needs bubblewrap (bwrap)"
                    + " and util-linux (prlimit, setpriv), and " + missing.get()
                    + " is not installed. Install them:\n  sudo apt-get install bubblewrap util-linux   (Debian, Ubuntu)"
                    + "\n  sudo dnf install bubblewrap util-linux       (Fedora)");
        }
        return tryOnce().map(error -> "bubblewrap is installed but cannot make a sandbox here:\n  " + error
                + "\nThe sandbox needs user namespaces for ordinary users (the server runs as nobody in one, even"
                + " when root grades), and, as root, the right to mount. On Ubuntu 24.04 and later, AppArmor"
                + " restricts user namespaces: docs/instructors.md says what to do. Most containers (Gradescope's,"
                + " PrairieLearn's) allow neither: there, the container is the sandbox.");
    }

    /** Runs {@code true} in a sandbox; returns bwrap's complaint when that fails. */
    private static Optional<String> tryOnce() {
        Path folder = TemporaryFolders.create("httpspec-sandbox-check-");
        try {
            List<String> command = Sandbox.bubblewrap(List.of(), List.of()).wrap(List.of("true"), folder);
            Process trial = new ProcessBuilder(command).redirectErrorStream(true).start();
            trial.getOutputStream().close();
            byte[] output = trial.getInputStream().readAllBytes(); // ends when the sandbox ends
            // A fail-safe only: the sandbox ends as soon as "true" does.
            if (!trial.waitFor(60, TimeUnit.SECONDS) || trial.exitValue() != 0) {
                trial.destroyForcibly();
                return Optional.of(new String(output, StandardCharsets.UTF_8).strip());
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } finally {
            TemporaryFolders.delete(folder);
        }
    }
}
