package httpcourse.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

    String url(String path) {
        return "http://127.0.0.1:" + process.port() + path;
    }

    /**
     * What the server saw so far, from its own log: the request lines it received, and how many
     * connections closed without a request (browsers open some in advance and may not use them).
     */
    String requestsSeen() {
        List<String> lines = process.stdoutLines();
        List<String> requests = lines.stream().filter(line -> line.matches("[A-Z]+ \\S+ HTTP/.*")).toList();
        long empty = lines.stream().filter(line -> line.startsWith("(a connection closed without")).count();
        long errors = lines.stream().filter(line -> line.startsWith("Connection closed after an error")).count();
        return module + " received " + requests + ", " + empty + " connection(s) closed without a request, "
                + errors + " connection(s) closed after an error";
    }

    @Override
    public void close() {
        process.close();
    }
}
