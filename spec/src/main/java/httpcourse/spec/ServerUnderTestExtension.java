package httpcourse.spec;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension: one {@link ServerUnderTest} per spec class, started before its first check
 * and stopped (with its whole process tree) after its last, whatever happened in between. A
 * server that stopped during a check is started again before the next one, so that one crash
 * costs only the checks it affects; each stop is published as a report entry
 * ({@link #SERVER_STOPPED}) for the grader to report once. Checks receive the server as a parameter.
 */
public final class ServerUnderTestExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

    /** The key of the report entry that says the server stopped: its value says when, how, and what it printed. */
    public static final String SERVER_STOPPED = "httpspec.serverStopped";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ServerUnderTestExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        SpecConfig config = new SpecConfig(context::getConfigurationParameter);
        // Stored in the class's store: JUnit closes it when the class is done.
        context.getStore(NAMESPACE).put(ServerUnderTest.class, ServerUnderTest.start(config));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        ServerUnderTest server = server(context);
        try {
            server.checkStarting(context.getDisplayName());
        } finally {
            publishStops(server, context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ServerUnderTest server = server(context);
        server.checkFinished();
        publishStops(server, context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ServerUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static ServerUnderTest server(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(ServerUnderTest.class, ServerUnderTest.class);
    }

    private static void publishStops(ServerUnderTest server, ExtensionContext context) {
        server.takeStops().forEach(stop -> context.publishReportEntry(SERVER_STOPPED, stop));
    }
}
