package httpcourse.spec;

import static httpcourse.spec.ResponseAssert.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Step 2: every request gets {@code HTTP/1.0 200 OK\r\n\r\n} and the bytes of htdocs/index.html. */
@Tag("step2")
@DisplayName("Step 2: always index.html")
public class Step2Spec extends StepSpec {

    @Override
    protected byte[] rootBody() {
        return server.webRoot().page("/index.html");
    }

    @Test
    @DisplayName("answers index.html whatever the path, even for a file that exists elsewhere")
    void answersIndexWhateverThePath() {
        assertThat(server.send(Requests.get("/ipsum.html"))).isResponse(OK, rootBody());
        assertThat(server.send(Requests.get("/hello.html"))).isResponse(OK, rootBody());
    }

    @Test
    @DisplayName("answers the article's form POST with index.html")
    void answersAFormPost() {
        assertThat(server.send(Requests.postForm("/form.php"))).isResponse(OK, rootBody());
    }

    @Test
    @DisplayName("reads index.html afresh for every request: an edit shows at once")
    void readsTheFileForEveryRequest() {
        assertServesFreshCopyOf("/index.html", "/");
    }
}
