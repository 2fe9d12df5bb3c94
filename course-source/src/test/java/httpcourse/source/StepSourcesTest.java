package httpcourse.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every step folder is what course-source/server makes of it: a fix made once in the source
 * reaches every step that has the line, and an edit made in a step folder alone fails here.
 */
class StepSourcesTest {

    static final String UPDATE = "./mvnw -q test -pl course-source -Dsteps.update=true";

    private static final Path ROOT = root();

    @Test
    @DisplayName("every step folder holds exactly what course-source/server makes of it")
    void stepFoldersAreGenerated() throws IOException {
        Map<String, List<String>> expected = StepSources.allSteps(ROOT);
        if (Boolean.getBoolean("steps.update")) {
            write(expected);
        }
        List<String> problems = new ArrayList<>();
        Set<String> present = new TreeSet<>();
        for (String folder : StepSources.stepFolders(ROOT).values()) {
            Path java = ROOT.resolve(folder).resolve("src/main/java");
            if (Files.isDirectory(java)) {
                try (Stream<Path> files = Files.list(java)) {
                    files.filter(p -> p.toString().endsWith(".java"))
                            .forEach(p -> present.add(folder + "/src/main/java/" + p.getFileName()));
                }
            }
        }
        for (String path : present) {
            if (!expected.containsKey(path)) {
                problems.add(path + " is not made by course-source/server: that step has no such file");
            }
        }
        expected.forEach((path, lines) -> {
            Path file = ROOT.resolve(path);
            if (!Files.isRegularFile(file)) {
                problems.add(path + " is missing");
                return;
            }
            List<String> actual = read(file);
            if (!actual.equals(lines)) {
                int at = 0;
                while (at < actual.size() && at < lines.size() && actual.get(at).equals(lines.get(at))) {
                    at++;
                }
                problems.add(path + " differs from what course-source/server makes, from its line " + (at + 1)
                        + ":\n      in the step folder: " + lineOrEnd(actual, at)
                        + "\n      from the source:    " + lineOrEnd(lines, at));
            }
        });
        assertThat(problems)
                .as("Step folders are made from course-source/server, never edited by hand. Make the change in"
                        + " course-source/server (course-source/README.md says how to mark which steps get it), then"
                        + " write the step folders again with:\n    " + UPDATE + "\n")
                .isEmpty();
    }

    @Test
    @DisplayName("a line of code that is not in the last step must be a //| line, so the source compiles")
    void oldCodeMustBeCommentedOut() {
        List<String> problems = new ArrayList<>();
        StepSources.parse("HttpServer.java", List.of("//@ 1-2", "old();", "//@ end"), 3, problems);
        assertThat(problems).singleElement().asString().contains("HttpServer.java:2", "must be a //| line");
    }

    @Test
    @DisplayName("an inner block cannot reach outside its block, and every block is closed")
    void blocksNest() {
        List<String> problems = new ArrayList<>();
        StepSources.parse("A.java", List.of("//@ 2+", "//@ 1-3", "//| x();", "//@ end"), 4, problems);
        assertThat(problems).anyMatch(p -> p.contains("A.java:2") && p.contains("reach outside"))
                .anyMatch(p -> p.contains("A.java:1") && p.contains("no //@ end"));
    }

    @Test
    @DisplayName("each step gets its lines, //| lines as code, and a //SOURCES line naming its other files")
    void makesEachStep() {
        List<String> problems = new ArrayList<>();
        List<StepSources.SourceFile> files = List.of(
                StepSources.parse("HttpServer.java", List.of("//SOURCES", "a();", "//@ 1-2", "//| b();", "//@ end",
                        "c(); //@ 2+"), 3, problems),
                StepSources.parse("Helper.java", List.of("//@file 3+", "class Helper {}"), 3, problems));
        assertThat(problems).isEmpty();
        assertThat(StepSources.step(files, 1)).containsExactly(Map.entry("HttpServer.java", List.of("a();", "b();")));
        assertThat(StepSources.step(files, 2).get("HttpServer.java")).containsExactly("a();", "b();", "c();");
        assertThat(StepSources.step(files, 3)).containsEntry("HttpServer.java",
                List.of("//SOURCES Helper.java", "a();", "c();")).containsKey("Helper.java");
    }

    @Test
    @DisplayName("a range names steps that exist")
    void rangesAreChecked() {
        assertThatThrownBy(() -> StepSources.Range.parse("0+", 5)).hasMessageContaining("between 1 and 5");
        assertThatThrownBy(() -> StepSources.Range.parse("five", 5)).hasMessageContaining("not a range");
        assertThat(StepSources.Range.parse("3+", 5)).isEqualTo(new StepSources.Range(3, 5));
    }

    private static void write(Map<String, List<String>> expected) throws IOException {
        for (String folder : StepSources.stepFolders(ROOT).values()) {
            Path java = ROOT.resolve(folder).resolve("src/main/java");
            if (Files.isDirectory(java)) {
                try (Stream<Path> files = Files.list(java)) {
                    for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
        for (Map.Entry<String, List<String>> file : expected.entrySet()) {
            Path path = ROOT.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, String.join("\n", file.getValue()) + "\n", StandardCharsets.UTF_8);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lineOrEnd(List<String> lines, int at) {
        return at < lines.size() ? "\"" + lines.get(at) + "\"" : "(the file ends here)";
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("course-source")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root above " + Path.of("").toAbsolutePath());
    }
}
