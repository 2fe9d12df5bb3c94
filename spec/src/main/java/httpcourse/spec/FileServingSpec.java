package httpcourse.spec;

import static httpcourse.spec.ResponseAssert.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Steps 3 and 4: the path in the request line names the file in htdocs; "/" means "/index.html". */
public abstract class FileServingSpec extends StepSpec {

    @Override
    protected byte[] rootBody() {
        return server.webRoot().page("/index.html");
    }

    @Test
    @DisplayName("answers /index.html with index.html, byte for byte (UTF-8 text included)")
    void servesIndex() {
        assertThat(server.send(Requests.get("/index.html"))).isResponse(OK, server.webRoot().page("/index.html"));
    }

    @Test
    @DisplayName("answers /ipsum.html with ipsum.html: the path picks the file")
    void servesTheNamedFile() {
        assertThat(server.send(Requests.get("/ipsum.html"))).isResponse(OK, server.webRoot().page("/ipsum.html"));
    }

    @Test
    @DisplayName("answers the article's GET /about.html")
    void servesAbout() {
        assertThat(server.send(Requests.get("/about.html"))).isResponse(OK, server.webRoot().page("/about.html"));
    }

    @Test
    @DisplayName("answers a nested path: /sub/nested.html")
    void servesANestedPath() {
        assertThat(server.send(Requests.get("/sub/nested.html")))
                .isResponse(OK, server.webRoot().page("/sub/nested.html"));
    }

    @Test
    @DisplayName("sends a binary file byte for byte: /favicon.ico holds every byte value")
    void servesABinaryFile() {
        assertThat(server.send(Requests.get("/favicon.ico"))).isResponse(OK, server.webRoot().page("/favicon.ico"));
    }

    @Test
    @DisplayName("sends a large binary file whole: /large.bin, 300 000 random bytes")
    void servesALargeFile() {
        assertThat(server.send(Requests.get("/large.bin"))).isResponse(OK, server.webRoot().page("/large.bin"));
    }

    @Test
    @DisplayName("answers a POST with a form body like a GET: with the named file")
    void answersAFormPost() {
        assertThat(server.send(Requests.postForm("/ipsum.html"))).isResponse(OK, server.webRoot().page("/ipsum.html"));
    }

    @Test
    @DisplayName("answers a browser's request for /ipsum.html")
    void answersABrowserRequestForAPage() {
        assertThat(server.send(Requests.firefox("/ipsum.html"))).isResponse(OK, server.webRoot().page("/ipsum.html"));
    }

    @Test
    @DisplayName("reads the file afresh for every request: an edit shows at once")
    void readsTheFileForEveryRequest() {
        assertServesFreshCopyOf("/ipsum.html", "/ipsum.html");
    }
}
