package httpcourse.spec;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The course's spec as JUnit runs it: the checks of one step ({@link SpecConfig#STEP}), in the
 * order of its list ({@link Course}), each a test of its own, against the server the configuration
 * names. Every step module runs it with Surefire; the grader runs it with the Launcher.
 */
@ExtendWith(CourseSpec.Configuration.class)
public class CourseSpec {

    @TestFactory
    @DisplayName("the course's spec")
    Stream<DynamicNode> spec(SpecConfig config, TestReporter reporter) {
        Course.Step step = Course.step(config.step());
        config.ownServerChecksAtEveryStep(); // a value neither "all" nor "lesson" fails every step alike
        List<Check> checks = step.checks().stream().filter(check -> config.selects(check.name())).toList();
        List<Check> run = checks.stream().filter(check -> runsHere(check, step.number(), config)).toList();
        CheckRunner runner = new CheckRunner(config, step.number(), run, reporter);
        Stream<DynamicNode> tests = checks.stream().map(check -> DynamicTest.dynamicTest(check.name(), () -> {
            Assumptions.assumeTrue(run.contains(check), () -> "on a server of its own: it runs at step "
                    + Course.lessonOf(check) + ", which teaches it, and at the last step (" + SpecConfig.OWN_SERVER_CHECKS
                    + "=lesson; -Dcourse.ownServerChecks=all runs it at every step, as CI does)");
            runner.run(check);
        }));
        return Stream.<DynamicNode>of(DynamicContainer.dynamicContainer(step.heading(), tests)).onClose(runner::close);
    }

    /**
     * Whether a check runs at this step. The step modules leave a check on a server of its own (a crowd,
     * a stop: a server started for it alone) to the step that teaches it and to the last step, for the
     * suite's time; the grader runs every check.
     */
    static boolean runsHere(Check check, int step, SpecConfig config) {
        return check.server() == Check.Server.SHARED || config.ownServerChecksAtEveryStep()
                || step == Course.lessonOf(check) || step == Course.steps().size();
    }

    /** Gives the spec its configuration: JUnit's configuration parameters, or -D system properties. */
    static final class Configuration implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SpecConfig.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return new SpecConfig(context::getConfigurationParameter);
        }
    }
}
