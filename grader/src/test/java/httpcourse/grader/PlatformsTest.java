package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import httpcourse.spec.NetworkAddresses;
import httpcourse.spec.Repository;
import httpcourse.spec.Sandbox;
import httpcourse.spec.SpecConfig;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The grader in a platform's container, with a folder that stands for "/" (GRADER_ROOT): it
 * grades /autograder/submission or /grade/student and writes results.json where the platform
 * reads it, field by field as Gradescope and PrairieLearn specify. The submissions are this
 * repository's steps 1 and 2, run with {@code java HttpServer.java}: step 1's server passes step
 * 1 and fails most of step 2.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting on servers: beside the other classes (see grader/pom.xml)
@DisplayName("Grading in Gradescope's and PrairieLearn's containers")
class PlatformsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String COMMAND = SpecConfig.javaExecutable() + " {dir}/HttpServer.java";

    /** Grades with GRADER_ROOT=root, the sandbox where this machine has one, and generous fail-safes. */
    static GradeCommandTest.Run grade(Path root, String... args) {
        List<String> all = new ArrayList<>(Sources.sandboxOption());
        all.addAll(List.of("--timeout", "10", "--startup-timeout", "120"));
        all.addAll(Arrays.asList(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Grade.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(Platforms.ROOT_VARIABLE, root.toString()));
        return new GradeCommandTest.Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Hands in this repository's server of {@code step} as HttpServer.java in {@code folder}. */
    static void handIn(Path folder, int step) throws IOException {
        Files.createDirectories(folder);
        Files.copy(Repository.stepSource(step), folder.resolve("HttpServer.java"));
    }

    /**
     * The counts below include the loopback check, which is "not run here" (and in no total) on a
     * computer with no address besides 127.0.0.1, such as a container without network.
     */
    private static void assumeOtherAddress() {
        Assumptions.assumeTrue(NetworkAddresses.firstNonLoopback().isPresent(),
                "this computer has no address besides 127.0.0.1: the loopback check would not run");
    }

    static String sandboxLine() {
        return Sandbox.unavailable().isEmpty() ? "Sandbox: on." : "Sandbox: off (";
    }

    @Test
    @DisplayName("Gradescope: a test per check with name, number, score, max_score, status, output, visibility, tags")
    void gradescope(@TempDir Path root) throws IOException {
        assumeOtherAddress();
        handIn(root.resolve("autograder/submission"), 1);
        GradeCommandTest.Run run = grade(root, "--gradescope", "--step", "1,2", "--points", "2=10",
                "--visibility", "after_due_date", "--command", COMMAND);
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Written: " + root.resolve("autograder/results/results.json"));

        JsonNode results = JSON.readTree(root.resolve("autograder/results/results.json").toFile());
        assertThat(results.get("score").asDouble()).isEqualTo(15 + 10.0 / 16, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(results.get("visibility").asText()).isEqualTo("after_due_date");
        assertThat(results.get("stdout_visibility").asText()).isEqualTo("hidden");
        assertThat(results.get("output_format").asText()).isEqualTo("text");
        assertThat(results.get("output").asText())
                .contains("16 of 31 checks passed: 15.63 of 25 points", "Step 1: Hello World: 15 of 15 checks passed",
                        "15 checks fail for one reason:\n    Hint: The body is not the file the spec generated",
                        "server: " + SpecConfig.javaExecutable() + " " + root.resolve("autograder/submission/HttpServer.java"))
                .contains(sandboxLine());
        JsonNode tests = results.get("tests");
        assertThat(tests).hasSize(15 + 16);

        JsonNode first = tests.get(0);
        assertThat(first.properties()).extracting(Map.Entry::getKey)
                .containsExactly("name", "number", "score", "max_score", "status", "output", "visibility", "tags");
        assertThat(first.get("name").asText()).startsWith("Step 1: ");
        assertThat(first.get("number").asText()).isEqualTo("1.1");
        assertThat(first.get("score").asDouble()).isEqualTo(1.0);
        assertThat(first.get("max_score").asDouble()).isEqualTo(1.0);
        assertThat(first.get("status").asText()).isEqualTo("passed");
        assertThat(first.get("visibility").asText()).isEqualTo("after_due_date");
        assertThat(first.get("tags")).extracting(JsonNode::asText).containsExactly("step1");

        JsonNode index = test(tests, "Step 2: answers index.html whatever the path, even for a file that exists elsewhere");
        assertThat(index.get("status").asText()).isEqualTo("failed");
        assertThat(index.get("score").asDouble()).isZero();
        assertThat(index.get("max_score").asDouble()).isEqualTo(0.625);
        assertThat(index.get("output").asText())
                .contains("Request sent", "GET /", "Actual response", "Hello World", "Hint: The body is not the file");
        assertThat(index.get("tags")).extracting(JsonNode::asText).containsExactly("step2", "NOT_THE_GENERATED_FILE");
    }

    private static JsonNode test(JsonNode tests, String name) {
        for (JsonNode test : tests) {
            if (test.get("name").asText().equals(name)) {
                return test;
            }
        }
        throw new AssertionError("no test named " + name + " in " + tests);
    }

    @Test
    @DisplayName("PrairieLearn: gradable, a score from 0 to 1, message, output, and a test per check")
    void prairieLearn(@TempDir Path root) throws IOException {
        assumeOtherAddress();
        handIn(root.resolve("grade/student"), 2); // step 2's server, on step 1: one check of 15 passes
        GradeCommandTest.Run run = grade(root, "--prairielearn", "--step", "1", "--command", COMMAND);
        assertThat(run.status()).as(run.out() + run.err()).isZero();

        JsonNode results = JSON.readTree(root.resolve("grade/results/results.json").toFile());
        assertThat(results.properties()).extracting(Map.Entry::getKey)
                .containsExactly("gradable", "score", "message", "output", "tests");
        assertThat(results.get("gradable").asBoolean()).isTrue();
        assertThat(results.get("score").asDouble()).isEqualTo(1.0 / 15, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(results.get("message").asText()).isEqualTo("1 of 15 checks passed.");
        assertThat(results.get("output").asText()).contains("Step 1: Hello World: 1 of 15 checks passed", sandboxLine());
        JsonNode tests = results.get("tests");
        assertThat(tests).hasSize(15);
        JsonNode hello = test(tests, "answers Hello World whatever the path");
        assertThat(hello.properties()).extracting(Map.Entry::getKey)
                .containsExactly("name", "description", "points", "max_points", "message", "output");
        assertThat(hello.get("description").asText()).isEqualTo("Step 1: Hello World");
        assertThat(hello.get("points").asDouble()).isZero();
        assertThat(hello.get("max_points").asDouble()).isEqualTo(1.0);
        assertThat(hello.get("message").asText()).isNotBlank();
        assertThat(hello.get("output").asText()).contains("Request sent", "Expected response", "Actual response");
        JsonNode loopback = test(tests, "listens on 127.0.0.1 only: unreachable at this computer's other addresses");
        assertThat(loopback.get("points").asDouble()).isEqualTo(1.0);
        assertThat(loopback.get("message").asText()).isEqualTo("Passed.");
    }

    @Test
    @DisplayName("PrairieLearn: gradable false, with the reason, when the server never starts (nothing handed in)")
    void prairieLearnNotGradable(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("grade/student"));
        GradeCommandTest.Run run = grade(root, "--prairielearn", "--step", "1", "--command", COMMAND);
        assertThat(run.status()).as(run.out() + run.err()).isZero();

        JsonNode results = JSON.readTree(root.resolve("grade/results/results.json").toFile());
        assertThat(results.get("gradable").asBoolean()).isFalse();
        assertThat(results.get("score").asDouble()).isZero();
        assertThat(results.get("message").asText())
                .startsWith("The server did not start, so it could not be graded (this attempt costs nothing)");
        assertThat(results.get("format_errors").get(0).asText()).contains("HttpServer.java");
        assertThat(results.get("output").asText()).contains("not every check could run", sandboxLine());
        assertThat(results.has("tests")).isFalse();
    }
}
