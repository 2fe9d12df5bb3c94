package httpcourse.spec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Step 6: complete answers (Date, Content-Type, Content-Length), HEAD, and a clear "no": the
 * checks of {@link HeadersSpec}. The request target is still a file name, taken as it is: a folder
 * gets 404 (step 7 reads the target as a URL, and serves a folder's index.html).
 */
@Tag("step6")
@DisplayName("Step 6: complete answers, and a clear no")
public class Step6Spec extends HeadersSpec {

    @DisplayName("answers 404 Not Found for a folder")
    @ParameterizedTest(name = "answers 404 Not Found for the folder {0}")
    @ValueSource(strings = {"/sub", "/sub/", SiteFiles.FOLDER})
    void answersNotFoundForAFolder(String path) {
        check(get(path), Expected.error("404 Not Found").when("GET " + path + ", a folder"));
    }
}
