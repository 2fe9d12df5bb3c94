package httpcourse.spec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

/**
 * Step 8: HTTP/1.1, and connections that carry many requests: the checks of {@link KeepAliveSpec},
 * which include every check of step 7.
 */
@Tag("step8")
@DisplayName("Step 8: one connection, many requests")
public class Step8Spec extends KeepAliveSpec {
}
