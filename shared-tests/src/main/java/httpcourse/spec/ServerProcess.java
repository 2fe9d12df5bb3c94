package httpcourse.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A server under test, running as a real operating-system process.
 *
 * <p>It learns the port from the server's {@code Listening on port N} line, or, for a server
 * that hard-codes its port, waits until that port accepts connections. Its output is drained
 * all the time (a full pipe would freeze the server) and the last lines are kept for failure
 * reports. {@link #close()} stops the whole process tree, whatever state it is in.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    private static final Pattern LISTENING = Pattern.compile("Listening on port (\\d+)");
    private static final int TAIL_LINES = 1000;
    private static final int REPORT_LINES = 20;

    private final Process process;
    private final List<String> command;
    private final OutputTail stdout = new OutputTail();
    private final OutputTail stderr = new OutputTail();
    private final CompletableFuture<Integer> announcedPort = new CompletableFuture<>();
    private final Thread killOnExit;
    private int port;

    private ServerProcess(List<String> command, Path workingDirectory) throws IOException {
        this.command = List.copyOf(command);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        // A strict environment: a server that relies on the platform charset shows it here.
        Map<String, String> env = builder.environment();
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        env.remove("JAVA_TOOL_OPTIONS");
        // Java 18 and newer default to UTF-8 whatever the locale; COMPAT brings back the locale's
        // charset, so that a bytes-to-String round trip shows on every JDK, not only on 17.
        env.put("JDK_JAVA_OPTIONS", "-Dfile.encoding=COMPAT");
        // Python buffers a piped stdout: its "Listening on port N" would stay in the buffer.
        env.put("PYTHONUNBUFFERED", "1");
        process = builder.start();
        process.getOutputStream().close(); // the server gets no standard input
        drain(process.getInputStream(), stdout, true);
        drain(process.getErrorStream(), stderr, false);
        // Even if the test JVM is stopped (Ctrl+C, Maven stopped), the server must not outlive it.
        killOnExit = new Thread(this::stopProcessTree);
        try {
            Runtime.getRuntime().addShutdownHook(killOnExit);
        } catch (IllegalStateException shutdownInProgress) {
            // Too late for a hook: the JVM is already exiting, so stop the server at once.
            stopProcessTree();
            throw shutdownInProgress;
        }
    }

    /**
     * Starts {@code command} in {@code workingDirectory} and waits until it listens.
     *
     * @param fixedPort null when the server announces its port with {@code Listening on port N};
     *                  otherwise the port the server is known to use
     */
    public static ServerProcess start(List<String> command, Path workingDirectory, Integer fixedPort,
                                      Duration startupTimeout) throws ServerStartException {
        if (fixedPort != null && accepts(fixedPort)) {
            // Otherwise we would test whatever already listens there, not this server.
            throw new ServerStartException("Port " + fixedPort + " is in use before the server even started."
                    + "\nCommand: " + String.join(" ", command)
                    + "\nHint: another program listens there (an earlier run of this server?): stop it first.");
        }
        ServerProcess server;
        try {
            server = new ServerProcess(command, workingDirectory);
        } catch (IOException e) {
            throw new ServerStartException("The server could not be started: " + e.getMessage()
                    + "\nCommand: " + String.join(" ", command)
                    + "\nHint: check that the program exists and that the command is right.", e);
        }
        try {
            server.port = fixedPort == null
                    ? server.awaitAnnouncedPort(startupTimeout)
                    : server.awaitAcceptingPort(fixedPort, startupTimeout);
            return server;
        } catch (ServerStartException e) {
            server.close();
            throw e;
        }
    }

    private int awaitAnnouncedPort(Duration timeout) throws ServerStartException {
        try {
            int announced = announcedPort.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (announced == 0) {
                throw startFailure("The server printed \"Listening on port 0\": 0 only asks the system for any"
                        + " free port.", "Print the port the socket really got: serverSocket.getLocalPort().");
            }
            return announced;
        } catch (TimeoutException e) {
            throw startFailure("The server did not print \"Listening on port N\" within "
                    + timeout.toSeconds() + " s.", "Print exactly \"Listening on port \" followed by the real port"
                    + " once the socket listens (ask the ServerSocket for getLocalPort(): the port argument is 0),"
                    + " and flush the output if your language buffers it (C: fflush(stdout))."
                    + " A server that always uses one port can be graded with --port.");
        } catch (ExecutionException e) {
            throw startFailure("The server stopped before it printed \"Listening on port N\".",
                    "It crashed at start: read its output below.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw startFailure("Interrupted while waiting for the server.", "");
        }
    }

    private int awaitAcceptingPort(int fixedPort, Duration timeout) throws ServerStartException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw startFailure("The server stopped before port " + fixedPort + " accepted connections.",
                        "It crashed at start (or the port was taken): read its output below.");
            }
            if (answersProbe(fixedPort)) {
                return fixedPort;
            }
            sleep(100);
        }
        throw startFailure("Port " + fixedPort + " did not accept connections within "
                + timeout.toSeconds() + " s.", "Does the server listen on 127.0.0.1 and on that port?");
    }

    /**
     * Whether the server listens, found with a real request whose answer is read: an empty
     * probe connection would kill a server that crashes on one (the article's does).
     */
    private static boolean answersProbe(int port) {
        try {
            RawHttpClient client = new RawHttpClient(HOST, port, Duration.ofSeconds(1), null);
            return client.send(Requests.get("/").getBytes(StandardCharsets.US_ASCII)).ending() != Exchange.Ending.REFUSED;
        } catch (UncheckedIOException notYet) {
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException notListening) {
            return false;
        }
    }

    private ServerStartException startFailure(String what, String hint) {
        return new ServerStartException(what + "\nCommand: " + String.join(" ", command)
                + (hint.isEmpty() ? "" : "\nHint: " + hint) + "\n" + describeOutput());
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status, or null while the process runs. */
    public Integer exitStatus() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** The last lines the server printed, on stdout and stderr, for a failure report. */
    public String describeOutput() {
        return "Last lines of the server's stdout:\n" + stdout.text()
                + "Last lines of the server's stderr:\n" + stderr.text();
    }

    public String stderrTail() {
        return stderr.text();
    }

    /** The last lines the server printed on stdout (up to 1000), e.g. the requests it logged. */
    public List<String> stdoutLines() {
        return stdout.lines();
    }

    @Override
    public void close() {
        stopProcessTree();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // the hook is running or has run: nothing left to do
        }
    }

    /** Politely first, then by force: children first found, so none is orphaned unseen. */
    private void stopProcessTree() {
        List<ProcessHandle> tree = process.descendants().collect(Collectors.toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    private void drain(InputStream stream, OutputTail tail, boolean watchForPort) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    tail.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (watchForPort && m.find()) {
                        announcedPort.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException closed) {
                // the process is gone
            } finally {
                if (watchForPort) {
                    announcedPort.completeExceptionally(new IllegalStateException("stdout closed"));
                }
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of one output stream. */
    private static final class OutputTail {
        private final Deque<String> lines = new ArrayDeque<>();

        synchronized void add(String line) {
            lines.addLast(line);
            if (lines.size() > TAIL_LINES) {
                lines.removeFirst();
            }
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        /** The last lines, ready for a report, with "..." where earlier ones were left out. */
        synchronized String text() {
            if (lines.isEmpty()) {
                return "  (nothing)\n";
            }
            int skipped = Math.max(0, lines.size() - REPORT_LINES);
            return (skipped > 0 ? "  | ...\n" : "")
                    + lines.stream().skip(skipped).map(l -> "  | " + l + "\n").collect(Collectors.joining());
        }
    }

    /** The server never became ready; the message says why and shows its output. */
    public static final class ServerStartException extends Exception {
        public ServerStartException(String message) {
            super(message);
        }

        public ServerStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
