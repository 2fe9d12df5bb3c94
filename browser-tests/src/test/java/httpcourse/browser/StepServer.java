package httpcourse.browser;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import httpcourse.spec.Repository;
import httpcourse.spec.ServerProcess;
import httpcourse.spec.SpecConfig;

/**
 * One step's server, started as a real process the way a student starts it:
 * {@code java -cp stepN-.../target/classes HttpServer 0}, in the repository root so that it
 * serves the real htdocs. The process handling (waiting for "Listening on port N", draining
 * the output, stopping the whole process tree) is the specs' own {@link ServerProcess}.
 */
final class StepServer implements AutoCloseable {

    /** The repository root: the folder with htdocs. */
    static final Path REPO = Repository.root();

    private final String module;
    private final ServerProcess process;

    private StepServer(String module, ServerProcess process) {
        this.module = module;
        this.process = process;
    }

    /** Starts the compiled server of a step module ("step3-routing") and waits until it listens. */
    static StepServer start(String module) throws ServerProcess.ServerStartException {
        Path classes = REPO.resolve(module).resolve("target/classes");
        if (!Files.isRegularFile(classes.resolve("HttpServer.class"))) {
            throw new IllegalStateException(module + " is not compiled (no " + classes.resolve("HttpServer.class")
                    + "): run ./mvnw test from the repository root, which builds the steps first");
        }
        List<String> command = List.of(SpecConfig.javaExecutable(), "-cp", classes.toString(), "HttpServer", "0");
        return new StepServer(module, ServerProcess.start(command, REPO, null, Duration.ofSeconds(20)));
    }

    int port() {
        return process.port();
    }

    /**
     * The request lines the server printed so far: "GET /ipsum.html HTTP/1.1", on a line of their
     * own (steps 1 to 7), after the client's address (step 8), or in quotes (step 9's Common Log Format).
     */
    List<String> requestLines() {
        return process.stdoutLines().stream().map(REQUEST_LINE::matcher).filter(Matcher::find)
                .map(Matcher::group).toList();
    }

    private static final Pattern REQUEST_LINE = Pattern.compile("(?<=^|[ \"])[A-Z]+ \\S+ HTTP/\\d\\.\\d(?=$|\")");

    /** Sends the server's process a signal ("TERM", "INT"); its exit status, once it has exited, or null. */
    Integer stop(String signal, Duration failSafe) {
        process.signal(signal);
        return process.awaitExit(failSafe) ? process.exitStatus() : null;
    }

    String url(String path) {
        return "http://127.0.0.1:" + process.port() + path;
    }

    /** A connection that sends nothing, as a browser's unused connection or a silent nc does. */
    Socket openSilentConnection() throws IOException {
        return new Socket(ServerProcess.HOST, process.port());
    }

    /** Every line the server printed so far (the last 1000): request heads, failed connections. */
    List<String> printed() {
        return process.stdoutLines();
    }

    /** What the server saw so far, from its own log: the request lines, and the connections that failed. */
    String requestsSeen() {
        long failed = process.stdoutLines().stream().filter(line -> line.startsWith("Connection failed")).count();
        return module + " received " + requestLines() + "; " + failed + " connection(s) failed";
    }

    @Override
    public void close() {
        process.close();
    }
}
