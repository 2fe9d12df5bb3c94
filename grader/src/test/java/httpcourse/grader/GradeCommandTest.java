package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import httpcourse.spec.BasicChecks;
import httpcourse.spec.Check;
import httpcourse.spec.Course;
import httpcourse.spec.Hint;
import httpcourse.spec.Repository;
import httpcourse.spec.ServerProcess;
import httpcourse.spec.SpecConfig;
import httpcourse.spec.StopChecks;
import httpcourse.spec.UnattendedChecks;
import httpcourse.spec.WebRoot;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grader's command line: what it accepts, what it refuses, and its exit status. */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting on servers: beside the other classes (see grader/pom.xml)
@DisplayName("The grade command")
class GradeCommandTest {

    // Fail-safes for the servers that answer; 1 s for those that never print anything nor listen.
    private static final Grader.Limits LIMITS = new Grader.Limits(Duration.ofSeconds(120), Duration.ofSeconds(10));
    private static final Grader.Limits NEVER_READY = new Grader.Limits(Duration.ofSeconds(1), Duration.ofSeconds(10));
    // For a command that prints a line, then nothing: the line must have come when the wait ends, however busy.
    private static final Grader.Limits PRINTS_ONE_LINE = new Grader.Limits(Duration.ofSeconds(30), Duration.ofSeconds(10));

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

    /** Grades with the sandbox where this machine has one, and with generous fail-safes. */
    static Run gradeWithFailSafes(String... args) {
        List<String> all = new ArrayList<>(Sources.sandboxOption());
        all.addAll(List.of("--timeout", "10", "--startup-timeout", "120"));
        all.addAll(Arrays.asList(args));
        return grade(all.toArray(String[]::new));
    }

    @Test
    @DisplayName("--help explains every way to use it, and exits with 0")
    void explainsItself() {
        Run run = grade("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("grade [OPTIONS] -- COMMAND...", "--address HOST:PORT --workdir DIR",
                "--batch SUBMISSIONS --command 'TEMPLATE'", "Listening on port N", "--no-sandbox",
                "--step=N|all", "Exit status: 0");
    }

    @ParameterizedTest(name = "refuses \"{0}\" with exit status 2: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                   | which server?
            --step 42 -- java S.java             | there is no step 42; the steps are [1, 2, 3, 4, 5, 6, 7
            --step two -- java S.java            | --step needs a number from 1 to 99 (got "two")
            --frobnicate -- java S.java          | unknown option --frobnicate
            --batch s --command x java S.java    | give only one of: a command after --, --address, --batch
            --port eighty -- java S.java         | Invalid value for option '--port': 'eighty' is not an int
            --address localhost -- java S.java   | --address needs HOST:PORT
            --address 127.0.0.1:8000             | --address and --workdir go together
            --batch submissions                  | --batch and --command go together
            --timeout 0 -- java S.java           | --timeout needs a number from 0.1 to 3600 (got 0)
            --out grades -- java S.java          | --out is for --batch only
            --step 1 --check zzz -- java S.java  | no check of step 1 has "zzz" in its name
            --check 404 --batch s --command x    | --check is for one server
            --gradescope --step 1                | --gradescope needs --command: the command that starts the submission
            --gradescope --prairielearn --command x | give only one of: a command after --, --address, --batch, --gradescope
            --gradescope --check 404 --command x | --check is for one server: --gradescope grades every check
            --gradescope --visibility soon --command x | --visibility needs one of visible, hidden, after_due_date, after_published (got "soon")
            --prairielearn --visibility hidden --command x | --visibility is for Gradescope
            --points 10 -- java S.java           | --points is for --batch, --gradescope and --prairielearn
            --points ten --batch s --command x   | --points needs P or STEP=P, P a number of points from 0.01 to 10000
            --step 1 --points 4=10 --batch s --command x | --points names step 4, which is not graded
            --gradescope-zip /tmp --command x    | /tmp is a folder: give the zip file's name
            """)
    void refusesBadUsage(String args, String message) {
        Run run = grade(args.isEmpty() ? new String[0] : args.split(" "));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("grade: " + message).contains("Run grade --help");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    @DisplayName("says once, before grading, how to install bubblewrap where it is missing, then grades without it")
    void explainsAMissingSandbox(@TempDir Path emptyPath) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(SpecConfig.javaExecutable(), "-cp",
                System.getProperty("java.class.path"), Grade.class.getName(),
                "--step", "1", "--", SpecConfig.javaExecutable(), "S.java").redirectErrorStream(true);
        builder.environment().put("PATH", emptyPath.toString()); // no bwrap there: as if it were not installed
        Process grader = builder.start();
        String output = new String(grader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(grader.waitFor(60, TimeUnit.SECONDS)).as("the grader ended").isTrue();
        assertThat(grader.exitValue()).as(output).isEqualTo(1); // S.java does not exist: the server never starts
        assertThat(output).containsOnlyOnce("grade: The sandbox that protects your files from the servers"
                        + " needs bubblewrap (bwrap)")
                .contains("sudo apt-get install bubblewrap", "Grading without the sandbox", "--no-sandbox")
                .contains("Step 1: Hello World");
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
    @DisplayName("grades a server that always uses one port (--port), on it the checks that want a server of their own too")
    void gradesAServerOnAFixedPort(@TempDir Path classes) throws IOException {
        // One check of each kind: the shared server's, one on a server of its own, one that waits for a time limit.
        List<String> oneOfEach = Stream.of(Check.Server.values()).flatMap(kind -> Course.step(5).checks().stream()
                .filter(check -> check.server() == kind).limit(1)).map(Check::name).toList();
        List<String> checks = oneOfEach.stream().flatMap(name -> Stream.of("--check", name)).toList();
        Sources.compile(Repository.stepSource(5), classes);
        ServerCommand.readableByAll(classes); // graded as root, the sandbox runs the server as nobody
        int port;
        Run run;
        int tries = 0;
        do { // a port found free is let go before the server binds it: another test's socket may take it first
            port = freePort();
            // The server is told its port here, as if it were written in its code.
            List<String> args = new ArrayList<>(List.of("--step", "5", "--port", Integer.toString(port)));
            args.addAll(checks);
            args.addAll(List.of("--", SpecConfig.javaExecutable(), "-cp", classes.toString(), "HttpServer",
                    Integer.toString(port)));
            run = gradeWithFailSafes(args.toArray(String[]::new));
        } while (++tries < 3 && run.status() != 0 && run.out().contains("in use"));
        assertThat(run.status()).as(run.out()).isZero();
        assertThat(oneOfEach).hasSize(3);
        assertThat(run.out()).contains("(on port " + port + ")")
                .containsPattern("Step 5: many clients at once +3/3");
    }

    @Test
    @DisplayName("grades a step of several files from its source, as the guide says to: java step5-.../HttpServer.java")
    void gradesAStepFromItsSources() {
        Run run = gradeWithFailSafes("--step", "5", "--check", "half a request", "--",
                SpecConfig.javaExecutable(), Repository.root() + "/step{step}-*/src/main/java/HttpServer.java");
        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).contains("2 of 2 checks passed");
    }

    @Test
    @DisplayName("grades a server that is already running (--address, --workdir)")
    void gradesARunningServer(@TempDir Path folder) throws Exception {
        WebRoot.generate(folder); // the server checks for htdocs/ at start
        List<String> command = new ArrayList<>(Sources.java(Repository.stepSource(2)));
        command.add("0");
        try (ServerProcess server = ServerProcess.start(command, folder, null, Duration.ofSeconds(120))) {
            Run run = grade("--step", "2", "--timeout", "10", "--address", "127.0.0.1:" + server.port(),
                    "--workdir", folder.toString());
            assertThat(run.status()).as(run.out()).isZero();
            assertThat(run.out()).contains("the server at 127.0.0.1:" + server.port())
                    .containsPattern("Step 2: always index.html +16/16");
        }
    }

    @Test
    @DisplayName("says which checks it cannot run on a running server (its stop, its access log): not run here, in no total")
    void saysWhatItCannotCheckOnARunningServer(@TempDir Path folder) throws Exception {
        WebRoot.generate(folder);
        List<Check> cannotRun = new ArrayList<>(StopChecks.ALL);
        cannotRun.add(UnattendedChecks.ACCESS_LOG);
        List<String> words = new ArrayList<>(cannotRun.stream().map(Check::name).toList());
        words.add(BasicChecks.GARBAGE.name()); // one that runs
        List<String> graded = Course.step(13).checks().stream().map(Check::name)
                .filter(name -> words.stream().anyMatch(word -> Grader.holds(name, word))).toList();
        List<String> args = new ArrayList<>(List.of("--step", "13", "--timeout", "10"));
        words.forEach(word -> args.addAll(List.of("--check", word)));
        List<String> command = new ArrayList<>(Sources.java(Repository.stepSource(13)));
        command.add("0");
        try (ServerProcess server = ServerProcess.start(command, folder, null, Duration.ofSeconds(120))) {
            args.addAll(List.of("--address", "127.0.0.1:" + server.port(), "--workdir", folder.toString()));
            Run run = grade(args.toArray(String[]::new));
            assertThat(run.status()).as(run.out()).isZero();
            for (Check check : StopChecks.ALL) {
                assertThat(run.out()).contains("  – " + check.name() + "   (not run here: grading a running server:"
                        + " the grader cannot send it signals (SIGTERM, Ctrl+C))");
            }
            assertThat(run.out()).contains("  – " + UnattendedChecks.ACCESS_LOG.name() + "   (not run here: grading a"
                    + " running server: its access log (its output) is not at hand)",
                    "  ✓ " + BasicChecks.GARBAGE.name());
            int counted = graded.size() - cannotRun.size();
            assertThat(run.out()).contains(counted + " of " + counted + " checks passed (" + cannotRun.size()
                    + " not run here)").containsPattern("✓ Step 13: a server to leave running +" + counted + "/"
                    + counted + " \\(" + cannotRun.size() + " not run here\\)");
        }
    }

    @Test
    @DisplayName("runs only the checks that --check names, to check again just what a student is fixing")
    void runsOnlyTheNamedChecks() {
        Run run = gradeWithFailSafes("--step", "1", "--check", "BARE \\n", "--check", "garbage", "--",
                SpecConfig.javaExecutable(), Repository.stepSource(1).toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("✓ accepts a request whose lines end with a bare \\n",
                "✓ survives garbage bytes instead of a request", "2 of 2 checks passed");
    }

    @Test
    @DisplayName("takes the server's command without --, from its first word that is not an option")
    void takesACommandWithoutDashDash() {
        Run run = gradeWithFailSafes("--step", "1", "--check", "garbage",
                SpecConfig.javaExecutable(), Repository.stepSource(1).toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("1 of 1 checks passed");
    }

    @Test
    @DisplayName("exits with 1 when a check fails")
    void exitsWithOneOnAFailure() {
        Run run = gradeWithFailSafes("--step", "2", "--", SpecConfig.javaExecutable(), Repository.stepSource(1).toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).containsPattern("✗ Step 2: always index.html +\\d+/16");
    }

    @Test
    @DisplayName("says which program it could not find")
    void namesAMissingProgram() {
        List<String> command = List.of("no-such-program-for-the-grader");
        assertThat(problem(new Grader.ServerToGrade.Command(command, null, Sources.sandbox(command)), LIMITS))
                .isEqualTo(Hint.Id.PROGRAM_NOT_FOUND);
    }

    @Test
    @DisplayName("says when a server printed nothing in time, that it may be slow to start, and how to give it more time")
    void explainsASilentStart() {
        List<String> command = List.of("sleep", "60");
        StepResult result = Grader.gradeStep(1, new Grader.ServerToGrade.Command(command, null,
                Sources.sandbox(command)), NEVER_READY);
        assertThat(result.problem().hints()).extracting(Hint::id).containsExactly(Hint.Id.NOTHING_PRINTED);
        assertThat(result.problem().hints().get(0).text()).contains("printed nothing in 1 s", "--startup-timeout");
    }

    @Test
    @DisplayName("says when a server printed something, but not its port line")
    void explainsAMissingPortLine() {
        List<String> command = List.of("sh", "-c", "echo Serving HTTP on port 8000; sleep 60");
        StepResult result = Grader.gradeStep(1, new Grader.ServerToGrade.Command(command, null,
                Sources.sandbox(command)), PRINTS_ONE_LINE);
        assertThat(result.problem().hints()).extracting(Hint::id).containsExactly(Hint.Id.NO_PORT_LINE);
        assertThat(result.problem().report()).contains("Serving HTTP on port 8000");
    }

    @Test
    @DisplayName("says when the fixed port is taken before the server starts, or never accepts")
    void explainsAFixedPortProblem() throws IOException {
        List<String> command = List.of("sleep", "60");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName(ServerProcess.HOST))) {
            assertThat(problem(new Grader.ServerToGrade.Command(command, taken.getLocalPort(), Sources.sandbox(command)),
                    LIMITS)).isEqualTo(Hint.Id.PORT_IN_USE);
        }
        try (Socket unused = portNothingListensOn()) {
            assertThat(problem(new Grader.ServerToGrade.Command(command, unused.getLocalPort(), Sources.sandbox(command)),
                    NEVER_READY)).isEqualTo(Hint.Id.FIXED_PORT_SILENT);
        }
    }

    @Test
    @DisplayName("says when nothing listens at the address of a running server")
    void explainsANoServerAtTheAddress(@TempDir Path folder) throws IOException {
        try (Socket unused = portNothingListensOn()) {
            StepResult result = Grader.gradeStep(1, new Grader.ServerToGrade.Running("127.0.0.1:" + unused.getLocalPort(),
                    folder), LIMITS);
            assertThat(result.failedChecks()).isNotEmpty().allSatisfy(check -> assertThat(check.failures())
                    .allSatisfy(failure -> assertThat(failure.hints()).extracting(Hint::id)
                            .containsExactly(Hint.Id.NOT_LISTENING)));
        }
    }

    /**
     * A port that nothing listens on, and that no other server can take while the test holds it: bound,
     * never listening. (A port found free, then let go, was taken by another test's server, once.)
     */
    private static Socket portNothingListensOn() throws IOException {
        Socket held = new Socket();
        held.bind(new InetSocketAddress(InetAddress.getByName(ServerProcess.HOST), 0));
        return held;
    }

    /** The one hint of the problem that kept the step from running. */
    private static Hint.Id problem(Grader.ServerToGrade server, Grader.Limits limits) {
        StepResult result = Grader.gradeStep(1, server, limits);
        assertThat(result.passed()).isZero();
        assertThat(result.problem().hints()).as(result.problem().report()).hasSize(1);
        return result.problem().hints().get(0).id();
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
