package httpcourse.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import httpcourse.spec.Repository;
import httpcourse.spec.Sandbox;
import httpcourse.spec.SpecConfig;

/** The servers of the grader's tests: the known-wrong fixtures, and how to run and sandbox them. */
final class Sources {

    static final String KNOWN_WRONG_SERVERS = "grader/target/known-wrong-servers";

    private Sources() {
    }

    /**
     * A known-wrong server's sources, written to a folder of their own under
     * target/known-wrong-servers (tests run side by side), whose name a leftover process would
     * show. Returns the path of its HttpServer.java.
     */
    static Path fixture(KnownWrongServer server) {
        try {
            Path base = Files.createDirectories(Repository.root().resolve(KNOWN_WRONG_SERVERS));
            return server.writeInto(Files.createTempDirectory(base, "run-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command that runs a server from its source the way students do: java HttpServer.java. */
    static List<String> java(Path source) {
        return List.of(SpecConfig.javaExecutable(), source.toString());
    }

    /**
     * Compiles a known-wrong server into {@code folder} and returns the command that runs it:
     * a second faster than {@code java HttpServer.java}, which compiles it at every start.
     */
    static List<String> compiled(KnownWrongServer server, Path folder) {
        Path classes = compile(fixture(server), folder);
        return SpecConfig.compiledServer(classes);
    }

    /**
     * Compiles a server, HttpServer.java with every .java file beside it (a step's sources), into
     * {@code folder}; javac's warnings are shown only if it fails.
     */
    static Path compile(Path httpServer, Path folder) {
        List<String> args = new ArrayList<>(List.of("-d", folder.toString()));
        try (Stream<Path> files = Files.list(httpServer.getParent())) {
            files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, messages, messages, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac failed on " + httpServer.getParent() + ":\n"
                    + messages.toString(StandardCharsets.UTF_8));
        }
        return folder;
    }

    /**
     * The grader's sandbox for a command, where this machine can make one; none elsewhere (a
     * student's macOS), so that the grader's tests still run there. The sandbox's own tests
     * insist on it where CI=true.
     */
    static Sandbox sandbox(List<String> command) {
        return Sandbox.unavailable().isEmpty() ? GradingSandbox.single(command) : Sandbox.NONE;
    }

    /** The grade command's options for the same choice: nothing, or --no-sandbox. */
    static List<String> sandboxOption() {
        return Sandbox.unavailable().isEmpty() ? List.of() : List.of("--no-sandbox");
    }

    /**
     * Processes of this machine whose command line mentions {@code text}: there must be none left.
     * All of them, not only this JVM's descendants: a daemon leaves the tree of its parent.
     */
    static List<String> processesMentioning(String text) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(text))
                .toList();
    }
}
