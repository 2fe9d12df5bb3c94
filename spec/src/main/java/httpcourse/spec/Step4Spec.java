package httpcourse.spec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

/**
 * Step 4: as step 3, and {@code HTTP/1.0 404 Not Found\r\n\r\nFile Not Found} for anything
 * that is not a regular file really inside htdocs. Its checks are those of {@link NotFoundSpec}.
 */
@Tag("step4")
@DisplayName("Step 4: 404 Not Found")
public class Step4Spec extends NotFoundSpec {
}
