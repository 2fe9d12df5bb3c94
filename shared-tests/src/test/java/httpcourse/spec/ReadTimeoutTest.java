package httpcourse.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The read timeout every step chose (READ_TIMEOUT_MILLIS = 30 s): a silent client is let go
 * after about 30 s, and a person typing by hand, who pauses between lines, still gets an answer.
 *
 * <p>These checks wait on purpose, so they run beside the other test classes of this module
 * (see the parallel settings in shared-tests/pom.xml) instead of adding half a minute to the build.
 * The steps' specs do not wait: they check that a silent client never blocks the others.
 */
@Execution(ExecutionMode.CONCURRENT)
@DisplayName("Every step's read timeout")
class ReadTimeoutTest {

    private static final List<String> STEPS = List.of("step1-hello", "step2-index", "step3-routing", "step4-404");

    @Test
    @DisplayName("closes a connection that stays silent, after about 30 s, in every step")
    void closesASilentConnection(@TempDir Path workingDirectory) throws Exception {
        WebRoot.generate(workingDirectory);
        List<CompletableFuture<Duration>> closedAfter = STEPS.stream()
                .map(step -> CompletableFuture.supplyAsync(() -> timeUntilClosed(step, workingDirectory)))
                .toList();
        for (int i = 0; i < STEPS.size(); i++) {
            assertThat(closedAfter.get(i).get()).as(STEPS.get(i))
                    .isBetween(Duration.ofSeconds(29), Duration.ofSeconds(40));
        }
    }

    @Test
    @DisplayName("answers a request typed by hand, with a pause of several seconds between lines")
    void waitsForAPersonTyping(@TempDir Path workingDirectory) throws Exception {
        WebRoot.generate(workingDirectory);
        try (ServerProcess server = start("step1-hello", workingDirectory);
             Socket socket = new Socket(ServerProcess.HOST, server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET / HTTP/1.0\r\n".getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(5_000);
            socket.getOutputStream().write("Host: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.0 200 OK\r\n\r\nHello World");
        }
    }

    private static Duration timeUntilClosed(String step, Path workingDirectory) {
        try (ServerProcess server = start(step, workingDirectory);
             Socket silent = new Socket(ServerProcess.HOST, server.port())) {
            silent.setSoTimeout(60_000);
            long start = System.nanoTime();
            InputStream in = silent.getInputStream();
            assertThat(in.read()).as("%s sent something to a silent client", step).isEqualTo(-1);
            return Duration.ofNanos(System.nanoTime() - start);
        } catch (IOException | ServerProcess.ServerStartException e) {
            throw new RuntimeException(step + ": " + e.getMessage(), e);
        }
    }

    /** The step's source file, run as students run it: {@code java HttpServer.java 0}. */
    private static ServerProcess start(String step, Path workingDirectory) throws ServerProcess.ServerStartException {
        Path source = Repository.root().resolve(step).resolve("src/main/java/HttpServer.java");
        return ServerProcess.start(List.of(SpecConfig.javaExecutable(), source.toString(), "0"),
                workingDirectory, null, Duration.ofSeconds(20));
    }
}
