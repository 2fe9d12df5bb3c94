package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import httpcourse.spec.ArticleChecks;
import httpcourse.spec.BodyChecks;
import httpcourse.spec.CachingChecks;
import httpcourse.spec.Check;
import httpcourse.spec.ClearNoChecks;
import httpcourse.spec.CompleteAnswerChecks;
import httpcourse.spec.CompressionChecks;
import httpcourse.spec.Course;
import httpcourse.spec.CourseSpec;
import httpcourse.spec.KeepAliveChecks;
import httpcourse.spec.ManyClientsChecks;
import httpcourse.spec.RangeChecks;
import httpcourse.spec.Repository;
import httpcourse.spec.SpecConfig;
import httpcourse.spec.StopChecks;
import httpcourse.spec.TunedChecks;
import httpcourse.spec.UnattendedChecks;
import httpcourse.spec.UploadChecks;
import httpcourse.spec.UrlChecks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Each spec asks for its step's lesson: every step's server fails the next step's spec (and
 * passes its own: its step module runs it, see {@link #everyStepModuleRunsItsOwnSpec}). A spec
 * that the previous step's server passed would not ask for anything new, and a student could pass
 * it without doing the step.
 *
 * <p>Each pair names the check of the next spec that shows its lesson, and runs that check only,
 * through the grader ({@link Grader#gradeStep}), as for any student: one failed check is enough to
 * fail a spec, and naming it says what the next step adds.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting on servers: beside the other classes (see grader/pom.xml)
@DisplayName("The specs tell the steps apart")
class SpecsDiscriminateTest {

    // A short response timeout can only fail more checks, never fewer: it cannot change a verdict.
    private static final Grader.Limits LIMITS = new Grader.Limits(Duration.ofSeconds(120), Duration.ofSeconds(2));

    // What each run did, by "server step->spec step", e.g. "2->3": step 2's server on step 3's spec.
    private static final Map<String, StepResult> RUNS = new ConcurrentHashMap<>();

    /**
     * Step {@code server}'s server, step {@code server + 1}'s spec, and the check of that spec that
     * shows the lesson: one the server fails for the lesson's own reason.
     *
     * @param lesson what the next step adds
     */
    record Pair(int server, Check check, String lesson) {
        int spec() {
            return server + 1;
        }
    }

    static final List<Pair> PAIRS = List.of(
            new Pair(1, ArticleChecks.INDEX_WHATEVER_THE_PATH, "the page index.html"),
            new Pair(2, ArticleChecks.NAMED_FILE, "the file the request names"),
            new Pair(3, ArticleChecks.MISSING_FILE, "404 Not Found"),
            new Pair(4, ManyClientsChecks.CROWD_OF_HALF_REQUESTS, "many clients at once"),
            new Pair(5, CompleteAnswerChecks.COMPLETE_GET,
                    "complete answers: Date, Content-Type, Content-Length, HEAD"),
            new Pair(6, ClearNoChecks.FORM_POST, "a clear no: 400, 405, 414, 431, 501, 505, each with a short text"),
            new Pair(7, UrlChecks.DECODES_A_SPACE,
                    "the target is a URL: percent-decoding, the query, folders, hidden names"),
            new Pair(8, CachingChecks.NONE_MATCH, "caching: Last-Modified, ETag, 304 Not Modified"),
            // Step 9 answers in HTTP/1.0, and closes: the check's name asks for both.
            new Pair(9, KeepAliveChecks.BROWSER_KEPT, "keep-alive: HTTP/1.1, several requests on one connection,"
                    + " pipelining"),
            // Step 10 closes the connection after a body instead of reading it.
            new Pair(10, BodyChecks.CONTENT_LENGTH, "request bodies: Content-Length, chunked, read and forgotten"),
            // SIGTERM ends step 11 at once, the download under way cut.
            new Pair(11, StopChecks.ON_SIGTERM, "a graceful stop on SIGTERM and Ctrl+C"),
            // Step 12 prints the request's head as it came, control bytes and all: no access log. (Its other
            // lesson, the write timeout, costs the check its 30 s fail-safe.)
            new Pair(12, UnattendedChecks.ACCESS_LOG, "a server to leave running: a write timeout, the access log"),
            new Pair(13, TunedChecks.SERVER_TIMING, "measured and tuned: Server-Timing on every answer"),
            // Step 14 answers every PUT with 405 Method Not Allowed.
            new Pair(14, UploadChecks.CREATES, "uploads: PUT stores a file of /uploads/, whole or not at all"),
            // Step 15 reads no Range: the whole file, 200 OK, for bytes=1000-1999.
            new Pair(15, RangeChecks.ONE_RANGE, "byte ranges: 206 Partial Content, 416, If-Range, Accept-Ranges"),
            // Step 16 never compresses: the book, 40 KiB of text, as it is, for Accept-Encoding: gzip.
            new Pair(16, CompressionChecks.GZIP, "compression: gzip by Accept-Encoding, in chunks, Vary, an ETag of"
                    + " its own"));

    static Stream<Arguments> pairs() {
        return PAIRS.stream().map(pair -> Arguments.of(pair.server(), pair.spec(), pair.check().name()));
    }

    /** Compiles each step's server once, then grades the pairs side by side. */
    @BeforeAll
    static void gradeEveryServerOnTheNextSpec(@TempDir Path classes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            PAIRS.stream().map(pair -> CompletableFuture.runAsync(() -> {
                Path folder = classes.resolve("step" + pair.server());
                Sources.compile(Repository.stepSource(pair.server()), folder);
                List<String> command = SpecConfig.compiledServer(folder);
                Grader.ServerToGrade graded = new Grader.ServerToGrade.Command(command, null, Sources.sandbox(command));
                RUNS.put(pair.server() + "->" + pair.spec(), Grader.gradeStep(pair.spec(), graded, LIMITS,
                        Grader.Progress.SILENT, List.of(pair.check().name())));
            }, pool)).toList().forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest(name = "step {0}''s server fails step {1}''s check \"{2}\"")
    @MethodSource("pairs")
    void eachServerFailsTheNextSpec(int server, int spec, String check) {
        StepResult run = RUNS.get(server + "->" + spec);
        assertThat(run.problem()).as("the step's problem").isNull();
        assertThat(run.checks()).extracting(StepResult.Check::name).containsExactly(check);
        assertThat(run.failedChecks()).as("failed checks").hasSize(1);
    }

    @Test
    @DisplayName("names a pair for every step but the last, each check one of the next step's spec")
    void coversEveryStep() {
        assertThat(PAIRS).extracting(Pair::server).containsExactlyElementsOf(
                IntStream.range(1, Grader.availableSteps().size()).boxed().toList());
        assertThat(PAIRS).allSatisfy(pair ->
                assertThat(Course.step(pair.spec()).checks()).as("step %d's spec", pair.spec()).contains(pair.check()));
    }

    /**
     * Every step passes its own spec: that is its module's test, run by {@code ./mvnw test} (and
     * by CI). Each step is a module of the build, declares its step's number, and has the
     * HttpServer.java that turns on the parent's step-module profile, which runs {@link CourseSpec}
     * with that number against the module's own classes. (GraderTest also grades the last step's
     * server on its spec, through the grader, in its sandbox.)
     */
    @Test
    @DisplayName("leaves \"every step passes its own spec\" to the step modules, each of which runs its step's spec")
    void everyStepModuleRunsItsOwnSpec() throws Exception {
        Path root = Repository.root();
        Document parent = xml(root.resolve("pom.xml"));
        List<String> modules = texts(parent, "module");
        for (int step : Grader.availableSteps()) {
            Path module = Repository.stepSource(step).getParent().getParent().getParent().getParent();
            assertThat(modules).as("the modules of the build").contains(module.getFileName().toString());
            assertThat(texts(xml(module.resolve("pom.xml")), "step.number")).as("%s's step number", module)
                    .containsExactly(Integer.toString(step));
            assertThat(module.resolve("src/main/java/HttpServer.java")).isRegularFile();
        }
        Element profile = profile(parent, "step-module");
        assertThat(texts(profile, "exists")).containsExactly("${basedir}/src/main/java/HttpServer.java");
        assertThat(texts(profile, "include")).containsExactly("**/" + CourseSpec.class.getSimpleName() + ".java");
        assertThat(texts(profile, "dependency")).contains("httpcourse:spec");
        assertThat(texts(profile, SpecConfig.STEP)).containsExactly("${step.number}");
        assertThat(texts(profile, SpecConfig.CLASSES)).containsExactly("${project.build.outputDirectory}");
        // Checks on servers of their own at their lesson's step and the last (OwnServerChecksTest), unless CI says "all".
        assertThat(texts(profile, SpecConfig.OWN_SERVER_CHECKS)).containsExactly("${course.ownServerChecks}");
        assertThat(texts(parent, "course.ownServerChecks")).containsExactly("lesson");
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(file));
    }

    private static Element profile(Document pom, String id) {
        var profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (texts(profile, "id").contains(id)) {
                return profile;
            }
        }
        throw new AssertionError("no profile " + id + " in the parent pom.xml");
    }

    private static List<String> texts(Document document, String tag) {
        return texts(document.getDocumentElement(), tag);
    }

    private static List<String> texts(Element element, String tag) {
        var nodes = element.getElementsByTagName(tag);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent().strip()).toList();
    }
}
