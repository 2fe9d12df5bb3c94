package httpcourse.spec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

/**
 * Step 7: the request target is a URL: the checks of {@link UrlSpec}, in HTTP/1.0, each answer
 * followed by the close of its connection.
 */
@Tag("step7")
@DisplayName("Step 7: the request target is a URL")
public class Step7Spec extends UrlSpec {
}
