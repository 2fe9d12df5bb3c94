package httpcourse.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a server sees and may do in the {@link Sandbox}, found by running a shell in it. (The
 * grader's BatchTest attacks it with real hostile servers.) Skipped where this machine cannot
 * make a sandbox, and failed there instead when CI=true: CI installs bubblewrap.
 */
@DisplayName("The sandbox")
class SandboxTest {

    @TempDir
    Path work;

    @BeforeAll
    static void needsASandbox() {
        boolean ci = "true".equals(System.getenv("CI"));
        Assumptions.assumeTrue(ci || Sandbox.unavailable().isEmpty(),
                () -> "Skipped: no sandbox on this machine. " + Sandbox.unavailable().orElse(""));
    }

    /** What {@code script} printed (stdout and stderr), run by sh in a sandbox that shows and hides the given places. */
    private String run(String script, List<Path> shown, List<Path> hidden, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path folder = Files.createDirectories(work.resolve("server"));
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
        if (Sandbox.countsProcessesPerUserNamespace()) {
            assertThat(limits).containsPattern("Max processes +256 +256 +processes");
        }
    }

    @Test
    @DisplayName("gives a clean environment: no token of the person who grades gets in")
    void cleansTheEnvironment() throws Exception {
        Map<String, String> graders = new HashMap<>(System.getenv());
        graders.put("GITHUB_TOKEN", "secret-token-of-the-grader");
        assertThat(run("env", List.of(), List.of(), graders)).doesNotContain("secret-token-of-the-grader")
                .contains("LANG=C", "HOME=" + work.resolve("server"), "JDK_JAVA_OPTIONS=-Dfile.encoding=US-ASCII -XX:MaxRAM=1024m");
    }

    @Test
    @DisplayName("lets the server write in its own folder only")
    void writesInItsFolderOnly() throws Exception {
        String output = run("echo mine > mine.txt && echo wrote mine; for place in /tmp /var/tmp \"$(dirname \"$PWD\")\" /etc;"
                + " do (echo x > \"$place/theirs.txt\") 2>/dev/null && echo wrote \"$place\"; done; true");
        assertThat(output.strip()).isEqualTo("wrote mine");
        assertThat(work.resolve("server/mine.txt")).hasContent("mine");
        assertThat(work.resolve("theirs.txt")).doesNotExist();
    }

    @Test
    @DisplayName("hides the home folders and what it is told to hide, and shows what it is told to show, read-only")
    void hidesAndShows(@TempDir Path elsewhere) throws Exception {
        Path classmate = Files.createDirectories(elsewhere.resolve("submissions/bob"));
        Path own = Files.createDirectories(elsewhere.resolve("submissions/alice"));
        Files.writeString(classmate.resolve("HttpServer.java"), "bob's work");
        Files.writeString(own.resolve("HttpServer.java"), "alice's work");
        String output = run("ls -A " + System.getProperty("user.home") + " | wc -l; cat " + classmate + "/HttpServer.java;"
                        + " cat " + own + "/HttpServer.java; echo x >> " + own + "/HttpServer.java || echo read-only",
                List.of(own), List.of(elsewhere.resolve("submissions")), System.getenv());
        assertThat(output).startsWith("0\n").contains("alice's work", "read-only").doesNotContain("bob's work");
        assertThat(own.resolve("HttpServer.java")).hasContent("alice's work");
    }

    @Test
    @DisplayName("gives the server a process namespace of its own: it sees only its own processes")
    void isolatesProcesses() throws Exception {
        assertThat(run("ls /proc | grep -c '^[0-9]'").strip()).matches("[1-5]");
    }
}
