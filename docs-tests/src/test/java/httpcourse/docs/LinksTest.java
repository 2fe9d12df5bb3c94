package httpcourse.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every relative link and image in the course text leads to a file (and heading) that exists. */
@DisplayName("The links and images in the docs point somewhere")
class LinksTest {

    @TestFactory
    @DisplayName("every relative link and image of each page resolves")
    Stream<DynamicTest> everyLinkResolves() {
        return Repo.markdownFiles().stream().map(doc -> DynamicTest.dynamicTest(
                Repo.show(doc) + ": every relative link and image leads to a file that exists", () -> {
                    List<String> problems = Links.links(doc).stream()
                            .map(Links::check)
                            .filter(Objects::nonNull)
                            .toList();
                    if (!problems.isEmpty()) {
                        fail(problems.size() + " broken link(s) in " + Repo.show(doc) + ":\n"
                                + String.join("\n", problems));
                    }
                }));
    }

    @Test
    @DisplayName("the link checker itself finds a broken link, a broken image and a wrong anchor")
    void theCheckerFindsBrokenLinks() throws IOException {
        Path target = Files.createDirectories(Repo.ROOT.resolve("docs-tests/target"));
        Path doc = Files.createTempFile(target, "broken", ".md");
        try {
            Files.writeString(doc, String.join("\n",
                    "# A page",
                    "[fine](#a-page) [web](https://example.org/) `[in code](nowhere.md)`",
                    "[gone](no-such-file.md)",
                    "![gone](images/no-such-image.png)",
                    "[wrong anchor](#no-such-heading)",
                    "```",
                    "[in a code block](nowhere.md)",
                    "```"));
            List<String> problems = Links.links(doc).stream().map(Links::check).filter(Objects::nonNull).toList();
            assertTrue(problems.size() == 3, () -> "expected 3 problems, got:\n" + String.join("\n", problems));
        } finally {
            Files.delete(doc);
        }
    }

    @Test
    @DisplayName("GitHub's anchor rule: lower case, spaces to '-', punctuation dropped")
    void anchorsFollowGitHub() {
        assertSlug("What can go wrong", "what-can-go-wrong");
        assertSlug("Step 3: the file the request names", "step-3-the-file-the-request-names");
        assertSlug("Why `Path`, not a string prefix?", "why-path-not-a-string-prefix");
        assertSlug("1. HTTP is text", "1-http-is-text");
        assertSlug("read_timeout and 404 (Not Found)", "read_timeout-and-404-not-found");
    }

    private static void assertSlug(String heading, String anchor) {
        String slug = Links.slug(heading);
        assertTrue(slug.equals(anchor), () -> "\"" + heading + "\" gave #" + slug + ", expected #" + anchor);
    }

    /** Used by the course map test: the Markdown files of docs/ that a page links to. */
    static List<String> linkedPages(Path doc) {
        return Links.links(doc).stream()
                .map(Links.Link::target)
                .filter(t -> !t.contains(":"))
                .map(t -> t.replaceFirst("#.*", ""))
                .filter(t -> t.endsWith(".md"))
                .map(t -> Repo.show(doc.toAbsolutePath().getParent().resolve(t).normalize()))
                .distinct()
                .collect(Collectors.toList());
    }
}
