package httpcourse.grader;

import static httpcourse.grader.ArticleFixtures.*;
import static httpcourse.grader.RangeAndCompressionFixtures.*;
import static httpcourse.grader.Steps10And11Fixtures.*;
import static httpcourse.grader.Steps12To14Fixtures.*;
import static httpcourse.grader.Steps5To7Fixtures.*;
import static httpcourse.grader.Steps8And9Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import httpcourse.spec.ArticleChecks;
import httpcourse.spec.BasicChecks;
import httpcourse.spec.Check;
import httpcourse.spec.Course;
import httpcourse.spec.Hint;
import httpcourse.spec.Repository;
import httpcourse.spec.SpecConfig;
import httpcourse.spec.UnattendedChecks;
import httpcourse.spec.UploadLimitChecks;

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
 * check meant for it, with the one hint that names it, and only the checks it affects among those
 * it is graded on ({@link Flaws#gradedChecks}). Every hint has such a server. And this repository's
 * last step, whose spec holds every check, must score every point in the grader's sandbox.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting on servers: beside the other classes (see grader/pom.xml)
@DisplayName("The grader")
class GraderTest {

    // Fail-safes only, for a busy machine: no correct answer comes anywhere near them.
    private static final Grader.Limits LIMITS = new Grader.Limits(Duration.ofSeconds(120), Duration.ofSeconds(10));

    /**
     * Graded with the grader's own limits (an answer within 5 s), as a student's server is: what these
     * flaws hold back comes when the connection's 10 s time limit ends it (NO_FLUSH_BETWEEN_ANSWERS's
     * answer, OUTPUT_NEVER_SHUT_DOWN's close), and a check that waits 10 s for it, as LIMITS would, may
     * see it come, and pass, as the two clocks go.
     */
    private static final Set<KnownWrongServer> WITH_THE_GRADERS_LIMITS = Set.of(NO_FLUSH_BETWEEN_ANSWERS,
            OUTPUT_NEVER_SHUT_DOWN);

    private static final Map<KnownWrongServer, StepResult> RESULTS = new ConcurrentHashMap<>();
    private static final Map<Integer, StepResult> REPOSITORY = new ConcurrentHashMap<>();
    private static Path compiled;

    static Stream<Arguments> flaws() {
        return Flaws.FLAWS.stream().map(flaw -> arguments(flaw.server(), flaw.step(), flaw.check().name(), flaw.hint()));
    }

    /** The flaws graded on more than their own check: all but {@link GradedAlone#REASONS}. */
    static Stream<Arguments> flawsOnSeveralChecks() {
        return Flaws.FLAWS.stream().filter(flaw -> !GradedAlone.REASONS.containsKey(flaw.server()))
                .map(flaw -> arguments(flaw.server(), flaw.step()));
    }

    /**
     * The slowest first, beside the repository's last step: they only wait, while its stop checks
     * read downloads within the server's 5 s grace period, which busier gradings beside it, on one
     * busy core, could make it miss. Then everything else, side by side, in {@link GradingOrder}.
     */
    @BeforeAll
    static void gradeEverything(@TempDir Path classes) {
        compiled = classes;
        ExecutorService waiting = Executors.newFixedThreadPool(GradingOrder.SLOWEST.size());
        ExecutorService pool = Executors.newFixedThreadPool(GradingOrder.AT_ONCE);
        try {
            List<CompletableFuture<Void>> gradings = new ArrayList<>();
            GradingOrder.SLOWEST.forEach(server ->
                    gradings.add(CompletableFuture.runAsync(() -> grade(server), waiting)));
            if (Flaws.WHOLE_LESSONS) {
                gradeTheRepository(LAST_STEP);
            }
            Stream.concat(Flaws.FLAWS.stream().map(Flaws.Flaw::server), StepProblems.stepProblems().map(a -> (KnownWrongServer) a.get()[0]))
                    .filter(server -> !GradingOrder.SLOWEST.contains(server)).sorted(GradingOrder.LONGEST_FIRST)
                    .forEach(server -> gradings.add(CompletableFuture.runAsync(() -> grade(server), pool)));
            gradings.forEach(CompletableFuture::join);
        } finally {
            waiting.shutdown();
            pool.shutdown();
        }
    }

    /**
     * The repository's last step: its spec holds every check of the course. Only it is graded here, in
     * the grader's sandbox as a student's server is: each step module runs its own step's spec already,
     * without the sandbox, and grading all the others again would cost a minute and prove nothing more.
     * Only in CI's run ({@link Flaws#WHOLE_LESSONS}): its module runs every check already, and the
     * sandbox again cost 15 s of CPU, a tenth of GraderTest's.
     */
    private static final int LAST_STEP = Grader.availableSteps().getLast();

    /** This repository's server of a step, compiled, on that step's spec: in the sandbox, as a student's. */
    private static void gradeTheRepository(int step) {
        List<String> command = SpecConfig.compiledServer(Sources.compile(Repository.stepSource(step), folder("step" + step)));
        REPOSITORY.put(step, Grader.gradeStep(step, new Grader.ServerToGrade.Command(command, null,
                Sources.sandbox(command)), LIMITS));
    }

    /** A known-wrong server, compiled beforehand, in the grader's sandbox (the batch test runs fixtures from source). */
    private static void grade(KnownWrongServer server) {
        List<String> command = Sources.compiled(server, folder(server.folderName()));
        boolean problem = Flaws.FLAWS.stream().noneMatch(flaw -> flaw.server() == server); // it never gets to a check
        List<String> checks = problem ? List.of() : Flaws.gradedChecks(server).stream().map(Check::name).toList();
        Supplier<StepResult> grading = () -> Grader.gradeStep(GradingOrder.specStep(server),
                new Grader.ServerToGrade.Command(command, null, Sources.sandbox(command)),
                WITH_THE_GRADERS_LIMITS.contains(server) ? Grader.Limits.DEFAULT : LIMITS, Grader.Progress.SILENT,
                checks);
        StepResult result = grading.get();
        for (int run = 2; run <= RUNS_OF_A_RACE && CAUGHT_IN_A_RACE.contains(server) && !showsItsFlaw(server, result);
             run++) {
            System.out.printf("[grader test] %s did not show its flaw in run %d of %d: graded again%n", server,
                    run - 1, RUNS_OF_A_RACE); // how often, for whoever tunes the check
            result = grading.get();
        }
        RESULTS.put(server, result);
    }

    /** Whether it failed its check, each failure with its hint alone. */
    private static boolean showsItsFlaw(KnownWrongServer server, StepResult result) {
        Flaws.Flaw flaw = Flaws.flaw(server);
        return result.checks().stream().anyMatch(check -> check.name().equals(flaw.check().name()) && !check.passed()
                && check.failures().stream().allMatch(failure -> failure.hints().stream().map(Hint::id).toList()
                        .equals(List.of(flaw.hint()))));
    }

    /**
     * Known-wrong servers that their check catches in most runs, not in all: graded again while it does
     * not show its flaw (its check failed with its hint alone), up to {@link #RUNS_OF_A_RACE} runs in all.
     * A server that stops accepting at the signal
     * resets the connections its signal handler finds queued, and a JVM starts the handler's thread
     * now early, now late (see StopChecks.QUEUED): it passed the check in 1 full test run of 6. A
     * server that skips only the part of a body that has come shows it only if it looks before the
     * rest comes, 500 ms later (BodyChecks.TWO_PIECES): a busy machine may keep its thread waiting
     * longer (not seen yet).
     */
    private static final Set<KnownWrongServer> CAUGHT_IN_A_RACE = Set.of(QUEUE_LEFT, SKIPS_WHAT_HAS_COME,
            WATCHDOG_CUTS_ANY, // its tick may cut the check's first request, before the wait its hint is about
            TIMING_COUNTS_WAIT, // shown while under 500 ms (TunedChecks.BETWEEN_PIECES) pass from its clock to the client
            WATCHDOG_IN_MILLIS, // its tick may find the slow reader between two writes (once, on one busy core)
            HEAD_SIZE_COUNTS_ASKED, // shown where the server reads a head's first piece before its second comes
            SHUTDOWN_NOW, // shown where its exit is seen within 1 s of the signal: else it refused only as it exited
            LOG_NOT_FLUSHED_AT_THE_STOP); // shown unless its log's write of each second falls between answer and signal
    private static final int RUNS_OF_A_RACE = 4;

    private static Path folder(String name) {
        try {
            return Files.createDirectories(compiled.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} fails \"{2}\" with the hint {3} only")
    @MethodSource("flaws")
    @DisplayName("every known-wrong server fails its check with the one hint that names its flaw")
    void failsTheCheckWithItsHint(KnownWrongServer server, int step, String check, Hint.Id hint) {
        ThisComputer.assumeItCanTell(Flaws.flaw(server));
        ThisComputer.assumeItCanWriteItsWebRoot(server);
        StepResult result = RESULTS.get(server);
        assertThat(result.step()).isEqualTo(step);
        StepResult.Check failed = check(result, check);
        assertThat(failed.passed()).as("the check \"%s\" passed", check).isFalse();
        assertThat(failed.failures()).as("the failures of \"%s\"", check).isNotEmpty()
                .allSatisfy(failure -> assertThat(failure.hints()).as(failure.report())
                        .extracting(Hint::id).containsExactly(hint));
    }

    @ParameterizedTest(name = "{0} on step {1}")
    @MethodSource("flawsOnSeveralChecks")
    @DisplayName("every known-wrong server fails only the checks its flaw affects, each with the hint that explains it")
    void failsOnlyTheChecksItAffects(KnownWrongServer server, int step) {
        Flaws.Flaw flaw = Flaws.flaw(server);
        ThisComputer.assumeItCanTell(flaw);
        ThisComputer.assumeItCanWriteItsWebRoot(server);
        Map<String, List<Hint.Id>> expected = new LinkedHashMap<>();
        expected.put(flaw.check().name(), List.of(flaw.hint()));
        AlsoFails.of(server).forEach((check, hint) -> expected.put(check.name(), List.of(hint)));
        StepResult result = RESULTS.get(server);
        assertThat(result.problem()).as("the step's problem").isNull();
        List<String> graded = Flaws.gradedChecks(server).stream().map(Check::name).toList();
        assertThat(result.checks()).extracting(StepResult.Check::name).containsAll(graded);
        assertThat(result.failedChecks().stream().filter(check -> graded.contains(check.name()))
                .collect(Collectors.toMap(StepResult.Check::name,
                        check -> check.failures().stream().flatMap(f -> f.hints().stream()).map(Hint::id).toList())))
                .as(report(result)).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @ParameterizedTest(name = "{0} gets the hint {2} only")
    @MethodSource("httpcourse.grader.StepProblems#stepProblems")
    @DisplayName("every known-wrong server that stops a whole step gets the one hint that names why")
    void stopsTheStepWithItsHint(KnownWrongServer server, int step, Hint.Id hint) {
        StepResult result = RESULTS.get(server);
        assertThat(result.problem()).as("the step's problem").isNotNull();
        assertThat(result.problem().hints()).as(result.problem().report()).extracting(Hint::id).containsExactly(hint);
        assertThat(result.checks()).as("its checks").noneMatch(StepResult.Check::ran);
    }

    @Test
    @DisplayName("has a known-wrong server, or a command, for every hint it can give")
    void provesEveryHint() {
        Set<Hint.Id> proven = EnumSet.copyOf(StepProblems.PROVEN_BY_COMMANDS);
        Flaws.FLAWS.forEach(flaw -> proven.add(flaw.hint()));
        StepProblems.stepProblems().forEach(a -> proven.add((Hint.Id) a.get()[2]));
        assertThat(proven).containsExactlyInAnyOrder(Hint.Id.values());
    }

    @Test
    @DisplayName("grades every known-wrong server")
    void forgetsNoKnownWrongServer() {
        Set<KnownWrongServer> accounted = new HashSet<>();
        Flaws.FLAWS.forEach(flaw -> accounted.add(flaw.server()));
        StepProblems.stepProblems().forEach(a -> accounted.add((KnownWrongServer) a.get()[0]));
        assertThat(accounted).containsExactlyInAnyOrderElementsOf(KnownWrongServer.all());
    }

    @Test
    @DisplayName("shows the stack trace of a server that sends the head, then throws")
    void showsTheStackTraceAfterTheHead() {
        assertThat(check(RESULTS.get(HEAD_THEN_THROWS), ArticleChecks.NAMED_FILE.name()).failures().get(0).report())
                .contains("java.nio.file.NoSuchFileException: ipsum.html");
    }

    @Test
    @DisplayName("waits a response timeout for the first connection a server leaves open, then 1 s after each last byte")
    void waitsLessOnceAConnectionWasLeftOpen() {
        List<String> reports = RESULTS.get(NEVER_CLOSES).failedChecks().stream()
                .flatMap(check -> check.failures().stream()).map(StepResult.Failure::report).toList();
        // The seconds it waited, as counted: its response timeout, or more on a busy machine (11, once);
        // not twice as long, which a wait for a second response timeout would take.
        long timeout = LIMITS.response().toSeconds();
        Matcher waited = Pattern.compile("the connection was still open after (\\d+) s").matcher(reports.getFirst());
        assertThat(waited.find()).as(reports.getFirst()).isTrue();
        assertThat(Long.parseLong(waited.group(1))).as(reports.getFirst()).isBetween(timeout, 2 * timeout - 1);
        assertThat(reports.subList(1, reports.size())).isNotEmpty().allSatisfy(report -> assertThat(report)
                .contains("the connection was still open 1 s after the last byte (the server left a connection"
                        + " open before"));
    }

    @Test
    @DisplayName("shows, where the status differs, the expected answer without the other answer's fields")
    void lendsNoFieldOfAnotherStatus() {
        String report = check(RESULTS.get(RANGE_ON_HEAD), Flaws.flaw(RANGE_ON_HEAD).check().name()).failures()
                .getFirst().report();
        assertThat(report).contains("got \"HTTP/1.1 206 Partial Content\"");
        assertThat(report.substring(report.indexOf("Expected response"), report.indexOf("Actual response")))
                .contains("HTTP/1.1 200 OK", "Content-Length: 300000").doesNotContain("Content-Range");
    }

    @Test
    @DisplayName("shows a plain answer expected with its Content-Length, without the chunked answer's Transfer-Encoding"
            + " or the compressed answer's ETag, and a field described, not given, as a description where it differs"
            + " first")
    void lendsNoFramingOfTheOtherKind() {
        String report = check(RESULTS.get(COMPRESSES_EVERYTHING), Flaws.flaw(COMPRESSES_EVERYTHING).check().name())
                .failures().getFirst().report();
        assertThat(report.substring(report.indexOf("Actual response"))).contains("Transfer-Encoding: chunked");
        assertThat(report.substring(report.indexOf("Expected response"), report.indexOf("Actual response")))
                .contains("Content-Length: ").doesNotContain("Transfer-Encoding").doesNotContain("-gzip\"");
        assertThat(report).contains("expected what \"(none: the file as it is)\" says (a description, not bytes),"
                + " got g (0x67)");
    }

    @Test
    @DisplayName("names the control byte a log printed as it is: the report shows it as its escape would read")
    void namesTheRawControlByte() {
        assertThat(check(RESULTS.get(LOG_ESCAPES_ESC_ONLY), UnattendedChecks.ACCESS_LOG.name()).failures().getFirst()
                .report()).contains("the control character 0x07, as it is (this report shows it as \\x07");
    }

    @Test
    @DisplayName("starts a crashed server again: the crash costs only the check that caused it, and is reported once")
    void restartsACrashedServer() {
        StepResult result = RESULTS.get(DIES_ON_EMPTY_CONNECTION);
        assertThat(result.serverStops()).anySatisfy(stop -> assertThat(stop)
                .startsWith("The server stopped during the check \"" + BasicChecks.EMPTY_CONNECTION.name())
                .contains("exit status 1", "java.util.NoSuchElementException"));
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        Report.stepDetails(new PrintStream(report, true, StandardCharsets.UTF_8), result, false);
        assertThat(report.toString(StandardCharsets.UTF_8))
                .containsOnlyOnce("it was started again for the checks that follow.")
                .contains("Exception in thread \"main\" java.util.NoSuchElementException");
    }

    @Test
    @DisplayName("scores a server that crashes at start 0 of all its checks, and shows once why it crashed")
    void reportsACrashAtStart() {
        StepResult result = RESULTS.get(CRASHES_AT_START);
        assertThat(result.passed()).isZero();
        assertThat(result.total()).isEqualTo(Course.step(1).checks().size());
        assertThat(result.problem().report())
                .contains("The server stopped before it printed \"Listening on port N\".")
                .contains("java.lang.ArrayIndexOutOfBoundsException: Index 1 out of bounds for length 1");
        assertThat(result.note()).isEqualTo("The server stopped before it printed \"Listening on port N\".");
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        Report.stepDetails(new PrintStream(report, true, StandardCharsets.UTF_8), result, false);
        assertThat(report.toString(StandardCharsets.UTF_8)).containsOnlyOnce("ArrayIndexOutOfBoundsException")
                .contains("none of the " + result.total() + " checks could run");
    }

    @Test
    @DisplayName("stops at start a server that writes over its htdocs, where the sandbox runs it as another user")
    void stopsAServerThatWritesOverItsWebRoot() {
        Assumptions.assumeTrue(ThisComputer.webRootIsNotTheServers(), "the server runs as the user who wrote its htdocs");
        StepResult result = RESULTS.get(TAMPERS_WITH_ITS_WEB_ROOT);
        assertThat(result.problem()).as("the step's problem").isNotNull();
        assertThat(result.problem().hints()).extracting(Hint::id).containsExactly(Hint.Id.CRASHED_AT_START);
        assertThat(result.problem().report()).contains("java.nio.file.AccessDeniedException: htdocs/index.html");
    }

    @Test
    @DisplayName("gives this repository's last step every point, in the grader's sandbox")
    void gradesTheRepositoryFully() {
        Assumptions.assumeTrue(Flaws.WHOLE_LESSONS, "graded in CI's run (-Dgrader.wholeLessons=true): step "
                + LAST_STEP + "'s module runs every check, without the sandbox");
        assertThat(REPOSITORY.keySet()).containsExactly(LAST_STEP);
        assertThat(REPOSITORY.get(LAST_STEP).checks()).hasSize(Course.step(LAST_STEP).checks().size());
        // A server the grader starts can be sent signals, and its output read: only the machine may keep a check
        // from running here (no symbolic links, say).
        assertThat(REPOSITORY.get(LAST_STEP).checks()).filteredOn(StepResult.Check::notRunHere)
                .extracting(StepResult.Check::whyNotRunHere).noneMatch(why -> why.startsWith("grading a running server"));
        // As root, the sandbox's tmpfs lets the full disk's check fill the server's folder.
        assertThat(check(REPOSITORY.get(LAST_STEP), UploadLimitChecks.DISK_FULL.name()).notRunHere())
                .as("the full disk's check not run here").isEqualTo(!ThisComputer.fillsTheDisk());
        List<StepResult> notFull = REPOSITORY.values().stream().filter(result -> !result.allPassed())
                .sorted(Comparator.comparingInt(StepResult::step)).toList();
        assertThat(notFull).as(notFull.stream().map(GraderTest::report).collect(Collectors.joining()))
                .extracting(result -> result.title() + ": " + result.passed() + "/" + result.total()).isEmpty();
    }

    @AfterAll
    static void leavesNoProcessBehind() {
        assertThat(Sources.processesMentioning(compiled.toString())).isEmpty();
    }

    /** The step's whole report, for an assertion's message. */
    private static String report(StepResult result) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Report.step(new PrintStream(text, true, StandardCharsets.UTF_8), result, true);
        return text.toString(StandardCharsets.UTF_8);
    }

    private static StepResult.Check check(StepResult result, String name) {
        return result.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check \"" + name + "\" in " + result.title()));
    }
}
