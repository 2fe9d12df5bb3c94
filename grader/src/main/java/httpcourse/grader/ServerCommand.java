package httpcourse.grader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import httpcourse.spec.TemporaryFolders;

/**
 * Turns the command a person typed into the command the spec runs.
 *
 * <p>The spec starts every server in a fresh temporary folder (where it writes htdocs/), so a
 * relative path such as {@code alice/HttpServer.java} would point nowhere there. Every word
 * that names an existing file or folder, seen from {@code base}, becomes an absolute path.
 * Before that, {@code {step}} becomes the step number and {@code {dir}} the submission's
 * folder; a word with {@code *} is expanded when it matches exactly one path
 * ({@code step{step}-*}{@code /src/main/java/HttpServer.java} finds each step of a copy of
 * this repository).
 */
final class ServerCommand {

    private ServerCommand() {
    }

    static List<String> resolve(List<String> template, Path base, int step) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < template.size(); i++) {
            String word = template.get(i)
                    .replace("{step}", Integer.toString(step))
                    .replace("{dir}", base.toAbsolutePath().normalize().toString());
            words.add(i == 0 && !word.contains("/") && !word.contains("\\")
                    ? word // a program found on the PATH: "java", "python3"
                    : absolute(word, base));
        }
        return words;
    }

    /**
     * The same command, for a Java server given as source ({@code java [options] Server.java
     * [arguments]}), run from classes that javac compiled once, in a new folder: started from its
     * source, every server of a step would compile it again, and a class it loads on the first
     * request would make that request wait for the compiler. The same sources, the same classes:
     * javac finds the other files of the folder as {@code java} does (its source path). When javac
     * fails, or the main class is not named after the file, the command stays as it is, and
     * {@code java} reports the errors when it starts.
     */
    static List<String> compiled(List<String> words) {
        int at = sourceFileAt(words);
        if (at < 0) {
            return words;
        }
        Path source = Path.of(words.get(at));
        String mainClass = source.getFileName().toString().replaceFirst("\\.java$", "");
        Path classes = TemporaryFolders.create("httpgrader-classes-");
        try {
            // -J-XX:TieredStopAtLevel=1: javac runs for a second, and C2's compiling would cost it more than it saves.
            Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                    "-J-XX:TieredStopAtLevel=1", "-d", classes.toString(), "-encoding", "UTF-8", "-nowarn", "-XDsuppressNotes",
                    "--source-path", source.getParent().toString(), source.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (javac.waitFor() != 0 || !Files.isRegularFile(classes.resolve(mainClass + ".class"))) {
                return words;
            }
            readableByAll(classes); // a sandbox runs the server as nobody
        } catch (IOException e) {
            return words;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return words;
        }
        List<String> run = new ArrayList<>(words.subList(0, at));
        run.addAll(List.of("-cp", classes.toString(), mainClass));
        run.addAll(words.subList(at + 1, words.size()));
        return run;
    }

    /** Where {@code java ... File.java} names its source file; -1 for any other command. */
    private static int sourceFileAt(List<String> words) {
        String program = Path.of(words.getFirst()).getFileName().toString();
        if (!program.equals("java") && !program.equals("java.exe")) {
            return -1;
        }
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("-cp") || word.equals("-classpath") || word.equals("--class-path") || word.equals("-jar")) {
                return -1; // classes already, or a jar
            }
            if (!word.startsWith("-")) {
                return word.endsWith(".java") && Files.isRegularFile(Path.of(word)) ? i : -1;
            }
        }
        return -1;
    }

    /** The sandbox runs a server as nobody, who must be able to read its classes. */
    static void readableByAll(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: no sandbox there either
        }
    }

    /**
     * The folders the resolved command names: a folder as it is, a file by its folder (a Python
     * server may import its neighbours). A sandbox shows them to the server, read-only.
     */
    static List<Path> namedFolders(List<String> words) {
        List<Path> folders = new ArrayList<>();
        for (String word : words) {
            try {
                Path path = Path.of(word);
                if (path.isAbsolute() && Files.exists(path)) {
                    folders.add(Files.isDirectory(path) ? path : path.getParent());
                }
            } catch (RuntimeException notAPath) {
                // an option or an argument, not a file
            }
        }
        return folders;
    }

    private static String absolute(String word, Path base) {
        if (word.startsWith("-")) {
            return word; // an option such as -cp or -Xmx32m
        }
        try {
            Path path = word.contains("*") ? expand(base, word) : base.resolve(word);
            return path != null && Files.exists(path) ? path.toAbsolutePath().normalize().toString() : word;
        } catch (RuntimeException notAPath) {
            return word; // not a possible path on this system (Windows forbids "*", for one)
        }
    }

    /** The one path a pattern matches ("*" stands for any part of one name), or null. */
    private static Path expand(Path base, String pattern) {
        Path full = base.toAbsolutePath().resolve(pattern).normalize();
        List<Path> matches = List.of(full.getRoot());
        for (Path name : full) {
            List<Path> next = new ArrayList<>();
            for (Path folder : matches) {
                if (!name.toString().contains("*")) {
                    next.add(folder.resolve(name.toString()));
                } else if (Files.isDirectory(folder)) {
                    try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, name.toString())) {
                        found.forEach(next::add);
                    } catch (IOException unreadable) {
                        // nothing matches in this folder
                    }
                }
            }
            matches = next;
        }
        return matches.size() == 1 ? matches.get(0) : null;
    }
}
