package httpcourse.grader;

import static httpcourse.grader.KnownWrongServer.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import httpcourse.spec.Hint;
import httpcourse.spec.NetworkAddresses;
import httpcourse.spec.Repository;
import httpcourse.spec.SpecConfig;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The grader on servers whose flaw is known ({@link KnownWrongServer}): each flaw must fail the
 * check meant for it, with the one hint that names it, and only the checks it affects. Every
 * hint has such a server. And this repository's own steps must score every point.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting on servers: beside the other classes (see grader/pom.xml)
@DisplayName("The grader")
class GraderTest {

    // Fail-safes only, for a busy machine: no correct answer comes anywhere near them.
    private static final Grader.Limits LIMITS = new Grader.Limits(Duration.ofSeconds(60), Duration.ofSeconds(10),
            Duration.ofSeconds(180));
    // Servers that never answer or never close: whatever the load, they hit these limits.
    private static final Map<KnownWrongServer, Grader.Limits> SHORT_LIMITS = Map.of(
            NEVER_CLOSES, new Grader.Limits(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(8)),
            WAITS_FOR_CRLF, new Grader.Limits(Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(180)));

    private static final Map<KnownWrongServer, StepResult> RESULTS = new ConcurrentHashMap<>();
    private static final ByteArrayOutputStream REPOSITORY_OUTPUT = new ByteArrayOutputStream();
    private static int repositoryExitStatus;
    private static Path compiledFixtures;

    private static final String ROOT_WITH_HEADERS =
            "answers GET / with index.html, Date, Content-Type and Content-Length (in bytes)";
    private static final String SLOW_CLIENTS =
            "closes a connection whose head does not come in time: silent, or a byte a second";
    private static final String KEEPS_OPEN =
            "keeps an HTTP/1.1 connection open: three requests, one after the other, on one connection";
    private static final String HUGE_BODY = "answers at once a request whose body is too large to read (1 GiB), then"
            + " closes, saying so, the whole answer sent";
    private static final String SLOW_CLIENTS_8 = "closes a connection whose head does not come in time: silent, a byte"
            + " a second, or idle after an answer";
    private static final String SLOW_CLIENTS_9 = "closes a connection whose head does not come in time: silent, a byte"
            + " a second, idle after an answer, or never reading its answer";
    private static final String SIGTERM = "stops on SIGTERM: no new connection, the idle ones closed, the download"
            + " under way finished, exit status 0";
    private static final String LOG = "logs each request in the Common Log Format, the client's control bytes escaped"
            + " as \\xHH";
    private static final String MISSING_FILE_WITH_TEXT =
            "answers 404 Not Found for a missing file, with a short text, and goes on serving";

    /** Each known-wrong server, the spec it is graded on, the check it must fail, and the one hint it must get. */
    static Stream<Arguments> checkFailures() {
        return Stream.of(
                arguments(BARE_LINE_ENDINGS, 1, "answers GET / HTTP/1.0, typed as in nc or telnet", Hint.Id.BARE_LINE_FEEDS),
                arguments(NOT_FOUND_IN_CAPITALS, 4, "answers 404 Not Found for a missing file, and goes on serving",
                        Hint.Id.STATUS_LINE_CASE),
                arguments(NO_STATUS_LINE, 1, "answers GET / HTTP/1.0, typed as in nc or telnet", Hint.Id.NO_STATUS_LINE),
                arguments(HTTP_1_1_STATUS_LINE, 1, "answers GET / HTTP/1.0, typed as in nc or telnet",
                        Hint.Id.STATUS_LINE_NOT_EXACT),
                arguments(HEAD_NEVER_ENDS, 1, "answers GET / HTTP/1.0, typed as in nc or telnet", Hint.Id.HEAD_NEVER_ENDS),
                arguments(HEADER_LINES, 1, "answers GET / HTTP/1.0, typed as in nc or telnet", Hint.Id.HEADER_LINES),
                arguments(TRAILING_LINE_BREAK, 1, "answers GET / HTTP/1.0, typed as in nc or telnet",
                        Hint.Id.TRAILING_LINE_BREAK),
                arguments(EXTRA_BYTES, 1, "answers GET / HTTP/1.0, typed as in nc or telnet", Hint.Id.EXTRA_BYTES),
                arguments(HEAD_IN_A_WRITER, 2, "answers GET / HTTP/1.0, typed as in nc or telnet",
                        Hint.Id.HEAD_AFTER_BODY),
                arguments(HARD_CODED_BODY, 2, "answers GET / HTTP/1.0, typed as in nc or telnet",
                        Hint.Id.NOT_THE_GENERATED_FILE),
                arguments(TAMPERS_WITH_ITS_WEB_ROOT, 2, "answers GET / HTTP/1.0, typed as in nc or telnet",
                        Hint.Id.NOT_THE_GENERATED_FILE),
                arguments(CACHES_THE_PAGE_AT_START, 2, "reads index.html afresh for every request: an edit shows at once",
                        Hint.Id.STALE_COPY),
                arguments(IGNORES_THE_PATH, 3, "answers /ipsum.html with ipsum.html: the path picks the file",
                        Hint.Id.WRONG_FILE),
                arguments(PLATFORM_CHARSET, 3, "answers /index.html with index.html, byte for byte (UTF-8 text included)",
                        Hint.Id.CHARSET_CONVERSION),
                arguments(FIXED_SIZE_READ, 4, "sends a large binary file whole: /large.bin, 300 000 random bytes",
                        Hint.Id.BODY_CUT_SHORT),
                arguments(HEAD_THEN_THROWS, 4, "answers /ipsum.html with ipsum.html: the path picks the file",
                        Hint.Id.NO_BODY_AFTER_HEAD),
                arguments(NOT_FOUND_AS_200, 4, "answers 404 Not Found for a missing file, and goes on serving",
                        Hint.Id.WRONG_STATUS),
                arguments(DROPS_SUB_FOLDERS, 4, "answers a nested path: /sub/nested.html", Hint.Id.NOT_FOUND_IN_SUB_FOLDER),
                arguments(REFUSES_EVERY_DOT_DOT, 4, "still serves a path with .. that stays inside htdocs",
                        Hint.Id.REFUSES_EVERY_DOT_DOT),
                arguments(SERVES_OUTSIDE_HTDOCS, 4, "answers 404 Not Found for a path that leads outside htdocs",
                        Hint.Id.OUTSIDE_HTDOCS),
                arguments(SERVES_ABSOLUTE_PATHS, 4, "answers 404 Not Found for a path that leads outside htdocs",
                        Hint.Id.OUTSIDE_HTDOCS),
                arguments(NEVER_CLOSES, 1, "accepts a request whose lines end with a bare \\n", Hint.Id.NOT_CLOSED),
                arguments(WAITS_FOR_CRLF, 1, "accepts a request whose lines end with a bare \\n",
                        Hint.Id.NO_ANSWER_KEPT_OPEN),
                arguments(RESETS_ON_POST, 1, "answers the article's form POST with Hello World",
                        Hint.Id.RESET_BEFORE_ANSWER),
                arguments(DIES_ON_EMPTY_CONNECTION, 1, "survives a connection that closes without sending anything",
                        Hint.Id.SERVER_STOPPED),
                arguments(STEP_3, 4, "answers 404 Not Found for a missing file, and goes on serving",
                        Hint.Id.CLOSED_WITHOUT_ANSWER),
                arguments(STEP_4, 3, "closes the connection without an answer for a missing file, and goes on serving",
                        Hint.Id.ANSWERED_INSTEAD_OF_CLOSING),
                arguments(NO_DATE, 6, ROOT_WITH_HEADERS, Hint.Id.DATE_MISSING),
                arguments(DATE_IN_ISO_8601, 6, ROOT_WITH_HEADERS, Hint.Id.DATE_NOT_IMF_FIXDATE),
                arguments(DATE_IN_LOCAL_TIME, 6, ROOT_WITH_HEADERS, Hint.Id.DATE_NOT_NOW),
                arguments(CONTENT_LENGTH_IN_CHARACTERS, 6, ROOT_WITH_HEADERS, Hint.Id.CONTENT_LENGTH_IN_CHARACTERS),
                arguments(ERROR_LENGTH_WITHOUT_LINE_BREAK, 6, MISSING_FILE_WITH_TEXT, Hint.Id.CONTENT_LENGTH_WRONG),
                arguments(EXTENSION_IN_CAPITALS, 6, "sends the type of an extension in capitals: .PNG is image/png",
                        Hint.Id.CONTENT_TYPE_WRONG),
                arguments(CHARSET_WITHOUT_CHECK, 6,
                        "says charset=utf-8 only where it is true: not for a text file in ISO-8859-1", Hint.Id.CHARSET_WRONG),
                arguments(ALLOW_WITHOUT_HEAD, 6,
                        "answers 405 Method Not Allowed, with Allow: GET, HEAD, to the article's form POST",
                        Hint.Id.ALLOW_WRONG),
                arguments(LIMITS_CLOSE_THE_CONNECTION, 6,
                        "answers 414 URI Too Long to a request line of 100 000 bytes, and goes on serving",
                        Hint.Id.ERROR_BY_CLOSING),
                arguments(ERRORS_WITHOUT_TEXT, 6, MISSING_FILE_WITH_TEXT, Hint.Id.ERROR_WITHOUT_TEXT),
                arguments(HEAD_WITH_BODY, 6, "answers HEAD with exactly the head GET gets, and no body",
                        Hint.Id.BODY_WHERE_NONE),
                arguments(LOCATION_DECODED, 7, "redirects with the URL still encoded: /my%20docs gets Location: /my%20docs/",
                        Hint.Id.LOCATION_WRONG),
                arguments(NO_LAST_MODIFIED, 7, "sends Last-Modified: the file's time, in IMF-fixdate",
                        Hint.Id.LAST_MODIFIED_WRONG),
                arguments(SERVES_HIDDEN_FILES, 7, "never serves a hidden file or folder (a name that starts with a dot)",
                        Hint.Id.HIDDEN_FILE),
                arguments(READS_WHOLE_FILES, 7,
                        "streams a file bigger than the memory: a 3 GiB file starts at once, with its Content-Length",
                        Hint.Id.FILE_NOT_STREAMED),
                arguments(NO_HEAD_SIZE_LIMIT, 5, "stops reading a request head that never ends, and goes on serving",
                        Hint.Id.ENDLESS_HEAD_READ),
                arguments(NO_READ_TIMEOUT, 5, SLOW_CLIENTS, Hint.Id.SILENT_CLIENT_KEPT),
                arguments(TIMEOUT_PER_READ, 5, SLOW_CLIENTS, Hint.Id.SLOW_CLIENT_KEPT),
                arguments(LISTENS_EVERYWHERE, 1, "listens on 127.0.0.1 only: unreachable at this computer's other addresses",
                        Hint.Id.NOT_LOOPBACK_ONLY),
                arguments(CLOSES_AFTER_EACH_ANSWER, 8, KEEPS_OPEN, Hint.Id.NOT_KEPT_OPEN),
                arguments(NO_CONNECTION_CLOSE, 8, "closes the connection after answering Connection: close, and says so",
                        Hint.Id.CONNECTION_HEADER_WRONG),
                arguments(BUFFER_PER_REQUEST, 8, "answers requests sent together in one piece (pipelined), in order",
                        Hint.Id.PIPELINED_REQUEST_LOST),
                arguments(IGNORES_BODIES, 8, "reads and forgets a request's body: the next request starts after it",
                        Hint.Id.BODY_READ_AS_REQUEST),
                arguments(HEAD_LIMIT_COUNTS_BODY, 8, "reads and forgets a request's body: the next request starts after it",
                        Hint.Id.BODY_COUNTED_AS_HEAD),
                arguments(SKIPS_WHAT_HAS_COME, 8,
                        "reads the whole body, even when it comes in two pieces, then the next request after it",
                        Hint.Id.ANSWERED_BEFORE_BODY),
                arguments(CONTENT_LENGTH_WINS, 8,
                        "answers 400 Bad Request, and closes, when a body's length is in doubt (request smuggling)",
                        Hint.Id.AMBIGUOUS_LENGTH_ACCEPTED),
                arguments(NO_BODY_LIMIT, 8, HUGE_BODY, Hint.Id.HUGE_BODY_AWAITED),
                arguments(CLOSES_ABRUPTLY, 8, HUGE_BODY, Hint.Id.RESET_AFTER_LAST_ANSWER),
                arguments(NO_REQUEST_LIMIT, 8, "closes a connection after many requests (at most 10000), saying so in its"
                        + " last answer", Hint.Id.NO_REQUEST_LIMIT),
                arguments(NO_IDLE_TIMEOUT, 8, SLOW_CLIENTS_8, Hint.Id.IDLE_CONNECTION_KEPT),
                arguments(STEP_8, 9, SIGTERM, Hint.Id.STOP_NOT_GRACEFUL),
                arguments(KEEPS_ACCEPTING, 9, SIGTERM, Hint.Id.STILL_ACCEPTING),
                arguments(EXIT_STATUS_143, 9, SIGTERM, Hint.Id.STOP_EXIT_STATUS),
                arguments(SECOND_SIGNAL_IGNORED, 9, "stops on Ctrl+C (SIGINT) the same way, and at once on a second"
                        + " Ctrl+C, with an exit status not 0", Hint.Id.SECOND_SIGNAL_IGNORED),
                arguments(NO_GRACE_LIMIT, 9, "stops within its grace period even while a client reads nothing of its"
                        + " download, with exit status 0", Hint.Id.STOP_NEVER_ENDS),
                arguments(NO_WRITE_TIMEOUT, 9, SLOW_CLIENTS_9, Hint.Id.WRITE_NEVER_TIMES_OUT),
                arguments(LOG_TIME_NOT_COMMON, 9, LOG, Hint.Id.LOG_NOT_COMMON_FORMAT),
                arguments(LOG_UNESCAPED, 9, LOG, Hint.Id.LOG_UNESCAPED));
    }

    /** Each known-wrong server whose whole step fails around its checks, and the one hint it must get. */
    static Stream<Arguments> stepProblems() {
        return Stream.of(
                arguments(CRASHES_AT_START, 1, Hint.Id.CRASHED_AT_START),
                arguments(PORT_LINE_ON_STDERR, 1, Hint.Id.PORT_LINE_ON_STDERR),
                arguments(PORT_ZERO, 1, Hint.Id.PORT_ZERO),
                arguments(NEVER_CLOSES, 1, Hint.Id.TIME_LIMIT));
    }

    /** The hints proven by GradeCommandTest, with commands rather than known-wrong servers. */
    static final Set<Hint.Id> PROVEN_BY_COMMANDS = EnumSet.of(Hint.Id.PROGRAM_NOT_FOUND, Hint.Id.NO_PORT_LINE,
            Hint.Id.PORT_IN_USE, Hint.Id.FIXED_PORT_SILENT, Hint.Id.NOT_LISTENING);

    /**
     * Everything is graded at once, side by side: most of the time goes to waiting on servers.
     * The repository's steps take longest, then the known-wrong servers of the last steps: a server
     * that never closes a slow connection, or never stops, costs its check a 30 s fail-safe, asleep.
     * So they start first, and twelve threads leave room for the quick ones beside them
     * (measured on two cores: 71 s with eight threads in the order of the list, 54 s so).
     */
    @BeforeAll
    static void gradeEverything(@TempDir Path classes) {
        compiledFixtures = classes;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<CompletableFuture<?>> gradings = new ArrayList<>();
            gradings.add(CompletableFuture.runAsync(GraderTest::gradeTheRepository, pool)); // first: the longest
            Stream.concat(checkFailures(), stepProblems())
                    .sorted(Comparator.comparingInt((Arguments a) -> (int) a.get()[1]).reversed()) // last steps first
                    .map(a -> (KnownWrongServer) a.get()[0]).distinct()
                    .forEach(server -> gradings.add(CompletableFuture.runAsync(() -> grade(server, classes), pool)));
            gradings.forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
    }

    /** The one command a person types: every step of this repository, found by pattern. */
    private static void gradeTheRepository() {
        List<String> args = new ArrayList<>(Sources.sandboxOption());
        args.addAll(List.of("--timeout", "10", "--startup-timeout", "60", "--time-limit", "180", "--jobs", "5", "--",
                SpecConfig.javaExecutable(), Repository.root() + "/step{step}-*/src/main/java/HttpServer.java"));
        repositoryExitStatus = Grade.run(args.toArray(String[]::new),
                new PrintStream(REPOSITORY_OUTPUT, true, StandardCharsets.UTF_8), System.err);
    }

    /** Grades a fixture compiled beforehand, in the grader's sandbox (the batch test runs fixtures from source). */
    private static void grade(KnownWrongServer server, Path classes) {
        Arguments fixture = Stream.concat(checkFailures(), stepProblems()).filter(a -> a.get()[0] == server)
                .findFirst().orElseThrow();
        int step = (int) fixture.get()[1];
        List<String> command = Sources.compiled(server, classes.resolve(server.folderName()));
        Grader.ServerUnderTest graded = new Grader.ServerUnderTest.Command(command, null, Sources.sandbox(command));
        RESULTS.put(server, Grader.gradeStep(step, graded, SHORT_LIMITS.getOrDefault(server, LIMITS),
                Grader.Progress.SILENT, onlyTheTargetCheck(step, fixture)));
    }

    /**
     * From step 5 on, a known-wrong server is graded on the check meant for it only: a whole spec
     * would cost each one ManyClientsChecks' 10 s wait for slow clients, and prove nothing more
     * (whole runs of steps 1 to 4 prove that a flaw fails only the checks it affects).
     */
    private static List<String> onlyTheTargetCheck(int step, Arguments fixture) {
        return step >= 5 && fixture.get().length == 4 ? List.of((String) fixture.get()[2]) : List.of();
    }

    @ParameterizedTest(name = "{0} fails \"{2}\" with the hint {3} only")
    @MethodSource("checkFailures")
    @DisplayName("every known-wrong server fails its check with the one hint that names its flaw")
    void failsTheCheckWithItsHint(KnownWrongServer server, int step, String check, Hint.Id hint) {
        Assumptions.assumeTrue(hint != Hint.Id.NOT_LOOPBACK_ONLY || NetworkAddresses.firstNonLoopback().isPresent(),
                "this computer has no address besides loopback: the check cannot run");
        StepResult result = RESULTS.get(server);
        assertThat(result.step()).isEqualTo(step);
        StepResult.Check failed = check(result, check);
        assertThat(failed.passed()).as("the check \"%s\" passed", check).isFalse();
        assertThat(failed.failures()).as("the failures of \"%s\"", check)
                .filteredOn(failure -> !failure.headline().startsWith("Not run"))
                .isNotEmpty()
                .allSatisfy(failure -> assertThat(failure.hints()).as(failure.report())
                        .extracting(Hint::id).containsExactly(hint));
    }

    @ParameterizedTest(name = "{0} gets the hint {2} only")
    @MethodSource("stepProblems")
    @DisplayName("every known-wrong server that stops a whole step gets the one hint that names why")
    void stopsTheStepWithItsHint(KnownWrongServer server, int step, Hint.Id hint) {
        StepResult result = RESULTS.get(server);
        assertThat(result.problem()).as("the step's problem").isNotNull();
        assertThat(result.problem().hints()).as(result.problem().report()).extracting(Hint::id).containsExactly(hint);
    }

    @Test
    @DisplayName("has a known-wrong server or a command for every hint it can give")
    void provesEveryHint() {
        Set<Hint.Id> proven = EnumSet.copyOf(PROVEN_BY_COMMANDS);
        checkFailures().forEach(a -> proven.add((Hint.Id) a.get()[3]));
        stepProblems().forEach(a -> proven.add((Hint.Id) a.get()[2]));
        assertThat(proven).containsExactlyInAnyOrder(Hint.Id.values());
    }

    @Test
    @DisplayName("fails only the 404 checks of a server that writes NOT FOUND in capitals")
    void pinpointsTheNotFoundChecks() {
        assertThat(failedChecks(NOT_FOUND_IN_CAPITALS)).containsExactlyInAnyOrder(
                "answers 404 Not Found for a missing file, and goes on serving",
                "answers 404 Not Found for the article's form POST to a missing /form.php",
                "answers 404 Not Found for a directory",
                "answers 404 Not Found for a path that leads outside htdocs",
                "answers 404 Not Found for a link inside htdocs that leads outside");
    }

    @Test
    @DisplayName("fails only the outside-htdocs checks of a server that serves /../pom.xml, in each case with .. or a link")
    void pinpointsTheOutsideHtdocsCheck() {
        StepResult result = RESULTS.get(SERVES_OUTSIDE_HTDOCS);
        assertThat(failedChecks(SERVES_OUTSIDE_HTDOCS)).containsExactly(
                "answers 404 Not Found for a link inside htdocs that leads outside",
                "answers 404 Not Found for a path that leads outside htdocs");
        assertThat(result.failedChecks().get(0).failures()).hasSize(2);
        assertThat(result.failedChecks().get(1).failures()).extracting(StepResult.Failure::caseName)
                .hasSize(5).allMatch(name -> name.contains(".."));
    }

    @Test
    @DisplayName("catches a server that refuses .. but serves //tmp/.../secret.txt, an absolute path")
    void catchesAbsolutePaths() {
        assertThat(failedChecks(SERVES_ABSOLUTE_PATHS)).containsExactlyInAnyOrder(
                "answers 404 Not Found for a path that leads outside htdocs",
                "answers 404 Not Found for a link inside htdocs that leads outside",
                "still serves a path with .. that stays inside htdocs");
        assertThat(check(RESULTS.get(SERVES_ABSOLUTE_PATHS), "answers 404 Not Found for a path that leads outside htdocs")
                .failures()).extracting(StepResult.Failure::caseName)
                .containsExactly("answers 404 Not Found for \"/{working directory}/secret.txt\", a path that leads outside htdocs");
    }

    @Test
    @DisplayName("fails only the check its flaw breaks, for the flaws the issue found misjudged or mis-explained")
    void pinpointsOneCheck() {
        assertThat(failedChecks(DROPS_SUB_FOLDERS)).containsExactly("answers a nested path: /sub/nested.html");
        assertThat(failedChecks(REFUSES_EVERY_DOT_DOT)).containsExactly("still serves a path with .. that stays inside htdocs");
        assertThat(failedChecks(CACHES_THE_PAGE_AT_START))
                .containsExactly("reads index.html afresh for every request: an edit shows at once");
        assertThat(failedChecks(FIXED_SIZE_READ))
                .containsExactly("sends a large binary file whole: /large.bin, 300 000 random bytes");
    }

    @Test
    @DisplayName("gives a hard-coded page no charset hint, anywhere")
    void explainsAHardCodedPageOnce() {
        assertThat(RESULTS.get(HARD_CODED_BODY).failedChecks()).flatExtracting(StepResult.Check::failures)
                .flatExtracting(StepResult.Failure::hints).extracting(Hint::id)
                .isNotEmpty().doesNotContain(Hint.Id.CHARSET_CONVERSION);
    }

    @Test
    @DisplayName("shows the stack trace of a server that sends the head, then throws")
    void showsTheStackTraceAfterTheHead() {
        assertThat(check(RESULTS.get(HEAD_THEN_THROWS), "answers /ipsum.html with ipsum.html: the path picks the file")
                .failures().get(0).report()).contains("java.nio.file.NoSuchFileException: ipsum.html");
    }

    @Test
    @DisplayName("starts a crashed server again: the crash costs only the checks it affects, and is reported once")
    void restartsACrashedServer() {
        StepResult result = RESULTS.get(DIES_ON_EMPTY_CONNECTION);
        assertThat(failedChecks(DIES_ON_EMPTY_CONNECTION)).contains(
                "survives a connection that closes without sending anything").doesNotContain(
                "survives garbage bytes instead of a request", "survives a request line of one word, without a path");
        assertThat(result.serverStops()).anySatisfy(stop -> assertThat(stop)
                .startsWith("The server stopped during the check \"survives a connection that closes without sending")
                .contains("exit status 1", "java.util.NoSuchElementException"));
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        Report.stepDetails(new PrintStream(report, true, StandardCharsets.UTF_8), result, false);
        assertThat(report.toString(StandardCharsets.UTF_8))
                .containsOnlyOnce("it was started again for the checks that follow.")
                .contains("Exception in thread \"main\" java.util.NoSuchElementException");
    }

    @Test
    @DisplayName("scores a server that crashes at start 0 of all its checks, and shows why it crashed")
    void reportsACrashAtStart() {
        StepResult result = RESULTS.get(CRASHES_AT_START);
        assertThat(result.passed()).isZero();
        assertThat(result.total()).isEqualTo(RESULTS.get(BARE_LINE_ENDINGS).total()).isGreaterThan(10);
        assertThat(result.problem().report())
                .contains("The server stopped before it printed \"Listening on port N\".")
                .contains("java.lang.ArrayIndexOutOfBoundsException: Index 1 out of bounds for length 1");
        assertThat(result.note()).isEqualTo("The server stopped before it printed \"Listening on port N\".");
    }

    @Test
    @DisplayName("stops a step at its time limit, and fails the checks it did not reach")
    void stopsAtTheTimeLimit() {
        StepResult result = RESULTS.get(NEVER_CLOSES);
        assertThat(result.problem().report()).startsWith("The step reached its time limit of 8 s");
        assertThat(result.checks()).filteredOn(check -> !check.ran()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.failures().get(0).report()).contains("time limit"));
    }

    @Test
    @DisplayName("gives this repository's steps every point, in one command, with exit status 0")
    void gradesTheRepositoryFully() {
        String output = REPOSITORY_OUTPUT.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("Step 1: Hello World", "Step 2: always index.html",
                "Step 3: the file the request names", "Step 4: 404 Not Found", "Step 5: many clients at once",
                "Step 6: complete answers, and a clear no", "Step 7: the request target is a URL",
                "Step 8: one connection, many requests", "Step 9: bounded resources, a standard log",
                "Step 9: a graceful stop")
                .doesNotContain(Report.FAIL);
        assertThat(output).containsPattern("Total +(\\d+)/\\1\n");
        assertThat(repositoryExitStatus).as(output).isZero();
    }

    @AfterAll
    static void leavesNoProcessBehind() {
        assertThat(Sources.processesMentioning(compiledFixtures.toString())).isEmpty();
    }

    private static StepResult.Check check(StepResult result, String name) {
        return result.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check \"" + name + "\" in " + result.title()));
    }

    private static List<String> failedChecks(KnownWrongServer server) {
        return RESULTS.get(server).failedChecks().stream().map(StepResult.Check::name).toList();
    }
}
