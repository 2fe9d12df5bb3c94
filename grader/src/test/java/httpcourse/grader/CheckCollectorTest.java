package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;

import httpcourse.spec.Hint;
import httpcourse.spec.ServerProcess;
import httpcourse.spec.ServerStartException;
import httpcourse.spec.SpecFailure;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * How JUnit's outcomes become checks: passed, failed with the spec's hints, never run because the
 * server did not start (told once, as the step's problem), and aborted (the check cannot run in
 * this grading), which is "not run here" with its reason: neither passed nor failed.
 */
@DisplayName("The check collector")
class CheckCollectorTest {

    private static final Hint STATUS = new Hint(Hint.Id.STATUS_LINE_CASE, "The status line differs in letter case only.");
    private static final Hint CRASH = new Hint(Hint.Id.CRASHED_AT_START, "It crashed at start: read its output below.");

    /** While a test of this class launches {@link Outcomes}: Surefire never runs it on its own. */
    private static volatile boolean launching;

    static boolean launching() {
        return launching;
    }

    /** One check of each outcome, as a spec's dynamic tests end. */
    @EnabledIf("httpcourse.grader.CheckCollectorTest#launching")
    static class Outcomes {
        @Test
        @DisplayName("passes")
        void passes() {
        }

        @Test
        @DisplayName("fails")
        void fails() {
            throw SpecFailure.of("The response is not the expected one.", STATUS);
        }

        @Test
        @DisplayName("cannot run here")
        void cannotRunHere() {
            Assumptions.abort("this computer has no address besides loopback");
        }

        @Test
        @DisplayName("has no server")
        void hasNoServer() throws ServerStartException {
            throw new ServerStartException("The server stopped before it printed \"Listening on port N\".",
                    CRASH, "Command: java S.java\n");
        }
    }

    @Test
    @DisplayName("calls an aborted check not run here, with its reason, fails a failed one with its hints, and counts a check without a server as not run")
    void turnsOutcomesIntoChecks() {
        List<StepResult.Check> done = new ArrayList<>();
        CheckCollector collector = new CheckCollector(List.of("passes", "fails", "cannot run here", "has no server"),
                done::add);
        launching = true;
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Outcomes.class)).build(), collector);
        } finally {
            launching = false;
        }
        assertThat(collector.checks()).extracting(StepResult.Check::name, StepResult.Check::outcome,
                        StepResult.Check::passed, StepResult.Check::failed)
                .containsExactly(
                        tuple("passes", StepResult.Outcome.PASSED, true, false),
                        tuple("fails", StepResult.Outcome.FAILED, false, true),
                        tuple("cannot run here", StepResult.Outcome.NOT_RUN_HERE, false, false),
                        tuple("has no server", StepResult.Outcome.NOT_RUN, false, true));
        assertThat(collector.checks().get(2).whyNotRunHere()).isEqualTo("this computer has no address besides loopback");
        assertThat(collector.checks().get(2).failures()).isEmpty();
        assertThat(collector.checks().get(1).failures()).singleElement()
                .satisfies(failure -> assertThat(failure.hints()).containsExactly(STATUS));
        assertThat(collector.checks().get(3).failures()).singleElement()
                .satisfies(failure -> assertThat(failure.report()).isEqualTo("Not run: the server did not start (see above)."));
        assertThat(collector.problem().hints()).containsExactly(CRASH);
        assertThat(collector.problem().report()).startsWith("The server stopped before it printed");
        assertThat(done).hasSize(4);
    }
}
