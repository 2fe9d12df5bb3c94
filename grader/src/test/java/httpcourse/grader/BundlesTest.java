package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * What instructors upload: Gradescope's autograder zip and PrairieLearn's Docker build folder.
 * Each is built from the grader as these tests run it, unpacked where the platform puts it
 * (below a folder that stands for "/"), and its script run as the platform runs it, on step 1.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waiting on servers: beside the other classes (see grader/pom.xml)
@EnabledOnOs({OS.LINUX, OS.MAC}) // the platforms' scripts are bash scripts
@DisplayName("The Gradescope zip and the PrairieLearn image")
class BundlesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    // A fail-safe: grading step 1 takes a few seconds.
    static final long SCRIPT_FAIL_SAFE_SECONDS = 180;

    static GradeCommandTest.Run build(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(Sources.sandboxOption());
        all.addAll(List.of("--timeout", "10", "--startup-timeout", "120"));
        return GradeCommandTest.grade(all.toArray(String[]::new));
    }

    @Test
    @DisplayName("--gradescope-zip writes setup.sh and run_autograder (executable) at the zip's root, the grader in lib/")
    void gradescopeZip(@TempDir Path work) throws Exception {
        Path zip = work.resolve("autograder.zip");
        GradeCommandTest.Run run = build("--gradescope-zip", zip.toString(), "--step", "1", "--points", "10",
                "--visibility", "after_due_date", "--command", "java {dir}/HttpServer.java");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Written: " + zip);

        Path root = work.resolve("root");
        Path source = unzip(zip, root.resolve("autograder/source"));
        try (Stream<Path> top = Files.list(source)) {
            assertThat(top.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("setup.sh", "run_autograder", "grader.args", "lib");
        }
        for (String script : List.of("setup.sh", "run_autograder")) {
            assertThat(Files.getPosixFilePermissions(source.resolve(script))).as(script)
                    .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        }
        assertThat(source.resolve("lib/grader.jar")).isRegularFile();
        try (Stream<Path> lib = Files.list(source.resolve("lib"))) { // spec.jar in the reactor, spec-VERSION.jar from ~/.m2
            assertThat(lib.map(p -> p.getFileName().toString())).anyMatch(name -> name.matches("spec(-.+)?\\.jar"));
        }
        assertThat(Files.readString(source.resolve("setup.sh"))).contains("temurin-25-jdk", "packages.adoptium.net");
        assertThat(Files.readAllLines(source.resolve("grader.args"))).containsSubsequence(Grade.JVM_OPTIONS);
        assertThat(Files.readAllLines(source.resolve("grader.args"))).containsSubsequence("httpcourse.grader.Grade",
                "--gradescope", "\"--step\"", "\"1\"", "\"--points\"", "\"10\"", "\"--command\"",
                "\"java {dir}/HttpServer.java\"");

        // Gradescope copies run_autograder to /autograder, puts the submission in /autograder/submission, runs it.
        Files.copy(source.resolve("run_autograder"), root.resolve("autograder/run_autograder"));
        PlatformsTest.handIn(root.resolve("autograder/submission"), 1);
        String output = runScript(root, root.resolve("autograder/run_autograder"));

        JsonNode results = JSON.readTree(root.resolve("autograder/results/results.json").toFile());
        assertThat(results.get("score").asDouble()).as(output).isEqualTo(10.0);
        assertThat(results.get("visibility").asText()).isEqualTo("after_due_date");
        assertThat(results.get("tests")).hasSize(15)
                .allSatisfy(test -> assertThat(test.get("status").asText()).isEqualTo("passed"));
        assertThat(output).contains("Step 1: Hello World", "Written: ");
    }

    @Test
    @DisplayName("--prairielearn-image writes a Dockerfile and its entrypoint, which grades /grade/student")
    void prairieLearnImage(@TempDir Path work) throws Exception {
        Path image = work.resolve("image");
        GradeCommandTest.Run run = build("--prairielearn-image", image.toString(), "--step", "1");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(image.resolve("Dockerfile")))
                .contains("FROM eclipse-temurin:25", "COPY lib/ /grader/lib/", "ENTRYPOINT [\"/grader/prairielearn\"]");
        assertThat(Files.isExecutable(image.resolve("prairielearn"))).isTrue();
        assertThat(image.resolve("lib/grader.jar")).isRegularFile();

        // PrairieLearn runs the entrypoint of info.json, which may add options: here, the command.
        Path root = work.resolve("root");
        PlatformsTest.handIn(root.resolve("grade/student"), 1);
        String output = runScript(root, image.resolve("prairielearn"), "--command", "java {dir}/HttpServer.java");

        JsonNode results = JSON.readTree(root.resolve("grade/results/results.json").toFile());
        assertThat(results.get("gradable").asBoolean()).as(output).isTrue();
        assertThat(results.get("score").asDouble()).isEqualTo(1.0);
        assertThat(results.get("tests")).hasSize(15);

        // Built again into the same folder: replaced. Into a folder with other files: refused.
        assertThat(build("--prairielearn-image", image.toString(), "--step", "1").status()).isZero();
        Files.writeString(work.resolve("notes.txt"), "mine");
        GradeCommandTest.Run refused = build("--prairielearn-image", work.toString(), "--step", "1");
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("grade: " + work + " must be a new folder, or one this command wrote"
                + " (it is written over); it holds image, notes.txt, root");
    }

    /** Runs a platform's script as the platform would, with GRADER_ROOT standing for "/": what it printed. */
    private static String runScript(Path root, Path script, String... args) throws IOException, InterruptedException {
        // Through bash, not exec'd itself: a file this JVM has just written may still be open in a child
        // another thread is starting, and exec'ing it then fails with "Text file busy" (ETXTBSY).
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        String javaHome = System.getProperty("java.home");
        builder.environment().put(Platforms.ROOT_VARIABLE, root.toString());
        builder.environment().put("JAVA_HOME", javaHome);
        builder.environment().put("PATH", javaHome + "/bin:" + System.getenv("PATH"));
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(SCRIPT_FAIL_SAFE_SECONDS, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** Unpacks a zip as unzip does, Unix permissions included. */
    private static Path unzip(Path zip, Path target) throws IOException {
        try (FileSystem files = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            Path top = files.getPath("/");
            List<Path> entries;
            try (Stream<Path> walk = Files.walk(top)) {
                entries = walk.toList();
            }
            for (Path entry : entries) {
                Path to = target.resolve(top.relativize(entry).toString());
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(entry, to);
                    Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(entry));
                }
            }
        }
        return target;
    }
}
