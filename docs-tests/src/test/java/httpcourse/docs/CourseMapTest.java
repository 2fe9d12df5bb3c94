package httpcourse.docs;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The course can be read in order without getting lost: the README leads into it, the course
 * map (docs/README.md) lists every page, and every chapter leads back to the map and on to the next.
 */
@DisplayName("The course reads in order, and every page leads back to the map")
class CourseMapTest {

    static final Path DOCS = Repo.ROOT.resolve("docs");
    static final Path MAP = DOCS.resolve("README.md");
    static final Pattern NUMBERED = Pattern.compile("\\d\\d-.*\\.md");

    static List<Path> pages() throws Exception {
        try (Stream<Path> list = Files.list(DOCS)) {
            return list.filter(p -> p.toString().endsWith(".md") && !p.equals(MAP)).sorted().toList();
        }
    }

    @Test
    @DisplayName("the repository's README links the course map, and the map links back")
    void readmeAndMapLinkEachOther() {
        Path readme = Repo.ROOT.resolve("README.md");
        if (!LinksTest.linkedPages(readme).contains("docs/README.md")) {
            fail("README.md has no link to the course map: add one, e.g. [the course](docs/README.md).");
        }
        if (!LinksTest.linkedPages(MAP).contains("README.md")) {
            fail("docs/README.md has no link back to the repository's README: add [README](../README.md).");
        }
    }

    /** A chapter longer than this is two lessons: split it, or cut what the next chapter says anyway. */
    static final int MOST_LINES = 600;

    @TestFactory
    @DisplayName("every page of docs/ is at most 600 lines: one sitting")
    Stream<DynamicTest> pagesAreShort() throws Exception {
        return pages().stream().map(page -> DynamicTest.dynamicTest(Repo.show(page) + " is at most " + MOST_LINES
                + " lines", () -> {
                    int lines = Repo.lines(page).size();
                    if (lines > MOST_LINES) {
                        fail(Repo.show(page) + " has " + lines + " lines, more than " + MOST_LINES + ": a chapter"
                                + " is read in one sitting. Cut it, or make it two lessons.");
                    }
                }));
    }

    @TestFactory
    @DisplayName("the course map links every page of docs/")
    Stream<DynamicTest> mapLinksEveryPage() throws Exception {
        List<String> linked = LinksTest.linkedPages(MAP);
        return pages().stream().map(page -> DynamicTest.dynamicTest(
                "the course map links " + Repo.show(page), () -> {
                    if (!linked.contains(Repo.show(page))) {
                        fail("docs/README.md (the course map) has no link to " + Repo.show(page)
                                + ": add it to the map, so that a student can find it.");
                    }
                }));
    }

    @TestFactory
    @DisplayName("every page links back to the course map, and every chapter on to the next")
    Stream<DynamicTest> pagesLinkBackAndOn() throws Exception {
        List<Path> pages = pages();
        List<Path> chapters = pages.stream().filter(p -> NUMBERED.matcher(p.getFileName().toString()).matches()).toList();
        return pages.stream().map(page -> DynamicTest.dynamicTest(
                Repo.show(page) + " links back to the course map"
                        + (chapters.contains(page) ? " and on to the next page" : ""), () -> {
                    List<String> linked = LinksTest.linkedPages(page);
                    if (!linked.contains("docs/README.md")) {
                        fail(Repo.show(page) + " has no link back to the course map: add [the course map](README.md).");
                    }
                    int index = chapters.indexOf(page);
                    if (index >= 0 && index + 1 < chapters.size()) {
                        String next = Repo.show(chapters.get(index + 1));
                        if (!linked.contains(next)) {
                            fail(Repo.show(page) + " has no link to the next chapter, " + next + ".");
                        }
                    }
                }));
    }
}
