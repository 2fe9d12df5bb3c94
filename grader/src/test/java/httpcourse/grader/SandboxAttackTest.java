package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import httpcourse.spec.Exchange;
import httpcourse.spec.RawHttpClient;
import httpcourse.spec.Repository;
import httpcourse.spec.Sandbox;
import httpcourse.spec.SandboxLimits;
import httpcourse.spec.ServerProcess;
import httpcourse.spec.SpecConfig;
import httpcourse.spec.TemporaryFolders;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Hostile servers ({@link AttackingServer}) started as the grader starts a batch's submissions,
 * in the sandbox {@link GradingSandbox} makes for them, side by side: one tries to get out (mount,
 * capabilities, namespaces, sysctls, the grader's files and processes), the others to exceed the
 * budgets with several files, processes or children, each under the limits of one. Each attempt
 * must fail: the test reads what the servers report, and the machine's state. Meant to run as
 * root too, where the audit found the old sandbox open; where this machine does not allow a
 * budget (no control groups, not root), the test checks that the grader says so instead.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting on servers: beside the other classes (see grader/pom.xml)
@DisplayName("Hostile servers in the grader's sandbox")
class SandboxAttackTest {

    private static final int DISK_FILES = 6;
    private static final int DISK_MIB = 60; // each under the limit of 64 MiB a file: 360 MiB in all
    private static final int CHILDREN = 4;
    private static final int CHILD_MIB = 500; // each under the limit of 1 GiB a process: 2000 MiB in all
    private static final int PROCESSES = 300;

    @TempDir
    static Path work;

    private static Path submissions;
    private static Path mallory;
    private static Path gradebooks;
    private static Path optFile;
    private static List<Path> readTargets;
    private static List<Path> writeTargets;
    private static long mark;
    private static String ratelimitBefore;
    private static final Map<String, List<String>> REPORTS = new ConcurrentHashMap<>();
    private static final Map<String, Long> FOLDER_BYTES = new ConcurrentHashMap<>();

    @BeforeAll
    static void attack() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        Assumptions.assumeTrue(ci || Sandbox.unavailable().isEmpty(),
                () -> "Skipped: no sandbox on this machine. " + Sandbox.unavailable().orElse(""));
        mark = 86_400_000L + ProcessHandle.current().pid(); // in file names: unique to this run
        submissions = Files.createDirectories(work.resolve("submissions"));
        mallory = handIn(Files.createDirectories(submissions.resolve("mallory")));
        Path alice = Files.writeString(Files.createDirectories(submissions.resolve("alice")).resolve("HttpServer.java"),
                "alice's work", StandardCharsets.UTF_8);
        gradebooks = Files.createDirectories(work.resolve("grades"));
        Path gradebook = Files.writeString(gradebooks.resolve("gradebook.csv"), "alice,4,27,27,27,,\n", StandardCharsets.UTF_8);
        optFile = Path.of("/opt/httpspec-attack-" + mark + ".txt");
        try {
            Files.writeString(optFile, "a file under /opt", StandardCharsets.UTF_8); // root only
        } catch (IOException notRoot) {
            optFile = null;
        }
        readTargets = Stream.of(optFile, alice, gradebook, Repository.root().resolve("pom.xml")).filter(p -> p != null)
                .toList();
        writeTargets = Stream.of("/tmp", "/var/tmp", "/etc", "/usr/local", "/dev", System.getProperty("user.home"),
                submissions.toString(), alice.getParent().toString(), gradebooks.toString(), Repository.root().toString())
                .map(Path::of).toList();
        ratelimitBefore = Files.readString(Path.of("/proc/sys/kernel/printk_ratelimit"), StandardCharsets.US_ASCII);
        Properties targets = new Properties();
        targets.setProperty("mark", Long.toString(mark));
        targets.setProperty("grader.pid", Long.toString(ProcessHandle.current().pid()));
        targets.setProperty("read", readTargets.stream().map(Path::toString).collect(Collectors.joining(",")));
        targets.setProperty("write", writeTargets.stream().map(Path::toString).collect(Collectors.joining(",")));
        targets.setProperty("disk.files", Integer.toString(DISK_FILES));
        targets.setProperty("disk.mib", Integer.toString(DISK_MIB));
        targets.setProperty("memory.children", Integer.toString(CHILDREN));
        targets.setProperty("memory.mib", Integer.toString(CHILD_MIB));
        targets.setProperty("processes", Integer.toString(PROCESSES));
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(mallory.resolve("targets.properties")),
                StandardCharsets.UTF_8)) {
            targets.store(out, "what AttackingServer attacks");
        }

        // Where the machine allows no budget, its attack would only show what the grader already says.
        List<String> attacks = Stream.of("escape", "processes",
                Sandbox.budgetsTheFolder() ? "disk" : null, Sandbox.budgetsAllProcesses() ? "memory" : null)
                .filter(attack -> attack != null).toList();
        ExecutorService pool = Executors.newFixedThreadPool(attacks.size());
        try {
            List<Future<Void>> running = attacks.stream().map(attack -> pool.submit(() -> {
                run(attack);
                return (Void) null;
            })).toList();
            for (Future<Void> attack : running) {
                try {
                    attack.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @AfterAll
    static void deleteTheOptFile() throws IOException {
        if (optFile != null) {
            Files.deleteIfExists(optFile);
        }
    }

    /** Copies the compiled AttackingServer into the submission's folder, as a student hands in classes. */
    private static Path handIn(Path folder) throws IOException, java.net.URISyntaxException {
        Path classes = Path.of(AttackingServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path from = classes.resolve("httpcourse/grader");
        Path to = Files.createDirectories(folder.resolve("httpcourse/grader"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(from, "AttackingServer*.class")) {
            for (Path file : files) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return folder;
    }

    /** Starts the attack's server in the grader's sandbox, asks it a page, and keeps what it printed. */
    private static void run(String attack) throws Exception {
        List<String> command = List.of(SpecConfig.javaExecutable(), "-cp", mallory.toString(),
                AttackingServer.class.getName(), attack, "0");
        Path folder = TemporaryFolders.create("httpspec-");
        // A fail-safe: the attacks take a few seconds, children and forks included.
        try (ServerProcess server = ServerProcess.start(command, folder, null, Duration.ofSeconds(120),
                GradingSandbox.submission(command, mallory, submissions, gradebooks))) {
            Exchange answer = new RawHttpClient(ServerProcess.HOST, server.port(), Duration.ofSeconds(10))
                    .send("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(answer.response(), StandardCharsets.ISO_8859_1)).as("it serves")
                    .startsWith("HTTP/1.1 200 OK");
            REPORTS.put(attack, server.stdoutLines());
            // In the test's log: what each attempt met, to read when a change of the sandbox is reviewed.
            report(attack).forEach(line -> System.out.println("SandboxAttackTest: " + line));
            FOLDER_BYTES.put(attack, sizeOf(folder));
        } finally {
            TemporaryFolders.delete(folder);
        }
    }

    private static List<String> report(String attack) {
        return REPORTS.get(attack).stream().filter(line -> line.startsWith("ATTACK ")).toList();
    }

    private static String line(String attack, String what) {
        return report(attack).stream().filter(line -> line.startsWith("ATTACK " + what + ": ")).findFirst()
                .orElseThrow(() -> new AssertionError("no report of \"" + what + "\" in " + REPORTS.get(attack)));
    }

    @Test
    @DisplayName("has no capability, and cannot gain one: no mount, no user namespace, no sysctl")
    void gainsNoCapability() throws IOException {
        assertThat(line("escape", "capabilities")).isEqualTo("ATTACK capabilities: CapEff:\t0000000000000000");
        for (String what : List.of("remount / read-write", "remount its submission read-write",
                "mount a tmpfs on its submission", "become root in a new user namespace",
                "sysctl kernel.printk_ratelimit")) {
            assertThat(line("escape", what)).contains(": BLOCKED");
        }
        assertThat(Files.readString(Path.of("/proc/sys/kernel/printk_ratelimit"), StandardCharsets.US_ASCII))
                .isEqualTo(ratelimitBefore);
    }

    @Test
    @DisplayName("reads its own submission, and nothing of the machine's beyond the system: not /opt, a classmate, the grades, the repository")
    void readsAnAllowListOnly() throws IOException {
        assertThat(line("escape", "read " + mallory.resolve("targets.properties"))).contains(": DONE");
        for (Path target : readTargets) {
            assertThat(line("escape", "read " + target)).contains(": BLOCKED");
        }
        Set<String> top = Arrays.stream(line("escape", "sees /").substring("ATTACK sees /: ".length()).split(","))
                .collect(Collectors.toSet());
        Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
        assertThat(Stream.of("bin", "dev", "etc", "lib", "lib32", "lib64", "libx32", "proc", "sbin", "tmp", "usr",
                javaHome.getName(0).toString(), work.getName(0).toString()).collect(Collectors.toSet())).containsAll(top);
        assertThat(line("escape", "see the grader's process " + ProcessHandle.current().pid())).contains(": BLOCKED");
        if (optFile == null) {
            System.out.println("SandboxAttackTest: not root, so no file under /opt to try to read");
        }
    }

    @Test
    @DisplayName("writes in its own folder only: not in /tmp, /etc, a home, a classmate's folder, the grades, the repository")
    void writesInItsFolderOnly() throws IOException {
        assertThat(line("escape", "write into its own folder")).isEqualTo("ATTACK write into its own folder: DONE");
        for (Path target : writeTargets) {
            assertThat(line("escape", "write into " + target)).contains(": BLOCKED");
            assertThat(target.resolve("pwned-" + mark + ".txt")).doesNotExist();
        }
        try (Stream<Path> files = Files.walk(submissions)) {
            assertThat(files.filter(Files::isRegularFile).map(submissions::relativize).map(Path::toString)
                    .filter(file -> !file.startsWith("mallory/httpcourse/"))).containsExactlyInAnyOrder(
                    "alice/HttpServer.java", "mallory/targets.properties");
        }
    }

    @Test
    @DisplayName("keeps a fork bomb under " + SandboxLimits.PROCESSES + " processes, and ends them with the server")
    void budgetsProcesses() {
        Matcher started = Pattern.compile("ATTACK processes: started (\\d+) of " + PROCESSES)
                .matcher(line("processes", "processes"));
        assertThat(started.find()).as(line("processes", "processes")).isTrue();
        // At least a hundred: the attack forks; below the budget: the budget holds.
        assertThat(Integer.parseInt(started.group(1))).isBetween(100, SandboxLimits.PROCESSES - 1);
        assertThat(Sources.processesMentioning("sleep " + mark)).isEmpty();
    }

    @Test
    @DisplayName("as root, keeps the files of its folder under 256 MiB in all, six files under 64 MiB each")
    void budgetsTheFolder() {
        if (!Sandbox.budgetsTheFolder()) {
            assertThat(Sandbox.limitations()).anyMatch(note -> note.startsWith("A server's folder has no total size here"));
            return;
        }
        Matcher wrote = Pattern.compile("ATTACK disk: wrote (\\d+) MiB of " + DISK_FILES * DISK_MIB)
                .matcher(line("disk", "disk"));
        assertThat(wrote.find()).as(line("disk", "disk")).isTrue();
        long mebibytes = Long.parseLong(wrote.group(1));
        assertThat(mebibytes).isBetween((SandboxLimits.DISK_BYTES >> 20) - 16, SandboxLimits.DISK_BYTES >> 20);
        assertThat(line("disk", "disk")).contains("No space left on device");
        assertThat(FOLDER_BYTES.get("disk")).as("what the folder held, seen from outside").isLessThanOrEqualTo(SandboxLimits.DISK_BYTES);
    }

    @Test
    @DisplayName("where control groups are allowed, lets its children hold no more than the memory budget together")
    void budgetsMemory() {
        if (!Sandbox.budgetsAllProcesses()) {
            assertThat(Sandbox.limitations()).anyMatch(note -> note.startsWith("The sandbox cannot budget the memory"));
            return;
        }
        Matcher held = Pattern.compile("ATTACK memory: (\\d+) of " + CHILDREN + " children held " + CHILD_MIB
                + " MiB each at once").matcher(line("memory", "memory"));
        assertThat(held.find()).as(line("memory", "memory")).isTrue();
        int children = Integer.parseInt(held.group(1));
        // At least one: a child holds its part alone; at most what the budget holds: not all four.
        assertThat(children).isBetween(1, (int) (SandboxLimits.MEMORY_BUDGET_BYTES / ((long) CHILD_MIB << 20)));
    }

    /** The bytes of the regular files under {@code folder}. */
    private static long sizeOf(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
