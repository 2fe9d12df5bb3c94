package httpcourse.browser;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import httpcourse.spec.Repository;
import httpcourse.spec.ServerProcess;
import httpcourse.spec.ServerStartException;
import httpcourse.spec.SpecConfig;
import httpcourse.spec.TemporaryFolders;

/**
 * One step's server, started as a real process in the repository root, so that it serves the
 * real htdocs (or in a working directory of the test's own: see {@link UploadPage}). A step is a
 * folder of source files ({@code stepN-.../src/main/java}: HttpServer.java and, from step 5 on,
 * the classes it uses): the whole folder is compiled once per test run, with the JDK that runs the
 * tests, then started as the step modules start theirs ({@link SpecConfig#compiledServer}), on
 * port 0. The process handling (waiting for "Listening on port N", draining the output, stopping
 * the whole process tree) is the specs' own {@link ServerProcess}.
 */
final class StepServer implements AutoCloseable {

    /** The repository root: the folder with htdocs. */
    static final Path REPO = Repository.root();
    // A fail-safe for a busy machine: a step starts in well under a second.
    static final Duration STARTUP_FAIL_SAFE = Duration.ofSeconds(30);

    private static final Map<String, Path> COMPILED = new ConcurrentHashMap<>();

    private final String module;
    private final ServerProcess process;

    private StepServer(String module, ServerProcess process) {
        this.module = module;
        this.process = process;
    }

    /** Compiles the sources of a step module ("step5-many-clients"), starts them and waits until they listen. */
    static StepServer start(String module) throws ServerStartException {
        return start(module, REPO);
    }

    /**
     * The same in another working directory, whose htdocs the server serves (and, from step 15 on,
     * writes in): a test that writes files there leaves the repository's htdocs as it is.
     */
    static StepServer start(String module, Path workingDirectory) throws ServerStartException {
        Path classes = COMPILED.computeIfAbsent(module, StepServer::compile);
        List<String> command = Stream.concat(SpecConfig.compiledServer(classes).stream(), Stream.of("0")).toList();
        return new StepServer(module, ServerProcess.start(command, workingDirectory, null, STARTUP_FAIL_SAFE));
    }

    /**
     * A new working directory with a copy of the repository's htdocs, for a test that adds pages
     * of its own (see {@link UploadPage}). No htdocs/uploads: step 15 on makes it when it starts.
     * Delete it with {@link TemporaryFolders#delete} (or it goes when the JVM exits).
     */
    static Path copyOfHtdocs(String prefix) throws IOException {
        Path work = TemporaryFolders.create(prefix);
        Path from = REPO.resolve("htdocs");
        Path to = work.resolve("htdocs");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) { // parents come before what they hold
                Path target = to.resolve(from.relativize(file).toString());
                if (file.startsWith(from.resolve("uploads"))) {
                    continue; // what a run of step 15 in the repository left there
                } else if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return work;
    }

    /**
     * Compiles every .java file of the step's folder, as Maven does, into a temporary folder
     * (deleted when the JVM exits).
     */
    private static Path compile(String module) {
        Path sources = REPO.resolve(module).resolve("src/main/java");
        Path classes = TemporaryFolders.create("browser-tests-" + module + "-");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        try (Stream<Path> folder = Files.list(sources);
             StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<Path> javaFiles = folder.filter(file -> file.toString().endsWith(".java")).sorted().toList();
            List<String> options = List.of("--release", "25", "-proc:none", "-d", classes.toString());
            if (!javac.getTask(errors, files, null, options, null, files.getJavaFileObjectsFromPaths(javaFiles)).call()) {
                throw new IllegalStateException("javac failed for " + sources + ":\n" + errors);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return process.port();
    }

    /**
     * The request lines the server printed so far: "GET /ipsum.html HTTP/1.1", on a line of their
     * own (steps 1 to 12, which print each request's head) or in quotes (the access log of steps 13 and 14).
     */
    List<String> requestLines() {
        return process.stdoutLines().stream().map(REQUEST_LINE::matcher).filter(Matcher::find)
                .map(Matcher::group).toList();
    }

    private static final Pattern REQUEST_LINE = Pattern.compile("(?<=^|\")[A-Z]+ \\S+ HTTP/\\d\\.\\d(?=$|\")");

    /** Sends the server's process a signal ("TERM", "INT"); its exit status, once it has exited, or null. */
    Integer stop(String signal, Duration failSafe) {
        process.signal(signal);
        return process.awaitExit(failSafe) ? process.exitStatus() : null;
    }

    /** The address of a page on this server, for Chromium. */
    String url(String path) {
        return "http://" + ServerProcess.HOST + ":" + process.port() + path;
    }

    /** A connection that sends nothing, as a browser's unused connection or a silent nc does. */
    Socket openSilentConnection() throws IOException {
        return new Socket(ServerProcess.HOST, process.port());
    }

    /** Every line the server printed so far (the last 1000): request heads, log lines, failed connections. */
    List<String> printed() {
        return process.stdoutLines();
    }

    /** What the server saw so far, from its own output: the request lines, and the connections that failed. */
    String requestsSeen() {
        long failed = process.stdoutLines().stream().filter(line -> line.startsWith("Connection failed")).count();
        return module + " received " + requestLines() + "; " + failed + " connection(s) failed";
    }

    @Override
    public void close() {
        process.close();
    }
}
