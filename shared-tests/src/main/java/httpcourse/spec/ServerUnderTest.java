package httpcourse.spec;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension: one server per spec class, started before its first test and stopped
 * (with its whole process tree) after its last, whatever happened in between.
 * Tests receive it as a {@link TestServer} parameter.
 */
public final class ServerUnderTest implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ServerUnderTest.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        SpecConfig config = new SpecConfig(context::getConfigurationParameter);
        // Stored in the class's store: JUnit closes it when the class is done.
        context.getStore(NAMESPACE).put(TestServer.class, TestServer.start(config));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(TestServer.class, TestServer.class);
    }
}
