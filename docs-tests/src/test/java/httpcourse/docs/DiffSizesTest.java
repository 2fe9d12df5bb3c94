package httpcourse.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check of stated diff sizes finds every statement, and rewrites only its numbers. */
@DisplayName("A diff's size in the text is found, checked and rewritten")
class DiffSizesTest {

    static final String OLD = "step15-uploads/src/main/java";
    static final String NEW = "step16-ranges/src/main/java";

    @Test
    @DisplayName("a statement wrapped across lines is read, and -Ddocs.update rewrites only its numbers")
    void wrappedStatementIsRewritten(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("chapter.md");
        Files.writeString(doc, "The whole change: `diff -ruN " + OLD + " " + NEW + "` (1 lines\r\nadded, 999 removed).\r\n");
        UnifiedDiff.Size real = UnifiedDiff.size(OLD, NEW);

        DiffSizes.Scan scan = DiffSizes.scan(doc);
        assertEquals(List.of(), scan.problems());
        assertEquals(1, scan.statements().size());
        DiffSizes.Statement statement = scan.statements().get(0);
        assertEquals(1, statement.added());
        assertEquals(999, statement.removed());
        assertTrue(DiffSizes.check(statement).contains(real.added() + " lines added, " + real.removed() + " removed"));

        assertEquals(1, DiffSizes.update(doc));
        assertEquals("The whole change: `diff -ruN " + OLD + " " + NEW + "` (" + real.added() + " lines\r\nadded, "
                + real.removed() + " removed).\r\n", Files.readString(doc));
        assertNull(DiffSizes.check(DiffSizes.scan(doc).statements().get(0)));
        assertEquals(0, DiffSizes.update(doc));
    }

    @Test
    @DisplayName("a size given another way is reported; code blocks are not read")
    void otherPhrasingsAreReported(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("chapter.md");
        Files.writeString(doc, """
                The change: 87 lines added, 18 removed.
                Only 12 changed
                lines, a diff of 40 lines.
                ```text
                 7 files changed, 87 insertions(+), 18 deletions(-)
                ```
                """);
        List<DiffSizes.Problem> problems = DiffSizes.scan(doc).problems();
        assertEquals(List.of(1, 2, 3), problems.stream().map(DiffSizes.Problem::line).toList());
        assertTrue(DiffSizes.scan(doc).statements().isEmpty());
    }

    @Test
    @DisplayName("the size is what the diff block shows: + and - lines, without the file headers")
    void sizeCountsTheDiffBlock() {
        List<String> block = UnifiedDiff.diffFolders(OLD, NEW);
        long headers = block.stream().filter(l -> l.startsWith("+++ ")).count();
        UnifiedDiff.Size size = UnifiedDiff.size(OLD, NEW);
        assertEquals(block.stream().filter(l -> l.startsWith("+")).count() - headers, size.added());
        assertEquals(block.stream().filter(l -> l.startsWith("-")).count() - headers, size.removed());
    }
}
