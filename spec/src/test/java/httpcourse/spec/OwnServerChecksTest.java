package httpcourse.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which step runs a check on a server of its own ({@link SpecConfig#OWN_SERVER_CHECKS}). */
@DisplayName("Checks on servers of their own")
class OwnServerChecksTest {

    private static final int LAST = Course.steps().size();

    private static SpecConfig config(String ownServerChecks) {
        Map<String, String> parameters = ownServerChecks == null ? Map.of()
                : Map.of(SpecConfig.OWN_SERVER_CHECKS, ownServerChecks);
        return new SpecConfig(key -> Optional.ofNullable(parameters.get(key)));
    }

    @Test
    @DisplayName("with \"lesson\", run at the step that teaches them and at the last step only")
    void atTheirLessonAndTheLastStep() {
        Check crowd = ManyClientsChecks.AT_ONCE;
        assertThat(crowd.server()).isEqualTo(Check.Server.OWN);
        assertThat(Course.lessonOf(crowd)).isEqualTo(Feature.MANY_CLIENTS.firstStep());
        assertThat(CourseSpec.runsHere(crowd, 5, config("lesson"))).isTrue();
        assertThat(CourseSpec.runsHere(crowd, 6, config("lesson"))).isFalse();
        assertThat(CourseSpec.runsHere(crowd, LAST - 1, config("lesson"))).isFalse();
        assertThat(CourseSpec.runsHere(crowd, LAST, config("lesson"))).isTrue();
        assertThat(CourseSpec.runsHere(StopChecks.ON_SIGTERM, Feature.GRACEFUL_STOP.firstStep(), config("lesson")))
                .isTrue();
    }

    @Test
    @DisplayName("by default, and with \"all\", run at every step; a check on the step's server always runs")
    void everywhereOtherwise() {
        for (String value : new String[] {null, "all", " all\n"}) {
            assertThat(CourseSpec.runsHere(ManyClientsChecks.AT_ONCE, 6, config(value))).as(value).isTrue();
        }
        assertThat(CourseSpec.runsHere(ArticleChecks.NOT_FOUND.getFirst(), 6, config("lesson"))).isTrue();
        assertThatThrownBy(() -> config("some").ownServerChecksAtEveryStep())
                .hasMessageContaining(SpecConfig.OWN_SERVER_CHECKS);
    }
}
