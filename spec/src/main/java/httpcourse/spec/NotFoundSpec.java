package httpcourse.spec;

import static httpcourse.spec.ResponseAssert.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Steps 4 and 5: as step 3, and {@code HTTP/1.0 404 Not Found\r\n\r\nFile Not Found} for
 * anything that is not a regular file really inside htdocs.
 */
public abstract class NotFoundSpec extends FileServingSpec {

    protected static final String NOT_FOUND = "HTTP/1.0 404 Not Found";

    @Test
    @DisplayName("answers 404 Not Found for a missing file, and goes on serving")
    void answersNotFoundForAMissingFile() {
        assertThat(server.send(Requests.get("/hello.html"))).isResponse(NOT_FOUND, "File Not Found");
        assertStillAnswers();
    }

    @Test
    @DisplayName("answers 404 Not Found for the article's form POST to a missing /form.php")
    void answersNotFoundForAFormPostToAMissingFile() {
        assertThat(server.send(Requests.postForm("/form.php"))).isResponse(NOT_FOUND, "File Not Found");
    }

    // @DisplayName names the whole check (the grader scores it as one); name= names each case.
    @DisplayName("answers 404 Not Found for a directory")
    @ParameterizedTest(name = "answers 404 Not Found for the directory {0}")
    @ValueSource(strings = {"/sub", "/sub/"})
    void answersNotFoundForADirectory(String path) {
        assertThat(server.send(Requests.get(path))).isResponse(NOT_FOUND, "File Not Found");
    }

    @DisplayName("answers 404 Not Found for a path that leads outside htdocs")
    @ParameterizedTest(name = "answers 404 Not Found for {0}, a path that leads outside htdocs")
    @ValueSource(strings = {"/../pom.xml", "/sub/../../secret.txt", "/../htdocs-private/secret.html",
            "/./../pom.xml", "//../pom.xml", "/" + WebRoot.WORKING_DIRECTORY + "/secret.txt"})
    void answersNotFoundOutsideHtdocs(String path) {
        // The last case is an absolute path after the "/": "//tmp/httpspec-123/secret.txt".
        assertThat(server.send(Requests.get(server.webRoot().fillIn(path)))).isResponse(NOT_FOUND, "File Not Found");
    }

    @ParameterizedTest(name = "still serves {0}: a path with .. that stays inside htdocs")
    @DisplayName("still serves a path with .. that stays inside htdocs")
    @ValueSource(strings = {"/sub/../ipsum.html", "/nothing/../ipsum.html"})
    void servesADotDotPathInsideHtdocs(String path) {
        assertThat(server.send(Requests.get(path))).isResponse(OK, server.webRoot().page("/ipsum.html"));
    }

    @DisplayName("answers 404 Not Found for a link inside htdocs that leads outside")
    @ParameterizedTest(name = "answers 404 Not Found for {0}, a link inside htdocs that leads outside")
    @ValueSource(strings = {WebRoot.LINK_TO_SECRET, WebRoot.LINK_TO_PRIVATE_FOLDER + "/secret.html"})
    void answersNotFoundForALinkThatLeadsOutside(String path) {
        Assumptions.assumeTrue(server.webRoot().hasLinks(), "this system cannot make symbolic links");
        assertThat(server.send(Requests.get(path))).isResponse(NOT_FOUND, "File Not Found");
    }
}
