package httpcourse.browser;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.WebDriver;

/**
 * One headless Chromium for every test class of the run that asks for it, with
 * {@code @ExtendWith(SharedChromium.class)} and a {@link WebDriver} parameter: starting Chromium
 * costs seconds, a page a few milliseconds. It starts with the first class, and JUnit closes it
 * after the last (it lives in the root context's store). Each test uses servers of its own, on new
 * ports, so no page, connection or cache entry of one test is another's.
 */
final class SharedChromium implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedChromium.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Chromium.requireInstalled(); // skips the class with a message (or fails it on CI), before any parameter
        chromium(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebDriver.class;
    }

    @Override
    public WebDriver resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return chromium(context).driver;
    }

    private static Chromium chromium(ExtensionContext context) {
        // Chromium is AutoCloseable: the root store closes it when the whole run ends.
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Chromium.class, key -> {
            try {
                return Chromium.start(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Chromium.class);
    }
}
