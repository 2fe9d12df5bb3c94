package httpcourse.spec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

/**
 * Step 5: the answers of step 4 (the checks of {@link NotFoundSpec}), to many clients at once,
 * whatever a client does (the checks of {@link ManyClientsChecks}).
 */
@Tag("step5")
@DisplayName("Step 5: many clients at once")
public class Step5Spec extends NotFoundSpec implements ManyClientsChecks {
}
