package httpcourse.spec;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a server under test runs. {@link #NONE}: as any program of the person who runs the
 * specs (the course's own servers, in the step modules). {@link #bubblewrap}: in a sandbox, for
 * code nobody has read (the grader's default, on Linux), made with bubblewrap
 * (<a href="https://github.com/containers/bubblewrap">bwrap</a>):
 *
 * <ul>
 *   <li>the system is visible but read-only;</li>
 *   <li>the private places (home folders, /tmp, /mnt...) and the places the caller names (the
 *       other submissions, the grades, the grader's own files) are hidden behind empty read-only
 *       folders; only the folders the caller shows (the submission) and the JDK come back, read-only;</li>
 *   <li>the server's working folder is the only place it may write to;</li>
 *   <li>it has its own process namespace: when the sandbox ends, every process the server
 *       started ends with it, daemons included, and so does the sandbox when the JVM that started
 *       it dies, even by {@code kill -9};</li>
 *   <li>it shares the network, so that the specs reach it on 127.0.0.1;</li>
 *   <li>it gets a fresh environment (no tokens, no agents) and the limits below (prlimit).</li>
 * </ul>
 */
public final class Sandbox {

    /** Memory a server may map for its data: heap, stacks, malloc. Java servers are told so (MaxRAM). */
    public static final long MEMORY_BYTES = 1L << 30;
    /**
     * Processes and threads, counted in the sandbox's own user namespace: on Linux 5.14 and later
     * only (see {@link #countsProcessesPerUserNamespace}); root is exempt.
     */
    public static final int PROCESSES = 256;
    /** CPU time of each process: a server that spins in a loop is stopped (SIGXCPU, then SIGKILL). */
    public static final int CPU_SECONDS = 30;
    /** The largest file a server may write (in its working folder: the only place it can write to). */
    public static final long FILE_BYTES = 64L << 20;

    /*
     * What the java launcher of a Java server is told (JDK_JAVA_OPTIONS). Everywhere: the platform
     * charset is US-ASCII, as it is for Java 17 in the C locale, so that a server that relies on it
     * shows it on every JDK (Java 18 and newer default to UTF-8; their COMPAT value would bring
     * the locale's charset back, but Java 17 does not know it and takes UTF-8). In the sandbox:
     * the JVM sizes its heap to the memory limit, and writes no perf data in /tmp.
     */
    static final String JAVA_OPTIONS = "-Dfile.encoding=US-ASCII";
    static final String JAVA_OPTIONS_IN_SANDBOX = JAVA_OPTIONS + " -XX:MaxRAM=" + (MEMORY_BYTES >> 20) + "m"
            + " -XX:-UsePerfData";
    private static final String JAVA_OPTIONS_NOTICE = "NOTE: Picked up JDK_JAVA_OPTIONS: ";

    /** Places that hold other people's files and the machine's secrets: hidden from every server. */
    private static final List<String> PRIVATE_PLACES =
            List.of("/home", "/root", "/tmp", "/var/tmp", "/mnt", "/media", "/srv", "/run/user");

    /** Places a server needs, never hidden, even when the caller names one (grading from /usr, say). */
    private static final Set<Path> SYSTEM_PLACES = Stream.of("/", "/bin", "/dev", "/etc", "/lib", "/lib32", "/lib64",
            "/opt", "/proc", "/run", "/sbin", "/sys", "/usr", "/var").map(Path::of).collect(Collectors.toSet());

    /** No sandbox: the server runs as any other program (the specs' default). */
    public static final Sandbox NONE = new Sandbox(false, List.of(), List.of());

    private static volatile Optional<String> unavailable;

    private final boolean on;
    private final List<Path> shown;
    private final List<Path> hidden;

    private Sandbox(boolean on, List<Path> shown, List<Path> hidden) {
        this.on = on;
        this.shown = List.copyOf(shown);
        this.hidden = List.copyOf(hidden);
    }

    /**
     * A bubblewrap sandbox.
     *
     * @param shown  folders and files the server may read (its submission), shown read-only even
     *               inside a hidden place
     * @param hidden places to hide besides the private ones (the other submissions, the grades)
     */
    public static Sandbox bubblewrap(Collection<Path> shown, Collection<Path> hidden) {
        return new Sandbox(true, List.copyOf(shown), List.copyOf(hidden));
    }

    public boolean isOn() {
        return on;
    }

    /** What the caller shows, read-only. */
    public List<Path> shown() {
        return shown;
    }

    /** What the caller hides, besides the private places. */
    public List<Path> hidden() {
        return hidden;
    }

    /**
     * Why a sandbox cannot be made on this machine, in words that say what to do; empty when it
     * can. Checked once (it runs bwrap), then remembered.
     */
    public static Optional<String> unavailable() {
        if (unavailable == null) {
            unavailable = findWhyUnavailable();
        }
        return unavailable;
    }

    /**
     * The command that runs {@code command} in this sandbox, with {@code workingDirectory} as its
     * folder, and SIGINT handled as by default (see {@link #sigintAsDefault}).
     */
    public List<String> wrap(List<String> command, Path workingDirectory) throws NoSuchFileException {
        if (!on) {
            // A program that does not exist keeps failing to start, as ProcessBuilder reports it.
            return findProgram(command.get(0)).isEmpty() ? command
                    : Stream.concat(sigintAsDefault().stream(), command.stream()).toList();
        }
        Path program = findProgram(command.get(0))
                .orElseThrow(() -> new NoSuchFileException(command.get(0), null, "no such program on the PATH"));
        List<String> wrapped = new ArrayList<>(List.of("bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"));
        List<Path> hide = placesToHide();
        hide.forEach(place -> wrapped.addAll(List.of("--tmpfs", place.toString())));
        for (Path place : placesToShow(program, hide)) {
            wrapped.addAll(List.of("--ro-bind", place.toString(), place.toString()));
        }
        wrapped.addAll(List.of("--bind", workingDirectory.toString(), workingDirectory.toString()));
        // Read-only only now: the binds above needed their mount points made inside these folders.
        hide.forEach(place -> wrapped.addAll(List.of("--remount-ro", place.toString())));
        wrapped.addAll(List.of("--chdir", workingDirectory.toString(),
                "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                "--die-with-parent", // the sandbox dies with the JVM that started it
                "--new-session", // no access to the grader's terminal
                "--",
                "prlimit", "--data=" + MEMORY_BYTES));
        if (countsProcessesPerUserNamespace()) {
            wrapped.add("--nproc=" + PROCESSES);
        }
        wrapped.addAll(List.of("--cpu=" + CPU_SECONDS + ":" + (CPU_SECONDS + 5), "--fsize=" + FILE_BYTES, "--core=0",
                "--"));
        wrapped.addAll(sigintAsDefault());
        wrapped.add(program.toString());
        wrapped.addAll(command.subList(1, command.size()));
        return wrapped;
    }

    /**
     * "env --default-signal=INT" (GNU coreutils 8.31 and later), where this system has it; nothing
     * elsewhere. A shell starts its background jobs with SIGINT ignored, and a process passes that
     * on to the processes it starts: a grader run in the background would start servers for which
     * Ctrl+C (SIGINT, which the specs of step 9 send) does nothing. env sets it back to the
     * default, then runs the server in its own process: the server gets SIGINT as in a terminal.
     */
    static List<String> sigintAsDefault() {
        if (sigintAsDefault == null) {
            sigintAsDefault = runs(List.of("env", "--default-signal=INT", "true"))
                    ? List.of("env", "--default-signal=INT") : List.of();
        }
        return sigintAsDefault;
    }

    private static volatile List<String> sigintAsDefault;

    /** Whether {@code command} runs and exits with status 0 (within a fail-safe of 10 s). */
    private static boolean runs(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The environment of a server. Without a sandbox: the caller's, in the C locale with US-ASCII
     * as Java's platform charset (a server that relies on it shows it). In the sandbox: only what a
     * server needs, so that no token, agent socket or password in the caller's environment reaches it.
     */
    public Map<String, String> environment(Map<String, String> inherited, Path workingDirectory) {
        Map<String, String> env = new HashMap<>(on ? Map.of() : inherited);
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        // Python buffers a piped stdout: its "Listening on port N" would stay in the buffer.
        env.put("PYTHONUNBUFFERED", "1");
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("JDK_JAVA_OPTIONS", on ? JAVA_OPTIONS_IN_SANDBOX : JAVA_OPTIONS);
        if (on) {
            env.put("PATH", inherited.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
            env.put("HOME", workingDirectory.toString());
            env.put("TMPDIR", workingDirectory.toString()); // /tmp is read-only in the sandbox
        }
        return env;
    }

    /** The line the java launcher prints on stderr because of our JDK_JAVA_OPTIONS: not the server's own words. */
    static boolean isJavaOptionsNotice(String line) {
        return line.equals(JAVA_OPTIONS_NOTICE + JAVA_OPTIONS) || line.equals(JAVA_OPTIONS_NOTICE + JAVA_OPTIONS_IN_SANDBOX);
    }

    /** The private places and the caller's, that exist, each once (not one inside another), as real paths. */
    private List<Path> placesToHide() {
        Set<Path> places = new LinkedHashSet<>();
        PRIVATE_PLACES.forEach(place -> places.add(Path.of(place)));
        places.add(Path.of(System.getProperty("user.home")));
        places.addAll(hidden);
        List<Path> existing = realPaths(places).stream().filter(place -> !SYSTEM_PLACES.contains(place)).toList();
        return existing.stream()
                .filter(place -> existing.stream().noneMatch(other -> !other.equals(place) && place.startsWith(other)))
                .sorted()
                .toList();
    }

    /**
     * What the server may read inside the hidden places: what the caller shows, the JDK that runs
     * the specs (the course's servers run on it), and the folder the program was installed in
     * (a JDK or a Python under a home folder). Each both as named and as its real path: a JVM
     * finds its libraries from its real path. Only places inside the hidden ones: the others are
     * visible anyway, and binding a folder that holds a hidden place (/, say) would show it again.
     */
    private List<Path> placesToShow(Path program, List<Path> hiddenPlaces) {
        Set<Path> places = new LinkedHashSet<>(shown);
        places.add(Path.of(System.getProperty("java.home")));
        Path installation = program.getParent() == null ? null : program.getParent().getParent(); // above bin/
        if (installation != null) {
            places.add(installation);
        }
        realPath(program).map(Path::getParent).map(Path::getParent).ifPresent(places::add);
        Set<Path> withRealPaths = new LinkedHashSet<>();
        for (Path place : places) {
            if (Files.exists(place)) {
                withRealPaths.add(place.toAbsolutePath().normalize());
                realPath(place).ifPresent(withRealPaths::add);
            }
        }
        return withRealPaths.stream()
                .filter(place -> hiddenPlaces.stream().anyMatch(place::startsWith))
                .toList();
    }

    /**
     * Whether the kernel counts a sandbox's processes apart from the user's others (Linux 5.14 and
     * later count them per user namespace). An older kernel counts all of the user's processes and
     * threads, often more than the limit already: there, the process limit would stop the server.
     */
    static boolean countsProcessesPerUserNamespace() {
        Matcher version = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(System.getProperty("os.version"));
        return version.find() && (Integer.parseInt(version.group(1)) > 5
                || Integer.parseInt(version.group(1)) == 5 && Integer.parseInt(version.group(2)) >= 14);
    }

    /** The program as the process would find it: a path, or a name looked up on the PATH. */
    static Optional<Path> findProgram(String word) {
        if (word.contains(File.separator)) {
            Path path = Path.of(word).toAbsolutePath();
            return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(searchPath.split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, word))
                .filter(candidate -> Files.isExecutable(candidate) && !Files.isDirectory(candidate))
                .findFirst();
    }

    private static List<Path> realPaths(Collection<Path> paths) {
        return paths.stream().map(Sandbox::realPath).flatMap(Optional::stream).distinct().toList();
    }

    private static Optional<Path> realPath(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException missing) {
            return Optional.empty();
        }
    }

    private static Optional<String> findWhyUnavailable() {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            return Optional.of("The sandbox that protects your files from the servers needs Linux (bubblewrap)."
                    + " On macOS or Windows, grade code you have not read in a Linux virtual machine, in WSL 2"
                    + " or in a container: docs/instructors.md says how.");
        }
        if (findProgram("bwrap").isEmpty() || findProgram("prlimit").isEmpty()) {
            return Optional.of("The sandbox that protects your files from the servers needs bubblewrap (bwrap)"
                    + " and prlimit, and " + (findProgram("bwrap").isEmpty() ? "bwrap" : "prlimit")
                    + " is not installed. Install them:\n  sudo apt-get install bubblewrap util-linux   (Debian, Ubuntu)"
                    + "\n  sudo dnf install bubblewrap util-linux       (Fedora)");
        }
        return tryOnce().map(error -> "bubblewrap is installed but cannot make a sandbox here:\n  " + error
                + "\nOn Ubuntu 24.04 and later, AppArmor restricts user namespaces: docs/instructors.md says what"
                + " to do. In a container, bwrap needs one started with user namespaces allowed.");
    }

    /** Runs {@code true} in a sandbox; returns bwrap's complaint when that fails. */
    private static Optional<String> tryOnce() {
        Path folder = TemporaryFolders.create("httpspec-sandbox-check-");
        try {
            List<String> command = bubblewrap(List.of(), List.of()).wrap(List.of("true"), folder);
            Process trial = new ProcessBuilder(command).redirectErrorStream(true).start();
            trial.getOutputStream().close();
            byte[] output = trial.getInputStream().readAllBytes(); // ends when the sandbox ends
            // A fail-safe only: the sandbox ends as soon as "true" does.
            if (!trial.waitFor(60, TimeUnit.SECONDS) || trial.exitValue() != 0) {
                trial.destroyForcibly();
                return Optional.of(new String(output, StandardCharsets.UTF_8).strip());
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } finally {
            TemporaryFolders.delete(folder);
        }
    }
}
