package httpcourse.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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

    // Each step's classes, found or compiled once in this JVM: the known-wrong servers of a step start from them.
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
        List<Path> stepFiles = javaFiles(Repository.stepSource(server.step()).getParent());
        Path stepClasses = STEP_CLASSES.computeIfAbsent(server.step(), step -> compiledOnce(stepFiles,
                classes -> javac(stepFiles, classes)));
        List<Path> inputs = Stream.concat(stepFiles.stream(), javaFiles(sources).stream()).toList();
        Path classes = compiledOnce(inputs, building -> {
            Set<String> edited = new TreeSet<>(List.of(KnownWrongServer.MAIN_FILE));
            server.edits().forEach(edit -> edited.add(edit.file()));
            copyFiles(stepClasses, building);
            javac(namingTheirClasses(sources, edited).stream().map(sources::resolve).toList(), building);
        });
        return SpecConfig.compiledServer(copyFiles(classes, folder));
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
            deleted(folder);
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleted(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /**
     * Compiles a server, HttpServer.java with every .java file beside it (a step's sources), into
     * {@code folder}; javac's warnings are shown only if it fails.
     */
    static Path compile(Path httpServer, Path folder) {
        List<Path> files = javaFiles(httpServer.getParent());
        return copyFiles(compiledOnce(files, classes -> javac(files, classes)), folder);
    }

    /**
     * Classes compiled by earlier test runs, under target/, each in a folder named by a hash of all
     * that made them: their sources, the JDK and javac's options. javac took two thirds of
     * GraderTest's own CPU, and a run mostly compiles what the one before it did. A fresh clone, or
     * mvn clean, starts with none; past 1,500 folders (five changes of every source), all go.
     */
    private static final Path COMPILED_BEFORE = pruned(Repository.root().resolve("grader/target/compiled-before"), 1500);

    /** The classes that {@code compile} makes of {@code inputs} into an empty folder, made once. */
    private static Path compiledOnce(List<Path> inputs, Consumer<Path> compile) {
        Path done = COMPILED_BEFORE.resolve(hash(inputs));
        if (Files.isDirectory(done)) {
            return done;
        }
        Path building = folderIn(COMPILED_BEFORE, "building-");
        compile.accept(building);
        try {
            try {
                Files.move(building, done, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException notMoved) {
                if (!Files.isDirectory(done)) {
                    throw notMoved;
                }
                deleted(building); // a test beside this one compiled the same sources first
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return done;
    }

    /**
     * SHA-256, in hex, of the JDK's version, javac's options, this class's own bytes (a change to how
     * it compiles compiles anew), and each input's name and bytes.
     */
    private static String hash(List<Path> inputs) {
        try (InputStream ownClass = Sources.class.getResourceAsStream("Sources.class")) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((Runtime.version() + "\n" + JAVAC_OPTIONS + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(ownClass.readAllBytes());
            for (Path input : inputs) {
                byte[] bytes = Files.readAllBytes(input);
                digest.update((input.getFileName() + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> javaFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyFiles(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path pruned(Path folder, int most) {
        try {
            Files.createDirectories(folder);
            try (Stream<Path> entries = Files.list(folder)) {
                return entries.count() > most ? emptied(folder) : folder;
            }
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

    /**
     * No annotation processing; and string concatenation compiled to StringBuilder calls, not to
     * invokedynamic, whose first call costs a server 30 ms of CPU: a server under test lives for
     * seconds, and GraderTest starts hundreds. Behaviour is the same.
     */
    private static final List<String> JAVAC_OPTIONS = List.of("-proc:none", "-XDstringConcat=inline");

    /** Compiles {@code files} into {@code folder}, with the classes already there on the class path. */
    private static Path javac(List<Path> files, Path folder) {
        StandardJavaFileManager fileManager = FILE_MANAGER.get();
        StringWriter messages = new StringWriter();
        boolean compiled;
        try {
            fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(Files.createDirectories(folder)));
            fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(folder));
            compiled = ToolProvider.getSystemJavaCompiler().getTask(messages, fileManager, null, JAVAC_OPTIONS,
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
