package httpcourse.docs;

import java.util.List;

import httpcourse.spec.Check;
import httpcourse.spec.Course;

/**
 * The names of a step's checks, from its spec's list ({@link Course}), in the order they run and
 * the grader prints them: a chapter's list of checks is the spec itself, never a copy that could drift.
 */
final class SpecChecks {

    private SpecChecks() {
    }

    /** The names of the checks of step {@code step} ("step5"). */
    static List<String> of(String step) {
        return Course.step(Integer.parseInt(step.substring("step".length()))).checks().stream()
                .map(Check::name).toList();
    }
}
