package httpcourse.grader;

import static httpcourse.grader.ArticleFixtures.*;
import static httpcourse.grader.Steps12To14Fixtures.MAIN_RETURNS;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import httpcourse.spec.Hint;

import org.junit.jupiter.params.provider.Arguments;

/** The hints that no check gives ({@link Flaws} has those): a whole step's problems, and the grader's own. */
final class StepProblems {

    private StepProblems() {
    }

    /** Known-wrong servers whose whole step fails around its checks, and the one hint each must get. */
    static Stream<Arguments> stepProblems() {
        return Stream.of(
                arguments(CRASHES_AT_START, 1, Hint.Id.CRASHED_AT_START),
                arguments(PORT_LINE_ON_STDERR, 1, Hint.Id.PORT_LINE_ON_STDERR),
                arguments(PORT_ZERO, 1, Hint.Id.PORT_ZERO),
                arguments(MAIN_RETURNS, 14, Hint.Id.MAIN_RETURNED));
    }

    /** The hints proven by GradeCommandTest, with commands rather than known-wrong servers. */
    static final Set<Hint.Id> PROVEN_BY_COMMANDS = EnumSet.of(Hint.Id.PROGRAM_NOT_FOUND, Hint.Id.NOTHING_PRINTED,
            Hint.Id.NO_PORT_LINE, Hint.Id.PORT_IN_USE, Hint.Id.FIXED_PORT_SILENT, Hint.Id.NOT_LISTENING);
}
