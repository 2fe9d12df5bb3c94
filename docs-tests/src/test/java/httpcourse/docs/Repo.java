package httpcourse.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import httpcourse.spec.Repository;

/** Where the repository is, and which Markdown files make up the course text. */
final class Repo {

    /** The repository root: the first folder, from the working directory up, with htdocs/ and pom.xml. */
    static final Path ROOT = Repository.root();

    private Repo() {
    }

    /** The course text: README.md at the root and every Markdown file under docs/, in name order. */
    static List<Path> markdownFiles() {
        List<Path> files = new ArrayList<>();
        Path readme = ROOT.resolve("README.md");
        if (Files.isRegularFile(readme)) {
            files.add(readme);
        }
        Path docs = ROOT.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> walk = Files.walk(docs)) {
                walk.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** A path as a student sees it: relative to the root, with forward slashes. */
    static String show(Path file) {
        return ROOT.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** The lines of a text file, without their line endings (LF or CRLF, whichever it has). */
    static List<String> lines(Path file) {
        return read(file).lines().toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes lines back with the line ending the file already used, and a final line ending. */
    static void write(Path file, List<String> lines, String lineEnding) {
        try {
            Files.writeString(file, String.join(lineEnding, lines) + lineEnding, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line ending a text file uses: CRLF if it has any, LF otherwise. */
    static String lineEnding(String text) {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }
}
