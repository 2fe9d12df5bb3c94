package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import httpcourse.spec.Repository;
import httpcourse.spec.ServerProcess;
import httpcourse.spec.SpecConfig;
import httpcourse.spec.WebRoot;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grader's command line: what it accepts, what it refuses, and its exit status. */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting on servers: beside the other classes (see shared-tests/pom.xml)
@DisplayName("The grade command")
class GradeCommandTest {

    /** What one run printed, and its exit status. */
    record Run(int status, String out, String err) {
    }

    static Run grade(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Grade.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("--help explains every way to use it, and exits with 0")
    void explainsItself() {
        Run run = grade("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("grade [OPTIONS] -- COMMAND...", "--address HOST:PORT --workdir DIR",
                "--batch SUBMISSIONS --command 'TEMPLATE'", "Listening on port N", "Exit status: 0");
    }

    @ParameterizedTest(name = "refuses \"{0}\" with exit status 2: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                   | which server?
            --step 9 -- java S.java              | there is no step 9; the steps are [1, 2, 3, 4]
            --step two -- java S.java            | --step needs a number from 1 to 99
            --frobnicate -- java S.java          | unknown option --frobnicate
            java S.java                          | unexpected "java": put the server's command after --
            --address localhost -- java S.java   | --address needs HOST:PORT
            --address 127.0.0.1:8000             | --address and --workdir go together
            --batch submissions                  | --batch and --command go together
            --timeout 0 -- java S.java           | --timeout needs a number from 0.1 to 3600
            --out grades -- java S.java          | --out is for --batch only
            """)
    void refusesBadUsage(String args, String message) {
        Run run = grade(args.isEmpty() ? new String[0] : args.split(" "));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("grade: " + message).contains("Run grade --help");
    }

    @Test
    @DisplayName("refuses to write its web root into a folder that holds other files")
    void protectsTheWorkingDirectoryOfARunningServer(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("pom.xml"), "<project>the student's own</project>");
        Run run = grade("--address", "127.0.0.1:8000", "--workdir", folder.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("must be an empty folder made for grading", "It holds pom.xml.");
        assertThat(Files.readString(folder.resolve("pom.xml"))).isEqualTo("<project>the student's own</project>");
    }

    @Test
    @DisplayName("grades a server that always uses one port (--port), once the port accepts connections")
    void gradesAServerOnAFixedPort() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // The server is told its port here, as if it were written in its code.
        Run run = grade("--step", "1", "--port", Integer.toString(port), "--startup-timeout", "30", "--",
                SpecConfig.javaExecutable(), Repository.stepSource(1).toString(), Integer.toString(port));
        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).contains("(on port " + port + ")").containsPattern("Step 1: Hello World +13/13");
    }

    @Test
    @DisplayName("grades a server that is already running (--address, --workdir)")
    void gradesARunningServer(@TempDir Path folder) throws Exception {
        WebRoot.generate(folder); // the server checks for htdocs/ at start
        List<String> command = new ArrayList<>(Sources.java(Repository.stepSource(2)));
        command.add("0");
        try (ServerProcess server = ServerProcess.start(command, folder, null, Duration.ofSeconds(30))) {
            Run run = grade("--step", "2", "--address", "127.0.0.1:" + server.port(), "--workdir", folder.toString());
            assertThat(run.status()).as(run.out()).isZero();
            assertThat(run.out()).contains("the server at 127.0.0.1:" + server.port())
                    .containsPattern("Step 2: always index.html +14/14");
        }
    }

    @Test
    @DisplayName("exits with 1 when a check fails")
    void exitsWithOneOnAFailure() {
        Run run = grade("--step", "2", "--timeout", "2", "--startup-timeout", "30", "--",
                SpecConfig.javaExecutable(), Repository.stepSource(1).toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).containsPattern("✗ Step 2: always index.html +\\d+/14");
    }
}
