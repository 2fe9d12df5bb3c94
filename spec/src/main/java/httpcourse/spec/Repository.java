package httpcourse.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where this repository and its steps are, for the tests of the modules that build on the specs
 * (the grader's, the browser tests, spec' own). The specs themselves never need it: they
 * test whatever server they are given.
 */
public final class Repository {

    private Repository() {
    }

    /**
     * The folder with htdocs/ and the parent pom.xml: the first one from the working directory up
     * (Maven runs a module's tests in the module's folder, an IDE often in the repository root).
     */
    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("htdocs")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (a folder with htdocs/ and pom.xml) above " + start
                + ": run the tests from inside the repository.");
    }

    /** This repository's server for a step: stepN-*&#47;src/main/java/HttpServer.java. */
    public static Path stepSource(int step) {
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(root(), "step" + step + "-*")) {
            return modules.iterator().next().resolve("src/main/java/HttpServer.java");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
