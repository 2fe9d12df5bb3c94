package httpcourse.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A stop check whose tries could not tell ({@link StopTries}), on step 1's server: each next try runs
 * on a new server, and the last one's failure says first which try it was, its hints kept.
 */
@Execution(ExecutionMode.CONCURRENT) // it waits on processes: beside the others (spec/pom.xml)
@DisplayName("A stop check that tries again")
class StopTriesTest {

    @Test
    @DisplayName("runs on a new server, and its failure says first that it was a later try")
    void saysWhichTryFailed() throws Exception {
        // From its source, as students start it; C1 alone halves the CPU of compiling it at start.
        String command = String.join("\n", SpecConfig.javaExecutable(), "-XX:TieredStopAtLevel=1",
                Repository.stepSource(1).toString());
        Map<String, String> parameters = Map.of(SpecConfig.STEP, "1", SpecConfig.COMMAND, command);
        SpecConfig config = new SpecConfig(key -> Optional.ofNullable(parameters.get(key)));
        Hint hint = new Hint(Hint.Id.GRACE_PERIOD_TOO_SHORT, "the hint of the last try");
        List<Integer> tries = new ArrayList<>();
        try (ServerUnderTest server = ServerUnderTest.start(config)) {
            server.checkStarting("a stop check");
            Checking c = new Checking(server, 1);
            SpecFailure failure = catchThrowableOfType(SpecFailure.class, () -> StopTries.run(c, (checking, stop) -> {
                checking.assertStillAnswers(); // after the first try, a new server: the one before has exited
                tries.add(tries.size() + 1);
                if (tries.size() < StopTries.TRIES) {
                    stop.signal("TERM"); // step 1 does not handle it: its JVM ends
                    assertThat(checking.server().awaitExit(Duration.ofSeconds(30))).isNotNull();
                    throw new StopTries.Inconclusive();
                }
                throw SpecFailure.of("What the last try saw.", hint);
            }));
            assertThat(tries).containsExactly(1, 2, 3);
            assertThat(failure.getMessage())
                    .startsWith("Try 3 of 3, on a new server: the 2 tries before could not tell")
                    .contains("\nWhat the last try saw.\n");
            assertThat(failure.hints()).containsExactly(hint);
        }
    }
}
