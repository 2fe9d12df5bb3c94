package httpcourse.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A server running as a real operating-system process, in a {@link Sandbox} or not.
 *
 * <p>It learns the port from the server's {@code Listening on port N} line, or, for a server
 * that hard-codes its port, waits until that port accepts connections. Its output is drained
 * all the time (a full pipe would freeze the server) and its last lines are kept for failure
 * reports. {@link #close()} stops the whole process tree, whatever state it is in.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    private static final Pattern LISTENING = Pattern.compile("Listening on port (\\d+)");
    // How long to wait for output still in the pipes of a process that has exited: a fail-safe only.
    private static final Duration OUTPUT_FAIL_SAFE = Duration.ofSeconds(10);

    /*
     * Every process is started from this one thread, which lives as long as the JVM. The sandbox
     * asks the kernel to kill it when its parent dies (bwrap --die-with-parent), and for the
     * kernel the parent is the thread that started it: started from a pool or test thread that
     * ends, a healthy server would be killed.
     */
    private static final ExecutorService STARTER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "server-starter");
        thread.setDaemon(true);
        return thread;
    });

    private final Process process;
    private final List<String> command;
    private final boolean sandboxed;
    private final OutputTail stdout = new OutputTail(line -> true);
    // The java launcher's notice about our JDK_JAVA_OPTIONS is not the server's own output.
    private final OutputTail stderr = new OutputTail(line -> !SandboxLimits.isJavaOptionsNotice(line));
    private final List<Thread> drains = new ArrayList<>();
    private final CompletableFuture<Integer> announcedPort = new CompletableFuture<>();
    private final Thread killOnExit;
    private int port;

    private ServerProcess(List<String> command, Path workingDirectory, Sandbox sandbox) throws IOException {
        this.command = List.copyOf(command);
        this.sandboxed = sandbox.isOn();
        ProcessBuilder builder = new ProcessBuilder(sandbox.wrap(command, workingDirectory))
                .directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(sandbox.environment(System.getenv(), workingDirectory));
        process = startOnStarterThread(builder);
        process.getOutputStream().close(); // the server gets no standard input
        drain(process.getInputStream(), stdout, false);
        drain(process.getErrorStream(), stderr, true);
        // Even if the JVM is stopped (Ctrl+C, Maven stopped), the server must not outlive it.
        killOnExit = new Thread(this::stopProcessTree);
        try {
            Runtime.getRuntime().addShutdownHook(killOnExit);
        } catch (IllegalStateException shutdownInProgress) {
            // Too late for a hook: the JVM is already exiting, so stop the server at once.
            stopProcessTree();
            throw shutdownInProgress;
        }
    }

    /** Starts {@code command}, not sandboxed, in {@code workingDirectory} and waits until it listens. */
    public static ServerProcess start(List<String> command, Path workingDirectory, Integer fixedPort,
                                      Duration startupTimeout) throws ServerStartException {
        return start(command, workingDirectory, fixedPort, startupTimeout, Sandbox.NONE);
    }

    /**
     * Starts {@code command} in {@code workingDirectory}, in {@code sandbox}, and waits until it listens.
     *
     * @param fixedPort null when the server announces its port with {@code Listening on port N};
     *                  otherwise the port the server is known to use
     */
    public static ServerProcess start(List<String> command, Path workingDirectory, Integer fixedPort,
                                      Duration startupTimeout, Sandbox sandbox) throws ServerStartException {
        if (fixedPort != null && PortProbe.accepts(fixedPort)) {
            // Otherwise we would test whatever already listens there, not this server.
            throw new ServerStartException("Port " + fixedPort + " is in use before the server even started.",
                    new Hint(Hint.Id.PORT_IN_USE, "Another program listens there (an earlier run of this server?):"
                            + " stop it first."), "Command: " + String.join(" ", command) + "\n");
        }
        ServerProcess server;
        try {
            server = new ServerProcess(command, workingDirectory, sandbox);
        } catch (IOException e) {
            throw new ServerStartException("The server could not be started: " + e.getMessage(),
                    new Hint(Hint.Id.PROGRAM_NOT_FOUND, "Check that the program exists (" + command.get(0)
                            + ") and that the command is right."), "Command: " + String.join(" ", command) + "\n");
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

    private static Process startOnStarterThread(ProcessBuilder builder) throws IOException {
        try {
            return STARTER.submit(builder::start).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the server", e);
        }
    }

    private int awaitAnnouncedPort(Duration timeout) throws ServerStartException {
        try {
            int announced = announcedPort.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (announced == 0) {
                throw startFailure("The server printed \"Listening on port 0\".", new Hint(Hint.Id.PORT_ZERO,
                        "0 only asks the system for any free port. Print the port the socket really got:"
                                + " serverSocket.getLocalPort()."));
            }
            return announced;
        } catch (TimeoutException e) {
            throw startFailure("The server did not print \"Listening on port N\" within "
                    + timeout.toSeconds() + " s.", noPortLineHint(timeout));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PortLineOnStderr) {
                throw startFailure("The server printed \"Listening on port N\" on its standard error.",
                        new Hint(Hint.Id.PORT_LINE_ON_STDERR, "Print it on the standard output (System.out,"
                                + " not System.err; print, not print(..., file=sys.stderr)): the grader reads the"
                                + " port there."));
            }
            // Its stdout is closed: it is exiting, a stack trace on its way; none, if main returned.
            boolean quietly = awaitExit(OUTPUT_FAIL_SAFE) && process.exitValue() == 0 && stderr.lines().isEmpty();
            throw startFailure("The server stopped before it printed \"Listening on port N\".", quietly ? new Hint(
                    Hint.Id.MAIN_RETURNED, "It ended with exit status 0 and no error: its main method returned. The"
                    + " JVM ends when only daemon threads are left, and virtual threads are daemons: accept in main,"
                    + " or have main wait for the thread that accepts (join).") : new Hint(Hint.Id.CRASHED_AT_START,
                    "It crashed at start: read its output below."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw startFailure("Interrupted while waiting for the server.", null);
        }
    }

    /**
     * Why no port line came: a server that printed nothing may still be starting (on a busy
     * machine, a JVM that compiles its source takes seconds), or hold its line in a buffer; one
     * that printed something printed the wrong line.
     */
    private Hint noPortLineHint(Duration timeout) {
        if (stdout.lines().isEmpty()) {
            return new Hint(Hint.Id.NOTHING_PRINTED, "The server printed nothing in " + timeout.toSeconds() + " s. It may"
                    + " still be starting: a busy machine, or a JVM that compiles the source first, can take longer."
                    + " Grade it again with more time (the grader's --startup-timeout 60; -D" + SpecConfig.STARTUP_TIMEOUT
                    + "=60 with Maven). If it prints its port, the line may wait in a buffer: flush it (C:"
                    + " fflush(stdout)). A server that always uses one port can be graded with --port.");
        }
        return new Hint(Hint.Id.NO_PORT_LINE, "The server printed, but no line \"Listening on port N\" (its output is"
                + " below). Print exactly \"Listening on port \" followed by the real port once the socket listens"
                + " (ask the ServerSocket for getLocalPort(): the port argument is 0). A server that always uses one"
                + " port can be graded with --port.");
    }

    private int awaitAcceptingPort(int fixedPort, Duration timeout) throws ServerStartException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                awaitExit(OUTPUT_FAIL_SAFE);
                throw startFailure("The server stopped before port " + fixedPort + " accepted connections.",
                        new Hint(Hint.Id.CRASHED_AT_START,
                                "It crashed at start (or the port was taken): read its output below."));
            }
            if (PortProbe.answers(fixedPort)) {
                return fixedPort;
            }
            Pause.sleep(Duration.ofMillis(100));
        }
        throw startFailure("Port " + fixedPort + " did not accept connections within " + timeout.toSeconds() + " s.",
                new Hint(Hint.Id.FIXED_PORT_SILENT, "Does the server listen on 127.0.0.1 and on that port?"));
    }

    private ServerStartException startFailure(String what, Hint hint) {
        return new ServerStartException(what, hint, "Command: " + String.join(" ", command) + "\n" + describeOutput());
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends the server's own process a signal, as kill does: "TERM" (what kill, docker stop and
     * systemd send; on Unix, ProcessHandle.destroy()) or "INT" (what Ctrl+C sends). In the
     * sandbox, the server's process is the one bubblewrap started: bwrap passes no signal on.
     */
    public void signal(String name) {
        ProcessHandle server = serverHandle();
        if (name.equals("TERM")) {
            server.destroy();
            return;
        }
        try (PreparedSignal now = new PreparedSignal(name, server.pid())) {
            now.send();
        }
    }

    /** {@link #signal}, made ready now to be sent later without delay (not "TERM"). */
    PreparedSignal prepareSignal(String name) {
        return new PreparedSignal(name, serverHandle().pid());
    }

    /** The exit status of the process, once it has exited: 128 + N after a signal N killed it. */
    public int exitStatus() {
        return process.exitValue();
    }

    /** The server's own process: the command's; in the sandbox, the first one that is not bubblewrap's. */
    private ProcessHandle serverHandle() {
        if (!sandboxed) {
            return process.toHandle();
        }
        return process.descendants().filter(p -> !isBubblewrap(p))
                .filter(p -> p.parent().map(ServerProcess::isBubblewrap).orElse(false))
                .findFirst().orElse(process.toHandle());
    }

    private static boolean isBubblewrap(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/bwrap")).orElse(false);
    }

    /**
     * Waits until the process has exited, for at most {@code failSafe}; once it has, waits for
     * the rest of its output too, so that a report shows all of it (a stack trace is printed last).
     *
     * @return whether the process has exited
     */
    public boolean awaitExit(Duration failSafe) {
        try {
            if (!process.waitFor(failSafe.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
            for (Thread drain : drains) {
                drain.join(OUTPUT_FAIL_SAFE.toMillis());
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Waits until the server printed something like an exception after {@code mark}, or exited (fail-safe). */
    public void awaitErrorOrExit(OutputMark mark, Duration failSafe) {
        long deadline = System.nanoTime() + failSafe.toNanos();
        while (process.isAlive() && !printedAnErrorSince(mark) && System.nanoTime() < deadline) {
            Pause.sleep(Duration.ofMillis(20));
        }
    }

    /** How the process ended, e.g. "exit status 1", "killed by the sandbox's CPU time limit"; null while it runs. */
    public String describeExit() {
        if (process.isAlive()) {
            return null;
        }
        int status = process.exitValue();
        return switch (status) {
            case 128 + 6 -> "exit status " + status + ": aborted (SIGABRT)";
            case 128 + 9 -> "exit status " + status + ": killed (SIGKILL)";
            case 128 + 11 -> "exit status " + status + ": a segmentation fault (SIGSEGV)";
            case 128 + 15 -> "exit status " + status + ": terminated (SIGTERM)";
            case 128 + 24 -> "exit status " + status + ": stopped by the limit of " + SandboxLimits.CPU_SECONDS
                    + " s of CPU time (SIGXCPU): does it loop forever?";
            case 128 + 25 -> "exit status " + status + ": stopped by the limit of " + (SandboxLimits.FILE_BYTES >> 20)
                    + " MiB per file it writes (SIGXFSZ)";
            default -> "exit status " + status;
        };
    }

    /** The last lines the server printed, on stdout and stderr, for a failure report. */
    public String describeOutput() {
        return "Last lines of the server's stdout:\n" + stdout.text()
                + "Last lines of the server's stderr:\n" + stderr.text();
    }

    /** Where the output stands now: what is printed after this belongs to what happens next. */
    public OutputMark outputMark() {
        return new OutputMark(stdout.mark(), stderr.mark());
    }

    /**
     * The last lines printed after {@code mark}, on stdout and stderr, for a failure report.
     *
     * @param when when that was, for the reader: "during this check"
     */
    public String describeOutputSince(OutputMark mark, String when) {
        return "What the server printed on stdout " + when + ":\n" + stdout.textSince(mark.stdout())
                + "What it printed on stderr " + when + ":\n" + stderr.textSince(mark.stderr());
    }

    /** Whether the server printed something like an exception or a traceback after {@code mark}. */
    public boolean printedAnErrorSince(OutputMark mark) {
        return linesSince(mark, true).stream().anyMatch(OutputTail::isErrorLine);
    }

    /** Whether a Java server's main thread died of an exception after {@code mark}: its JVM is on its way out. */
    public boolean mainThreadDiedSince(OutputMark mark) {
        return stderr.linesSince(mark.stderr()).stream()
                .anyMatch(line -> line.startsWith("Exception in thread \"main\" "));
    }

    /** The lines printed after {@code mark} that are still kept (up to 1000 of each): stdout's, then stderr's if asked. */
    public List<String> linesSince(OutputMark mark, boolean stderrToo) {
        return Stream.concat(stdout.linesSince(mark.stdout()).stream(),
                stderrToo ? stderr.linesSince(mark.stderr()).stream() : Stream.empty()).toList();
    }

    /** The last lines the server printed on stdout (up to 1000), e.g. the requests it logged. */
    public List<String> stdoutLines() {
        return stdout.lines();
    }

    @Override
    public void close() {
        stopProcessTree();
        awaitExit(OUTPUT_FAIL_SAFE);
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // the hook is running or has run: nothing left to do
        }
    }

    /**
     * Kills the process and every process it started, at once: a server has nothing to save, and
     * one that ignores SIGTERM would keep us waiting. In a sandbox, killing bwrap ends its whole
     * process namespace, daemons included; without one, a daemon that left the tree escapes.
     */
    private void stopProcessTree() {
        processTree().toList().forEach(ProcessHandle::destroyForcibly);
    }

    /** The process and every process it started: the server is one of them, in a sandbox or not. */
    Stream<ProcessHandle> processTree() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants());
    }

    private void drain(InputStream stream, OutputTail tail, boolean isStderr) {
        Thread reader = new Thread(() -> {
            try (stream) {
                tail.drain(stream, line -> {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        if (isStderr) {
                            announcedPort.completeExceptionally(new PortLineOnStderr());
                        } else {
                            announcedPort.complete(Integer.parseInt(m.group(1)));
                        }
                    }
                });
            } catch (IOException closed) {
                // the process is gone
            } finally {
                if (!isStderr) {
                    announcedPort.completeExceptionally(new IllegalStateException("stdout closed"));
                }
            }
        }, isStderr ? "server-stderr" : "server-stdout");
        reader.setDaemon(true);
        drains.add(reader);
        reader.start();
    }

    /** Where the output of both streams stood at one moment, in lines printed so far. */
    public record OutputMark(long stdout, long stderr) {
    }

    /** The port line came on stderr, where nobody reads it. */
    private static final class PortLineOnStderr extends Exception {
    }
}
