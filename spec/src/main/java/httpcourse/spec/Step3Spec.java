package httpcourse.spec;

import static httpcourse.spec.ResponseAssert.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Step 3: the file the request names. A missing file is this step's known gap, as in the
 * article: the server prints the error and closes that connection without an answer.
 */
@Tag("step3")
@DisplayName("Step 3: the file the request names")
public class Step3Spec extends FileServingSpec {

    @Test
    @DisplayName("closes the connection without an answer for a missing file, and goes on serving")
    void closesWithoutAnswerForAMissingFile() {
        assertThat(server.send(Requests.get("/hello.html"))).isClosedWithoutAnswer();
        assertStillAnswers();
    }
}
