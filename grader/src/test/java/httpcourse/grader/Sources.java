package httpcourse.grader;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import httpcourse.spec.Repository;
import httpcourse.spec.Sandbox;
import httpcourse.spec.SpecConfig;

/** The servers of the grader's tests: the known-wrong fixtures, and how to run and sandbox them. */
final class Sources {

    /**
     * Where the known-wrong servers' sources are written, emptied once per test run (a run writes
     * thousands of files there): under target/, so that a leftover process shows whose it is.
     */
    private static final Path KNOWN_WRONG_SERVERS =
            emptied(Repository.root().resolve("grader/target/known-wrong-servers"));

    private Sources() {
    }

    /**
     * A known-wrong server's sources, written to a folder of their own under
     * target/known-wrong-servers (tests run side by side), whose name a leftover process would
     * show. Returns the path of its HttpServer.java.
     */
    static Path fixture(KnownWrongServer server) {
        try {
            return server.writeInto(Files.createTempDirectory(KNOWN_WRONG_SERVERS, "run-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command that runs a server from its source the way students do: java HttpServer.java. */
    static List<String> java(Path source) {
        return List.of(SpecConfig.javaExecutable(), source.toString());
    }

    // Each step's sources compiled once, in this JVM: the known-wrong servers of a step start from them.
    private static final Map<Integer, Path> STEP_CLASSES = new ConcurrentHashMap<>();

    /**
     * Compiles a known-wrong server into {@code folder} and returns the command that runs it:
     * a second faster than {@code java HttpServer.java}, which compiles it at every start. Only what
     * its edits can change is compiled, over a copy of its step's classes: HttpServer.java, the
     * files it edits, and every file that names the class of an edited file (it may call a changed
     * method, or hold a copy of a changed constant). javac took 40 % of GraderTest's Java time when
     * it compiled every file of every one.
     */
    static List<String> compiled(KnownWrongServer server, Path folder) {
        Path sources = fixture(server).getParent();
        Path stepClasses = STEP_CLASSES.computeIfAbsent(server.step(), step -> compile(Repository.stepSource(step),
                folderIn(KNOWN_WRONG_SERVERS, "step" + step + "-classes-")));
        try (Stream<Path> classes = Files.list(stepClasses)) {
            for (Path file : classes.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> edited = new TreeSet<>(List.of(KnownWrongServer.MAIN_FILE));
        server.edits().forEach(edit -> edited.add(edit.file()));
        List<Path> toCompile = namingTheirClasses(sources, edited).stream().map(sources::resolve).toList();
        return SpecConfig.compiledServer(javac(toCompile, folder));
    }

    /**
     * {@code files}, with every other source of {@code folder} that names one of their classes, and
     * so on (none can name HttpServer.java's: a compact source file's class has no name to use).
     */
    private static Set<String> namingTheirClasses(Path folder, Set<String> files) {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> javaFiles = Files.list(folder)) {
            for (Path file : javaFiles.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> closed = new TreeSet<>(files);
        boolean added = true;
        while (added) {
            List<Pattern> named = closed.stream().filter(file -> !file.equals(KnownWrongServer.MAIN_FILE))
                    .map(file -> Pattern.compile("\\b" + file.replace(".java", "") + "\\b")).toList();
            added = false;
            for (Map.Entry<String, String> source : sources.entrySet()) {
                if (named.stream().anyMatch(type -> type.matcher(source.getValue()).find())) {
                    added |= closed.add(source.getKey());
                }
            }
        }
        return closed;
    }

    private static Path folderIn(Path base, String prefix) {
        try {
            return Files.createTempDirectory(base, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path emptied(Path folder) {
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles a server, HttpServer.java with every .java file beside it (a step's sources), into
     * {@code folder}; javac's warnings are shown only if it fails.
     */
    static Path compile(Path httpServer, Path folder) {
        try (Stream<Path> files = Files.list(httpServer.getParent())) {
            return javac(files.filter(file -> file.toString().endsWith(".java")).sorted().toList(), folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One file manager per thread, kept from one compilation to the next: a new one opens the JDK's
     * modules again and reads them anew, which took a third of javac's time.
     */
    private static final ThreadLocal<StandardJavaFileManager> FILE_MANAGER = ThreadLocal.withInitial(() ->
            ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8));

    /** Compiles {@code files} into {@code folder}, with the classes already there on the class path. */
    private static Path javac(List<Path> files, Path folder) {
        StandardJavaFileManager fileManager = FILE_MANAGER.get();
        StringWriter messages = new StringWriter();
        boolean compiled;
        try {
            fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(Files.createDirectories(folder)));
            fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(folder));
            compiled = ToolProvider.getSystemJavaCompiler().getTask(messages, fileManager, null, List.of("-proc:none"),
                    null, fileManager.getJavaFileObjectsFromPaths(files)).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!compiled) {
            throw new IllegalStateException("javac failed on " + files + ":\n" + messages);
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
