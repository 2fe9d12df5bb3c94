package httpcourse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each step stays one lesson that reads in one sitting (course-source/README.md): step 1 at most
 * 40 lines; the diff from a step to the next at most 20 changed lines up to step 4, at most 120
 * after (all of the step's files, {@code diff -ruN}; lines of code and comments, blank lines not
 * counted: {@link UnifiedDiff#changedLines}); no file of a step over 400 lines, nor any other source
 * of the repository. A lesson that does not fit is two lessons.
 */
@DisplayName("Every step keeps to its size: step 1 at most 40 lines, each diff at most 20 or 120, each file at most 400")
class StepBudgetTest {

    static final int FIRST_STEP_LINES = 40;
    static final int EARLY_DIFF = 20;
    static final int LATER_DIFF = 120;
    static final int FILE_LINES = 400;

    /** The step folders the root pom.xml lists, by number: "step5-many-clients/src/main/java". */
    static Map<Integer, String> steps() {
        Map<Integer, String> steps = new TreeMap<>();
        Matcher module = Pattern.compile("<module>(step(\\d+)-[^<]+)</module>").matcher(
                String.join("\n", Repo.lines(Repo.ROOT.resolve("pom.xml"))));
        while (module.find()) {
            steps.put(Integer.parseInt(module.group(2)), module.group(1) + "/src/main/java");
        }
        return steps;
    }

    @Test
    @DisplayName("step 1 is at most 40 lines, comments included")
    void firstStepIsShort() {
        String first = steps().get(1);
        assertThat(files(first).stream().mapToInt(file -> Repo.lines(file).size()).sum())
                .as(first + " (all its files)").isLessThanOrEqualTo(FIRST_STEP_LINES);
    }

    @Test
    @DisplayName("each diff from a step to the next changes at most 20 lines up to step 4, at most 120 after")
    void eachDiffIsOneLesson() {
        Map<Integer, String> steps = steps();
        List<String> over = new ArrayList<>();
        steps.forEach((number, folder) -> {
            String previous = steps.get(number - 1);
            if (previous != null) {
                int changed = UnifiedDiff.changedLines(previous, folder);
                int budget = number <= 4 ? EARLY_DIFF : LATER_DIFF;
                if (changed > budget) {
                    over.add("diff -ruN " + previous + " " + folder + ": " + changed + " changed lines (blank lines"
                            + " not counted), more than " + budget + ". A lesson that does not fit is two lessons.");
                }
            }
        });
        assertThat(over).isEmpty();
    }

    @Test
    @DisplayName("no file of a step is over 400 lines")
    void noFileIsLong() {
        List<String> over = new ArrayList<>();
        for (String folder : steps().values()) {
            files(folder).forEach(file -> overBudget(file).ifPresent(over::add));
        }
        assertThat(over).isEmpty();
    }

    /**
     * Nor any other source of the repository: the specs, the grader, the tests, the scripts. Not
     * course-source/server/, whose annotated files hold the lines of every step at once: the step
     * folders made of them are what students read, and {@link #noFileIsLong} holds them to 400.
     */
    @Test
    @DisplayName("no other source file of the repository is over 400 lines")
    void noSourceIsLong() throws IOException {
        Path annotated = Repo.ROOT.resolve("course-source/server");
        List<Path> sources = new ArrayList<>();
        Files.walkFileTree(Repo.ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                String name = folder.getFileName().toString();
                boolean skipped = folder.equals(annotated) || !folder.equals(Repo.ROOT)
                        && (name.equals("target") || name.equals("node_modules") || name.startsWith("."));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && file.toString().matches(".*\\.(java|sh|py|js)$")) {
                    sources.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        assertThat(sources.stream().sorted().flatMap(file -> overBudget(file).stream()).toList()).isEmpty();
    }

    private static Optional<String> overBudget(Path file) {
        int lines = Repo.lines(file).size();
        return lines > FILE_LINES ? Optional.of(Repo.ROOT.relativize(file) + ": " + lines + " lines")
                : Optional.empty();
    }

    private static List<Path> files(String folder) {
        try (Stream<Path> files = Files.list(Repo.ROOT.resolve(folder))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
