package httpcourse.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * What a server sees and may do in the {@link Sandbox}, found by running a shell in it. (The
 * grader's SandboxAttackTest and BatchTest attack it with real hostile servers.) Skipped where
 * this machine cannot make a sandbox, and failed there instead when CI=true: CI installs
 * bubblewrap. The tests about root's sandbox (nobody on the machine, the folder's tmpfs) check
 * what an ordinary user's sandbox does instead when they do not run as root.
 */
@Execution(ExecutionMode.CONCURRENT) // it waits on processes: beside the others (spec/pom.xml)
@DisplayName("The sandbox")
class SandboxTest {

    private static final boolean ROOT = DiskBudget.isRoot();

    /** The server's working folder, as the spec makes it; deleted (and its tmpfs and group given back) after each test. */
    private Path folder;

    @BeforeAll
    static void needsASandbox() {
        boolean ci = "true".equals(System.getenv("CI"));
        Assumptions.assumeTrue(ci || Sandbox.unavailable().isEmpty(),
                () -> "Skipped: no sandbox on this machine. " + Sandbox.unavailable().orElse(""));
    }

    @AfterEach
    void deleteTheFolder() {
        if (folder != null) {
            TemporaryFolders.delete(folder);
        }
    }

    /** What {@code script} printed (stdout and stderr), run by sh in a sandbox that shows and hides the given places. */
    private String run(String script, List<Path> shown, List<Path> hidden, Map<String, String> environment)
            throws IOException, InterruptedException {
        if (folder == null) {
            folder = TemporaryFolders.create("httpspec-sandbox-test-");
        }
        Sandbox sandbox = Sandbox.bubblewrap(shown, hidden);
        ProcessBuilder builder = new ProcessBuilder(sandbox.wrap(List.of("sh", "-c", script), folder))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(sandbox.environment(environment, folder));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the sandbox ended").isTrue(); // a fail-safe
        return output;
    }

    private String run(String script) throws IOException, InterruptedException {
        return run(script, List.of(), List.of(), System.getenv());
    }

    @Test
    @DisplayName("limits memory, processes, CPU time and file size, and writes no core dump")
    void setsLimits() throws Exception {
        String limits = run("cat /proc/self/limits");
        assertThat(limits).containsPattern("Max cpu time +30 +35 +seconds")
                .containsPattern("Max file size +67108864 +67108864 +bytes")
                .containsPattern("Max data size +1073741824 +1073741824 +bytes")
                .containsPattern("Max core file size +0 +0 +bytes");
        if (SandboxLimits.countsProcessesPerUserNamespace()) {
            assertThat(limits).containsPattern("Max processes +256 +256 +processes");
        }
    }

    @Test
    @DisplayName("gives a clean environment: no token of the person who grades gets in")
    void cleansTheEnvironment() throws Exception {
        Map<String, String> graders = new HashMap<>(System.getenv());
        graders.put("GITHUB_TOKEN", "secret-token-of-the-grader");
        assertThat(run("env", List.of(), List.of(), graders)).doesNotContain("secret-token-of-the-grader")
                .contains("LANG=C", "HOME=" + folder, "JDK_JAVA_OPTIONS=-XX:MaxRAM=1024m -XX:-UsePerfData -Duser.language.format=de -Duser.country.format=DE");
    }

    @Test
    @DisplayName("runs the server where it is afternoon, hours from GMT: a log's hh for HH shows at any hour")
    void runsTheServerInTheAfternoon() throws Exception {
        String[] hourAndOffset = run("date +'%H %z'", List.of(), List.of(), Map.of()).strip().split(" ");
        assertThat(Integer.parseInt(hourAndOffset[0])).as("the hour in the server's zone").isBetween(13, 23);
        assertThat(hourAndOffset[1]).as("its offset from GMT").isNotIn("+0000", "+1200", "-1200");
    }

    @Test
    @DisplayName("runs the server as nobody with no capability, and it cannot gain one: no mount, no namespace, no sysctl")
    void grantsNoCapability() throws Exception {
        String output = run("""
                id -u; grep -E '^Cap(Inh|Prm|Eff|Bnd|Amb)' /proc/self/status
                mount -o remount,rw / 2>/dev/null && echo remounted /
                mount -t tmpfs none "$PWD" 2>/dev/null && echo mounted a tmpfs
                unshare -U true 2>/dev/null && echo made a user namespace
                unshare -Ur true 2>/dev/null && echo became root in a user namespace
                (cat /proc/sys/kernel/printk_ratelimit > /proc/sys/kernel/printk_ratelimit) 2>/dev/null && echo wrote a sysctl
                echo x > mine.txt; true""");
        assertThat(output.lines().toList()).containsExactly("65534",
                "CapInh:\t0000000000000000", "CapPrm:\t0000000000000000", "CapEff:\t0000000000000000",
                "CapBnd:\t0000000000000000", "CapAmb:\t0000000000000000");
        // As root, nobody on the machine too (root's user id in a namespace keeps what checks the id);
        // otherwise, the user who grades, whose folder it is.
        Object owner = Files.getAttribute(folder.resolve("mine.txt"), "unix:uid");
        assertThat(owner).isEqualTo(ROOT ? Sandbox.USER : Files.getAttribute(folder, "unix:uid"));
    }

    @Test
    @DisplayName("lets the server write in its own folder only (and a small /dev/shm)")
    void writesInItsFolderOnly() throws Exception {
        String output = run("echo mine > mine.txt && echo wrote mine; for place in / /tmp /var/tmp \"$(dirname \"$PWD\")\""
                + " /etc /usr /usr/local /dev /proc; do (echo x > \"$place/theirs.txt\") 2>/dev/null && echo wrote \"$place\";"
                + " done; echo x > /dev/shm/ok && echo wrote /dev/shm; true");
        assertThat(output.strip()).isEqualTo("wrote mine\nwrote /dev/shm");
        assertThat(folder.resolve("mine.txt")).hasContent("mine");
        assertThat(folder.resolveSibling("theirs.txt")).doesNotExist();
    }

    @Test
    @DisplayName("shows the system's programs, a few files of /etc, what it is told to show, read-only, and nothing else")
    void showsAnAllowList(@TempDir Path elsewhere) throws Exception {
        Path classmate = Files.createDirectories(elsewhere.resolve("submissions/bob"));
        Path own = Files.createDirectories(elsewhere.resolve("submissions/alice"));
        Path grades = Files.createDirectories(own.resolve("grades")); // hidden, although inside a shown folder
        Files.writeString(classmate.resolve("HttpServer.java"), "bob's work");
        Files.writeString(own.resolve("HttpServer.java"), "alice's work");
        Files.writeString(grades.resolve("gradebook.csv"), "alice,27");
        Path opt = Path.of("/opt/httpspec-sandbox-test-" + ProcessHandle.current().pid() + ".txt");
        boolean wroteOpt = writeIfPossible(opt, "a file under /opt");
        try {
            Path repositoryFile = Repository.root().resolve("pom.xml");
            Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
            // Places that must look empty (or be missing), unless they lead to what is shown (the JDK under /opt).
            String places = Stream.of("/home", "/root", "/srv", "/var", "/run", "/mnt", "/media", "/sys", "/opt",
                            "/etc/ssl/private", System.getProperty("user.home"))
                    .filter(place -> !javaHome.startsWith(place) && !elsewhere.startsWith(place))
                    .collect(Collectors.joining(" "));
            String output = run(String.join("\n",
                    "ls /",
                    "echo ---",
                    "for file in " + classmate + "/HttpServer.java " + grades + "/gradebook.csv " + repositoryFile
                            + " " + opt + " /etc/shadow /etc/machine-id; do",
                    "  cat \"$file\" >/dev/null 2>&1 && echo read \"$file\"; done",
                    "for place in " + places + "; do",
                    "  [ -n \"$(ls -A \"$place\" 2>/dev/null)\" ] && echo sees \"$place\"; done",
                    "cat " + own + "/HttpServer.java; echo",
                    "echo x >> " + own + "/HttpServer.java 2>/dev/null || echo read-only",
                    SpecConfig.javaExecutable() + " -version 2>&1 | grep version",
                    "/usr/bin/python3 -c 'import http.server, mimetypes; print(\"python runs\")' 2>&1",
                    "getent passwd nobody"),
                    List.of(own), List.of(elsewhere.resolve("submissions"), grades), System.getenv());
            String[] parts = output.split("---\n", 2);
            Set<String> top = Arrays.stream(parts[0].split("\n")).collect(Collectors.toSet());
            // The system, /etc, /dev, /proc, /tmp (the way to its folder), and the ways to the shown places.
            Set<String> allowed = Stream.of("bin", "dev", "etc", "lib", "lib32", "lib64", "libx32", "proc", "sbin", "tmp",
                    "usr", firstName(elsewhere), firstName(javaHome)).collect(Collectors.toSet());
            assertThat(allowed).containsAll(top);
            assertThat(parts[1]).as("what the server read or saw outside the allow-list")
                    .doesNotContain("read ", "sees ")
                    .contains("alice's work", "read-only", "nobody:x:65534:65534")
                    .containsPattern("(openjdk|java) version");
            if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
                assertThat(parts[1]).contains("python runs");
            }
            assertThat(own.resolve("HttpServer.java")).hasContent("alice's work");
            if (!wroteOpt) {
                System.out.println("SandboxTest: not root, so no file under /opt to try to read");
            }
        } finally {
            Files.deleteIfExists(opt);
        }
    }

    @Test
    @DisplayName("as root, gives the folder a total size of 256 MiB (a tmpfs the spec shares), given back when released")
    void budgetsTheFolder() throws Exception {
        if (!ROOT) {
            assertThat(Sandbox.limitations()).anyMatch(note -> note.contains("A server's folder has no total size here"));
            return;
        }
        String output = run("for i in 1 2 3 4 5 6; do head -c 60M /dev/zero > part$i.bin; done");
        assertThat(output).contains("No space left on device");
        long written = 0;
        for (int i = 1; i <= 6; i++) {
            Path part = folder.resolve("part" + i + ".bin");
            written += Files.exists(part) ? Files.size(part) : 0;
        }
        assertThat(written).as("bytes written in six files of 60 MiB").isLessThanOrEqualTo(SandboxLimits.DISK_BYTES);
        assertThat(written).as("bytes written").isGreaterThan(SandboxLimits.DISK_BYTES - (8L << 20));
        // The spec still changes files there, from outside, and the server sees it.
        Files.delete(folder.resolve("part1.bin"));
        Files.writeString(folder.resolve("from-the-spec.txt"), "written by the spec");
        assertThat(run("cat from-the-spec.txt")).isEqualTo("written by the spec");

        Path released = folder;
        TemporaryFolders.delete(folder);
        folder = null;
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(" " + released + " ");
        assertThat(released).doesNotExist();
    }

    @Test
    @DisplayName("stops a fork bomb below 256 processes, and ends every process it started with it")
    void budgetsProcesses() throws Exception {
        // dash stops at the first fork that fails: the last number is how many sleeps it started.
        String output = run("i=0; while [ $i -lt 300 ]; do sleep 60 & i=$((i+1)); echo $i; done");
        List<String> started = output.lines().filter(line -> line.matches("\\d+")).toList();
        assertThat(started).isNotEmpty();
        assertThat(Integer.parseInt(started.get(started.size() - 1))).isBetween(100, SandboxLimits.PROCESSES - 1);
        assertThat(output).containsIgnoringCase("fork");
    }

    @Test
    @DisplayName("gives the server a process namespace of its own: it sees only its own processes")
    void isolatesProcesses() throws Exception {
        assertThat(run("ls /proc | grep -c '^[0-9]'").strip()).matches("[1-5]");
    }

    @Test
    @DisplayName("ends with the JVM that started it, even when that JVM is killed (kill -9)")
    void endsWithAKilledGrader(@TempDir Path temporary) throws Exception {
        String mark = Long.toString(86_400_000L + ProcessHandle.current().pid()); // sleep <mark>: unique to this run
        Process grader = new ProcessBuilder(SpecConfig.javaExecutable(), "-Djava.io.tmpdir=" + temporary,
                "-cp", System.getProperty("java.class.path"), Starter.class.getName(), mark)
                .redirectErrorStream(true).start();
        try {
            String started = new String(grader.getInputStream().readNBytes("started\n".length()), StandardCharsets.UTF_8);
            assertThat(started).as("what the JVM that starts the sandbox printed").isEqualTo("started\n");
            // The server itself, not only bwrap: killed while it sets up, bwrap may not yet watch its parent.
            assertThat(await(() -> sleeping(mark).stream()
                    .anyMatch(p -> p.info().command().orElse("").endsWith("/sleep")))).as("the server runs").isTrue();
            grader.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(grader.waitFor(10, TimeUnit.SECONDS)).isTrue(); // a fail-safe
            assertThat(await(() -> sleeping(mark).isEmpty())).as(() -> "every process of the sandbox is gone: "
                    + sleeping(mark).stream().map(p -> p.pid() + " " + p.info()).toList()).isTrue();
        } finally {
            grader.destroyForcibly();
            Sandbox.removeLeftovers(); // the killed JVM's tmpfs and control group, as the next grader would
        }
    }

    /** Starts {@code sleep <args[0]>} in a sandbox, says so, then waits to be killed: see {@link #endsWithAKilledGrader}. */
    static final class Starter {
        public static void main(String[] args) throws Exception {
            Path folder = TemporaryFolders.create("httpspec-");
            Sandbox sandbox = Sandbox.bubblewrap(List.of(), List.of());
            ProcessBuilder builder = new ProcessBuilder(sandbox.wrap(List.of("sleep", args[0]), folder)).inheritIO();
            builder.environment().clear();
            builder.environment().putAll(sandbox.environment(System.getenv(), folder));
            builder.start();
            System.out.println("started");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** The processes of the sandbox that runs {@code sleep <mark>}: its bwraps and the sleep itself. */
    private static List<ProcessHandle> sleeping(String mark) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").endsWith("sleep " + mark))
                .toList();
    }

    /** Whether {@code condition} holds within a fail-safe of 10 s; polled, it usually holds within milliseconds. */
    private static boolean await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Pause.sleep(java.time.Duration.ofMillis(20));
        }
        return true;
    }

    private static String firstName(Path path) {
        return path.toAbsolutePath().getName(0).toString();
    }

    private static boolean writeIfPossible(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return true;
        } catch (IOException notRoot) {
            return false;
        }
    }
}
