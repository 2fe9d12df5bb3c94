package httpcourse.grader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Builds what a platform runs: the grader as it runs now (its classes, the specs, their
 * libraries: one jar each in {@code lib/}), the java arguments that grade with the options given
 * ({@code grader.args}, read as {@code java @grader.args}), and the platform's scripts (in this
 * package's resources, {@code platforms/}).
 *
 * <pre>
 * --gradescope-zip ZIP        setup.sh, run_autograder (executable, at the zip's root), grader.args, lib/
 * --prairielearn-image DIR    Dockerfile, prairielearn (the entrypoint), grader.args, lib/
 * </pre>
 */
final class Bundles {

    enum Kind { GRADESCOPE_ZIP, PRAIRIELEARN_IMAGE }

    private static final String MAIN = "httpcourse.grader.Grade";
    private static final Set<String> IMAGE_FILES = Set.of("Dockerfile", "prairielearn", "grader.args", "lib");

    private Bundles() {
    }

    /** Builds a bundle of this grader, grading with {@code gradingArgs}; says what it wrote. */
    static int build(Kind kind, Path target, List<String> gradingArgs, PrintStream out, PrintStream err) {
        List<Path> classpath = classpath();
        try {
            if (kind == Kind.GRADESCOPE_ZIP) {
                gradescopeZip(target, gradingArgs, classpath);
                out.println("Written: " + target + " (setup.sh, run_autograder, grader.args, lib/: "
                        + classpath.size() + " jars).");
                out.println("Upload it as the autograder of a Gradescope programming assignment"
                        + " (docs/grading-platforms.md).");
            } else {
                prairieLearnImage(target, gradingArgs, classpath);
                out.println("Written: " + target + " (Dockerfile, prairielearn, grader.args, lib/: "
                        + classpath.size() + " jars).");
                out.println("Build it: docker build -t YOU/http-course-grader " + target
                        + "   (docs/grading-platforms.md)");
            }
            return Grade.PASSED;
        } catch (IOException | UnsupportedOperationException e) {
            err.println("grade: cannot write " + target + ": " + e);
            return Grade.FAILED;
        }
    }

    /** The grader's classpath as it runs now: its classes and the specs (folders or jars), their libraries. */
    static List<Path> classpath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            boolean tests = path.getFileName() != null && path.getFileName().toString().equals("test-classes");
            if (!entry.isBlank() && Files.exists(path) && !tests && !entries.contains(path)) {
                entries.add(path);
            }
        }
        return entries;
    }

    static void gradescopeZip(Path zip, List<String> gradingArgs, List<Path> classpath) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        Files.deleteIfExists(zip);
        // The zip file system stores Unix permissions: run_autograder and setup.sh stay executable.
        try (FileSystem files = FileSystems.newFileSystem(zip, Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            Path root = files.getPath("/");
            copyScript("setup.sh", root, true);
            copyScript("run_autograder", root, true);
            writeGrader(root, "--gradescope", gradingArgs, classpath, "run_autograder");
        }
    }

    /**
     * What is wrong with the place to write to, if anything: the image's folder must be new, or one
     * this command wrote (it is written over); a zip's folder must not be a file.
     */
    static Optional<String> unfit(Kind kind, Path target) {
        if (kind == Kind.GRADESCOPE_ZIP) {
            return Files.isDirectory(target) ? Optional.of(target + " is a folder: give the zip file's name")
                    : Optional.empty();
        }
        if (!Files.isDirectory(target)) {
            return Files.exists(target) ? Optional.of(target + " is a file: give a folder") : Optional.empty();
        }
        try (Stream<Path> entries = Files.list(target)) {
            List<String> foreign = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !IMAGE_FILES.contains(name)).sorted().toList();
            return foreign.isEmpty() ? Optional.empty() : Optional.of(target + " must be a new folder, or one this"
                    + " command wrote (it is written over); it holds " + String.join(", ", foreign));
        } catch (IOException e) {
            return Optional.of("cannot read " + target + ": " + e);
        }
    }

    static void prairieLearnImage(Path folder, List<String> gradingArgs, List<Path> classpath) throws IOException {
        deleteTree(folder.resolve("lib"));
        Files.createDirectories(folder);
        copyScript("Dockerfile", folder, false);
        copyScript("prairielearn", folder, true);
        writeGrader(folder, "--prairielearn", gradingArgs, classpath, "prairielearn");
    }

    /** lib/ (one jar per classpath entry) and grader.args: the classpath, the main class, the options. */
    private static void writeGrader(Path root, String mode, List<String> gradingArgs, List<Path> classpath,
                                    String script) throws IOException {
        Path lib = Files.createDirectories(root.resolve("lib"));
        List<String> jars = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path entry : classpath) {
            String name = uniqueName(jarName(entry), names);
            if (Files.isDirectory(entry)) {
                jar(entry, lib.resolve(name));
            } else {
                Files.copy(entry, lib.resolve(name));
            }
            permissions(lib.resolve(name), "rw-r--r--");
            jars.add("lib/" + name);
        }
        permissions(lib, "rwxr-xr-x");
        StringBuilder args = new StringBuilder()
                .append("# The java command's arguments, read by ").append(script).append(" as: java @grader.args\n")
                .append("# Written by the course's grader; the options after ").append(mode)
                .append(" are those it grades with (./grade.sh --help).\n");
        Grade.JVM_OPTIONS.forEach(option -> args.append(option).append('\n'));
        args.append("-cp\n").append(quoted(String.join(":", jars))).append('\n')
                .append(MAIN).append('\n').append(mode).append('\n');
        gradingArgs.forEach(arg -> args.append(quoted(arg)).append('\n'));
        Files.writeString(root.resolve("grader.args"), args, StandardCharsets.UTF_8);
        permissions(root.resolve("grader.args"), "rw-r--r--");
    }

    /** An argument of a java @argfile: in double quotes, with \ and " escaped. */
    static String quoted(String arg) {
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** target/classes of a module is its module's name (grader.jar, spec.jar); a jar keeps its name. */
    private static String jarName(Path entry) {
        if (!Files.isDirectory(entry)) {
            return entry.getFileName().toString();
        }
        Path parent = entry.getParent();
        boolean moduleClasses = entry.getFileName().toString().equals("classes") && parent != null
                && parent.getFileName().toString().equals("target") && parent.getParent() != null;
        return (moduleClasses ? parent.getParent().getFileName() : entry.getFileName()) + ".jar";
    }

    private static String uniqueName(String name, Set<String> taken) {
        String unique = name;
        for (int i = 2; !taken.add(unique); i++) {
            unique = name.replaceFirst("(\\.jar)?$", "-" + i + ".jar");
        }
        return unique;
    }

    /**
     * A folder of classes and resources, as a jar, its folders included: JUnit finds the specs'
     * package by its folder ({@code ClassLoader.getResources("httpcourse/spec")}).
     */
    private static void jar(Path folder, Path jar) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.filter(path -> !path.equals(folder)).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Path path : paths) {
                String name = folder.relativize(path).toString().replace(File.separatorChar, '/');
                boolean isFolder = Files.isDirectory(path);
                out.putNextEntry(new ZipEntry(isFolder ? name + "/" : name));
                if (!isFolder) {
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
    }

    private static void copyScript(String name, Path folder, boolean executable) throws IOException {
        Path target = folder.resolve(name);
        try (InputStream script = Bundles.class.getResourceAsStream("platforms/" + name)) {
            if (script == null) {
                throw new IOException("the grader's resource platforms/" + name + " is missing");
            }
            Files.copy(script, target, StandardCopyOption.REPLACE_EXISTING);
        }
        permissions(target, executable ? "rwxr-xr-x" : "rw-r--r--");
    }

    /** Unix permissions, in a zip too (else unzip may make files nobody may read). */
    private static void permissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the Dockerfile makes the entrypoint executable (chmod) in the image anyway.
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
