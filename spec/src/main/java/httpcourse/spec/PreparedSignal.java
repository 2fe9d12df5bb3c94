package httpcourse.spec;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A signal for a process, ready to go: a shell started beforehand waits for a line, then sends the
 * signal with its own kill. Sending it then starts no process, which takes tens of milliseconds on a
 * busy machine: for a check that must stop a server at a given moment ({@link Stopping#queueAndStop}).
 * {@link ServerProcess#signal} prepares one and sends it at once. Closed unsent, it sends nothing.
 */
final class PreparedSignal implements AutoCloseable {

    /** A fail-safe for what takes a millisecond: the shell's kill. */
    private static final Duration FAIL_SAFE = Duration.ofSeconds(10);

    private final Process shell;
    private final String description;

    PreparedSignal(String name, long pid) {
        description = "kill -s " + name + " " + pid;
        try {
            shell = new ProcessBuilder("sh", "-c", "read go && " + description)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start a shell for " + description, e);
        }
    }

    /** Sends the signal: an IllegalStateException when the kill failed (the process has exited, say). */
    void send() {
        try {
            OutputStream line = shell.getOutputStream();
            line.write('\n');
            line.close();
            if (!shell.waitFor(FAIL_SAFE.toMillis(), TimeUnit.MILLISECONDS) || shell.exitValue() != 0) {
                throw new IllegalStateException(description + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(description + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + description, e);
        }
    }

    @Override
    public void close() {
        shell.destroy();
    }
}
