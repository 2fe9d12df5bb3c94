package httpcourse.spec;

import static httpcourse.spec.ResponseAssert.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Step 1: every request gets {@code HTTP/1.0 200 OK\r\n\r\nHello World}. */
@Tag("step1")
@DisplayName("Step 1: Hello World")
public class Step1Spec extends StepSpec {

    @Override
    protected byte[] rootBody() {
        return "Hello World".getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    @DisplayName("answers Hello World whatever the path")
    void answersHelloWorldWhateverThePath() {
        assertThat(server.send(Requests.get("/ipsum.html"))).isResponse(OK, "Hello World");
        assertThat(server.send(Requests.get("/hello.html"))).isResponse(OK, "Hello World");
    }

    @Test
    @DisplayName("answers the article's form POST with Hello World")
    void answersAFormPost() {
        assertThat(server.send(Requests.postForm("/form.php"))).isResponse(OK, "Hello World");
    }
}
