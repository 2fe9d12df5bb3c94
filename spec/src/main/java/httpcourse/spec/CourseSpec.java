package httpcourse.spec;

import java.util.List;
import java.util.stream.Stream;

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
        List<Check> checks = step.checks().stream().filter(check -> config.selects(check.name())).toList();
        CheckRunner runner = new CheckRunner(config, step.number(), checks, reporter);
        Stream<DynamicNode> tests = checks.stream()
                .map(check -> DynamicTest.dynamicTest(check.name(), () -> runner.run(check)));
        return Stream.<DynamicNode>of(DynamicContainer.dynamicContainer(step.heading(), tests)).onClose(runner::close);
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
