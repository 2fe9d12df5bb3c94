package httpcourse.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The server a spec talks to: a process the spec started (and starts again after it stopped)
 * in a fresh working directory, or a server somebody else started (grading a running server).
 * Closing it stops the process tree and deletes the temporary working directory.
 *
 * <p>A server that stops is started again before the next check, so that a crash costs only
 * the checks it affects, and the score does not depend on the order of the checks. A stop
 * noticed on a check's first contact (nothing listens, or the connection is reset before any
 * byte) happened before that check sent anything: the check's request goes again to the new
 * server. Each stop is kept for the extension to publish: see {@link #takeStops()}.
 */
public final class ServerUnderTest implements ServerState, AutoCloseable {

    /** The key of the report entry that says the server stopped: its value says when, how, and what it printed. */
    public static final String STOPPED = "httpspec.serverStopped";

    /*
     * A fail-safe for what normally takes milliseconds: a process that is exiting to be gone. Reached
     * only by a server that fails, and keeps running. ServerAfterFailure has the others. On one core
     * shared with a busy test suite, a JVM that crashed once took over 2 s to exit, and its stop was
     * blamed on the next check: 5 s.
     */
    static final Duration STOP_FAIL_SAFE = Duration.ofSeconds(5);

    private final WebRoot webRoot;
    private final HowToStart howToStart; // null for a server started by somebody else
    private ServerProcess process; // null for a server started by somebody else
    private RawHttpClient client;

    private String check = "";
    private String previousCheck = "";
    private boolean firstContact;
    private ServerProcess.OutputMark checkStart = new ServerProcess.OutputMark(0, 0);
    private ServerProcess stopNoticed;
    private ServerProcess stopAskedFor; // the process a check sent a signal to: its end is no crash
    private final ServerProbes probes = new ServerProbes(() -> client); // what a failure report may ask
    private final List<String> stops = new ArrayList<>();

    /** Everything needed to start the server again. */
    private record HowToStart(List<String> command, Path workingDirectory, Integer fixedPort, Duration startupTimeout,
                              Sandbox sandbox) {
        ServerProcess start() throws ServerStartException {
            return ServerProcess.start(command, workingDirectory, fixedPort, startupTimeout, sandbox);
        }
    }

    private ServerUnderTest(WebRoot webRoot, HowToStart howToStart, ServerProcess process, RawHttpClient client) {
        this.webRoot = webRoot;
        this.howToStart = howToStart;
        this.process = process;
        this.client = client;
    }

    /** Starts (or finds) the server described by the configuration. */
    public static ServerUnderTest start(SpecConfig config) throws ServerStartException {
        return start(config, "httpspec-");
    }

    /** The same, in a new folder whose name starts with {@code prefix}: /tmp/httpspec-123. */
    static ServerUnderTest start(SpecConfig config, String prefix) throws ServerStartException {
        if (config.address().isPresent()) {
            return running(config);
        }
        Path directory = TemporaryFolders.create(prefix);
        try {
            WebRoot webRoot = WebRoot.generate(directory);
            List<String> command = new ArrayList<>(config.command());
            Integer fixedPort = config.fixedPort().orElse(null);
            if (fixedPort == null) {
                command.add("0"); // any free port: the server tells us which one
            }
            HowToStart howToStart = new HowToStart(command, directory, fixedPort, config.startupTimeout(),
                    config.sandbox());
            ServerProcess process = howToStart.start();
            return new ServerUnderTest(webRoot, howToStart, process,
                    new RawHttpClient(ServerProcess.HOST, process.port(), config.responseTimeout()));
        } catch (ServerStartException | RuntimeException e) {
            TemporaryFolders.delete(directory);
            throw e;
        }
    }

    private static ServerUnderTest running(SpecConfig config) {
        String[] hostPort = config.address().get().split(":");
        Path workingDirectory = config.workingDirectory().orElseThrow(() -> new IllegalArgumentException(
                SpecConfig.ADDRESS + " needs " + SpecConfig.WORKDIR + ": the running server's working directory,"
                        + " where the spec writes the web root it compares answers with"));
        RawHttpClient client = new RawHttpClient(hostPort[0], Integer.parseInt(hostPort[1]), config.responseTimeout());
        return new ServerUnderTest(WebRoot.generate(workingDirectory), null, null, client);
    }

    @Override
    public WebRoot webRoot() {
        return webRoot;
    }

    /** Sends a request (ISO-8859-1 text: one char per byte) and reads the whole answer. */
    public ServerReply send(String request) {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public ServerReply send(byte[] request) {
        return exchange(() -> client.send(request));
    }

    /** Sends a request and reads its answer as an HTTP/1.1 client does, by its length ({@link ResponseReader}). */
    public ServerReply sendAndReadAnswer(String request) {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        return exchange(() -> client.sendAndReadAnswer(bytes));
    }

    public ServerReply sendInPieces(List<String> pieces, Duration pause) {
        List<byte[]> bytes = pieces.stream().map(p -> p.getBytes(StandardCharsets.ISO_8859_1)).toList();
        return exchange(() -> client.sendInPieces(bytes, pause));
    }

    /** Connects and closes at once without sending a byte, as browsers and load tools do. */
    public void connectAndClose() {
        connect(new byte[0], () -> {
            client.connectAndClose();
            return null;
        });
    }

    /** Connects and resets the connection at once, before sending a byte: the server's first read fails. */
    public void connectAndReset() {
        connect(new byte[0], () -> {
            client.connectAndReset();
            return null;
        });
    }

    /** Whether something accepts connections at {@code address}, on the server's port (not 127.0.0.1). */
    public boolean acceptsConnectionsOn(InetAddress address) {
        return client.acceptsConnectionsOn(address);
    }

    /** Sends a request and vanishes at once with a reset, never reading the answer. */
    public void sendAndVanish(String request) {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        connect(bytes, () -> {
            client.sendAndVanish(bytes);
            return null;
        });
    }

    /** Opens a connection to write and read at the pace of the check: the caller closes it. */
    public RawConnection open() {
        return connect(new byte[0], () -> client.open());
    }

    /** The same, from {@code local}, a second address of the loopback ({@link RawHttpClient#canSendFrom}). */
    public RawConnection openFrom(InetAddress local) {
        return connect(new byte[0], () -> client.openFrom(local));
    }

    /**
     * Opens a connection as {@link #open} does, unless nothing accepts it (refused, or reset as the
     * server closes its socket), or it does not complete within {@code connectTimeout} (the system's
     * queue of connections waiting for accept() is full): then empty.
     */
    public Optional<RawConnection> tryOpen(Duration connectTimeout) {
        try {
            return Optional.of(client.open(connectTimeout));
        } catch (SocketException | SocketTimeoutException notAccepted) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the server's working folder has a total size that the spec can fill from outside: the
     * tmpfs of the grader's sandbox, as root ({@link Sandbox#budgets}). Elsewhere its disk is the
     * machine's, which no check may fill.
     */
    public boolean folderHasASize() {
        return howToStart != null && Sandbox.budgets(howToStart.workingDirectory());
    }

    /** Whether this is a process the specs started, to which they can send signals (not a running server). */
    public boolean isOwnProcess() {
        return process != null;
    }

    /** How often the server holds htdocs{@code urlPath} open; empty where the system hides it ({@link OpenFiles}). */
    public OptionalLong timesOpen(String urlPath) {
        try {
            return OpenFiles.timesOpen(process.processTree().toList(),
                    webRoot.workingDirectory().resolve("htdocs" + urlPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends the server's process a signal, "TERM" or "INT" (see {@link ServerProcess#signal}): the
     * check asks it to stop, so its end is not reported as a crash. The next check starts a new one.
     */
    public void signal(String name) {
        stopAskedFor = process;
        process.signal(name);
    }

    /** {@link #signal}, made ready now to be sent later without delay: "STOP", "CONT" or "INT". */
    PreparedSignal prepareSignal(String name) {
        return process.prepareSignal(name);
    }

    /** Waits up to {@code failSafe} for the process to exit; its exit status, or null when it runs on. */
    public Integer awaitExit(Duration failSafe) {
        return process.awaitExit(failSafe) ? process.exitStatus() : null;
    }

    /** Whether the server's port accepts a connection now (the connection is closed at once). */
    public boolean acceptsConnections() {
        try {
            client.connectAndClose();
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The lines the server printed on its standard output since this check started (up to 1000). */
    public List<String> printedDuringThisCheck() {
        return process.linesSince(checkStart, false);
    }

    /** The lines the server printed during this check, on stdout and then on stderr (up to 1000 of each). */
    @Override
    public List<String> outputOfThisCheck() {
        return process == null ? List.of() : process.linesSince(checkStart, true);
    }

    /** For a report: what the server printed during this check, and how it ended if it did. */
    public String describeThisCheck() {
        String state = process.isAlive() ? "The server process is still running."
                : "The server process has exited (" + process.describeExit() + ").";
        return state + "\n" + process.describeOutputSince(checkStart, "during this check");
    }

    /** A check begins: a server that stopped since the last one is started again. */
    void checkStarting(String name) throws ServerStartException {
        previousCheck = check;
        check = name;
        firstContact = true;
        if (process != null && !process.isAlive()) {
            noticeStop(afterThePreviousCheck());
            restart();
        }
        checkStart = process == null ? null : process.outputMark();
    }

    /**
     * Starts a new server for a check that tries again (see {@link StopTries}), its output the check's
     * from now on; the old one, which the check stopped, is no crash.
     */
    void startAgain() throws ServerStartException {
        restart();
        checkStart = process.outputMark();
    }

    /** A check ended: a server that stopped during it is noticed now, while the check is known. */
    void checkFinished() {
        noticeStop("during the check \"" + check + "\"");
    }

    /** The stops noticed since the last call, each described with what the server printed last. */
    List<String> takeStops() {
        List<String> taken = List.copyOf(stops);
        stops.clear();
        return taken;
    }

    /** Whether the server stopped after this failed exchange: see {@link ServerAfterFailure#stopped}. */
    @Override
    public boolean stoppedAfter(Exchange exchange) {
        return process != null && ServerAfterFailure.stopped(process, checkStart, exchange);
    }

    /** What the server's state and output tell of this failure: see {@link ServerAfterFailure#describe}. */
    @Override
    public String describeAfterFailure(Exchange exchange, List<Hint> hints) {
        return process == null ? "" : ServerAfterFailure.describe(process, checkStart, exchange, hints);
    }

    @Override
    public ServerProbes probes() {
        return probes;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
        if (howToStart != null) {
            TemporaryFolders.delete(howToStart.workingDirectory());
        }
    }

    /** Sends with {@code attempt}; once more to a new server if the first contact found the old one gone. */
    private ServerReply exchange(Supplier<Exchange> attempt) {
        boolean first = takeFirstContact();
        Exchange exchange = attempt.get();
        if (first && exchange.endedWithoutAnyAnswer() && restartIfStopped()) {
            exchange = attempt.get(); // the request never reached a live server: it goes to the new one
        }
        return new ServerReply(exchange, this);
    }

    private <T> T connect(byte[] request, Connection<T> attempt) {
        boolean first = takeFirstContact();
        try {
            try {
                return attempt.run();
            } catch (ConnectException refused) {
                if (first && restartIfStopped()) {
                    return attempt.run();
                }
                throw refused;
            }
        } catch (ConnectException refused) {
            Exchange exchange = new Exchange(request, new byte[0], Exchange.Ending.REFUSED, Duration.ZERO);
            throw FailureReport.failure("Could not connect to the server.", null, new ServerReply(exchange, this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean takeFirstContact() {
        boolean first = firstContact;
        firstContact = false;
        return first;
    }

    /**
     * Whether the server turned out to be gone and was started again. Waits for the process to
     * exit (it normally is exiting already): the wait ends at the fail-safe only for a server that
     * refuses or resets connections and yet keeps running, which fails the check.
     */
    private boolean restartIfStopped() {
        if (process == null || !process.awaitExit(STOP_FAIL_SAFE)) {
            return false;
        }
        noticeStop(afterThePreviousCheck());
        try {
            restart();
            checkStart = process.outputMark();
            return true;
        } catch (ServerStartException e) {
            throw new ServerStartException.Unchecked(e); // as at the check's start: it never reached a server
        }
    }

    private void restart() throws ServerStartException {
        process.close();
        process = howToStart.start();
        client = client.onPort(process.port()); // remembers a connection left open (see LeftOpen)
    }

    private String afterThePreviousCheck() {
        return previousCheck.isEmpty() ? "before the first check" : "after the check \"" + previousCheck + "\"";
    }

    /** Records that the process stopped, once, with all it printed; {@code when}: "during the check ...". */
    private void noticeStop(String when) {
        if (process == null || process.isAlive() || stopNoticed == process || stopAskedFor == process) {
            return;
        }
        stopNoticed = process;
        process.awaitExit(Duration.ZERO); // it has exited: this waits for the rest of its output
        stops.add("The server stopped " + when + " (" + process.describeExit() + ").\n" + process.describeOutput());
    }

    /** One attempt to reach the server; ConnectException when nothing listens. */
    @FunctionalInterface
    private interface Connection<T> {
        T run() throws IOException;
    }
}
