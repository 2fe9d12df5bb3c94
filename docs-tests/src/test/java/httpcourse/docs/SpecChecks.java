package httpcourse.docs;

import java.util.List;

import httpcourse.spec.Check;
import httpcourse.spec.Course;

/**
 * The names of the checks a step adds to the previous step's spec ({@link Course}), in the order
 * they run and the grader prints them: a chapter lists its step's own checks, from the spec itself,
 * never a copy that could drift. (Step 1 adds all of its checks.)
 */
final class SpecChecks {

    private SpecChecks() {
    }

    /** The names of the checks step {@code step} ("step5") adds to the step before it. */
    static List<String> of(String step) {
        int number = Integer.parseInt(step.substring("step".length()));
        List<Check> before = number == 1 ? List.of() : Course.step(number - 1).checks();
        return Course.step(number).checks().stream().filter(check -> !before.contains(check))
                .map(Check::name).toList();
    }
}
