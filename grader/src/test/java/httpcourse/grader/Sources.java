package httpcourse.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.ToolProvider;

import httpcourse.spec.Repository;
import httpcourse.spec.SpecConfig;

/** The servers of the grader's tests: the known-wrong fixtures, and how to run a single-file server. */
final class Sources {

    private Sources() {
    }

    /**
     * A known-wrong server (see {@link KnownWrongServer}), written to a folder of its own under
     * target/known-wrong-servers (tests run side by side), whose name a leftover process would show.
     */
    static Path fixture(String name) {
        try {
            Path base = Files.createDirectories(Repository.root().resolve(KNOWN_WRONG_SERVERS));
            return KnownWrongServer.named(name).writeInto(Files.createTempDirectory(base, "run-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String KNOWN_WRONG_SERVERS = "grader/target/known-wrong-servers";

    /** The command that runs a single-file Java server the way students do: java HttpServer.java. */
    static List<String> java(Path source) {
        return List.of(SpecConfig.javaExecutable(), source.toString());
    }

    /**
     * Compiles a single-file server into {@code folder} and returns the command that runs it:
     * a second faster than {@code java HttpServer.java}, which compiles it at every start.
     */
    static List<String> compiled(Path source, Path folder) {
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", folder.toString(), source.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed on " + source);
        }
        return List.of(SpecConfig.javaExecutable(), "-cp", folder.toString(), "HttpServer");
    }

    /** Server processes of this JVM whose command line mentions {@code text}: there must be none left. */
    static List<String> processesMentioning(String text) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(text))
                .toList();
    }
}
