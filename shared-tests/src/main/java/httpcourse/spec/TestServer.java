package httpcourse.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The server a spec class talks to: either a process the spec started in a fresh working
 * directory, or a server somebody else started (grading a running server).
 * Closing it stops the process tree and deletes the temporary working directory.
 */
public final class TestServer implements AutoCloseable {

    // Temporary working directories not deleted yet: close() deletes its own; if the JVM is
    // stopped first (Ctrl+C, a killed build), this hook does, so no run leaves folders behind.
    private static final Set<Path> NOT_DELETED_YET = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> NOT_DELETED_YET.forEach(TestServer::deleteRecursively)));
    }

    private final WebRoot webRoot;
    private final ServerProcess process; // null for a server started by somebody else
    private final Path temporaryDirectory; // null when the working directory is not ours
    private final RawHttpClient client;
    private final String address;

    private TestServer(WebRoot webRoot, ServerProcess process, Path temporaryDirectory,
                       String host, int port, Duration responseTimeout) {
        this.webRoot = webRoot;
        this.process = process;
        this.temporaryDirectory = temporaryDirectory;
        this.address = host + ":" + port;
        this.client = new RawHttpClient(host, port, responseTimeout, this);
    }

    /** Starts (or finds) the server described by the configuration. */
    public static TestServer start(SpecConfig config) throws ServerProcess.ServerStartException {
        if (config.address().isPresent()) {
            String[] hostPort = config.address().get().split(":");
            Path workingDirectory = config.workingDirectory().orElseThrow(() -> new IllegalArgumentException(
                    SpecConfig.ADDRESS + " needs " + SpecConfig.WORKDIR + ": the running server's working directory,"
                            + " where the spec writes the web root it compares answers with"));
            return new TestServer(WebRoot.generate(workingDirectory), null, null,
                    hostPort[0], Integer.parseInt(hostPort[1]), config.responseTimeout());
        }
        Path directory = createTemporaryDirectory();
        WebRoot webRoot = WebRoot.generate(directory);
        List<String> command = new ArrayList<>(config.command());
        Integer fixedPort = config.fixedPort().orElse(null);
        if (fixedPort == null) {
            command.add("0"); // any free port: the server tells us which one
        }
        try {
            ServerProcess process = ServerProcess.start(command, directory, fixedPort, config.startupTimeout());
            return new TestServer(webRoot, process, directory, ServerProcess.HOST, process.port(),
                    config.responseTimeout());
        } catch (ServerProcess.ServerStartException | RuntimeException e) {
            deleteRecursively(directory);
            NOT_DELETED_YET.remove(directory);
            throw e;
        }
    }

    public WebRoot webRoot() {
        return webRoot;
    }

    public String address() {
        return address;
    }

    /** Sends a request (ISO-8859-1 text: one char per byte) and reads the whole answer. */
    public Exchange send(String request) {
        return client.send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public Exchange send(byte[] request) {
        return client.send(request);
    }

    public Exchange sendInPieces(List<String> pieces, Duration pause) {
        return client.sendInPieces(pieces.stream().map(p -> p.getBytes(StandardCharsets.ISO_8859_1)).toList(), pause);
    }

    public void connectAndClose() {
        client.connectAndClose();
    }

    public void connectAndReset() {
        client.connectAndReset();
    }

    public boolean acceptsConnectionsOn(InetAddress address) {
        return client.acceptsConnectionsOn(address);
    }

    public void sendAndVanish(String request) {
        client.sendAndVanish(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawConnection open() {
        return client.open();
    }

    /** For failure reports: whether the process died, and what it printed last. */
    public String diagnosis() {
        if (process == null) {
            return "";
        }
        pause(Duration.ofMillis(200)); // let the server finish printing what this request caused
        Integer status = process.exitStatus();
        String state = status == null ? "The server process is still running."
                : "The server process has exited (exit status " + status + "): it crashed or stopped itself.";
        return state + "\n" + process.describeOutput();
    }

    public boolean hasExited() {
        return process != null && !process.isAlive();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
        if (temporaryDirectory != null) {
            deleteRecursively(temporaryDirectory);
            NOT_DELETED_YET.remove(temporaryDirectory);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path createTemporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("httpspec-");
            NOT_DELETED_YET.add(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is not worth failing a test for
        }
    }
}
