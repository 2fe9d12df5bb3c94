package httpcourse.browser;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Measures what a browser does to one step, instead of testing it: Chromium with its network
 * prediction on (as installed on a laptop), a visitor who opens the index page, rests the mouse
 * on the "Ipsum" link and clicks it, many times over. It prints how long each page took, and
 * how many connections Chromium opened for how many requests (counted with Linux's {@code ss}).
 * First, before Chromium opened any connection, it holds one open and silent, as a browser's
 * unused connection or {@code nc} does, for {@value #SILENT_MILLIS} ms, and prints how long the
 * index page took meanwhile.
 *
 * <p>Not part of the test suite; run it for one step at a time, from the repository root:
 * <pre>
 * ./mvnw -q test -am -pl browser-tests -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=BrowserProbe -Dbrowser.probe=step4-404 [-Dbrowser.probe.rounds=30]
 * </pre>
 * The chapters of steps 1 and 5 quote what it printed.
 */
@EnabledIfSystemProperty(named = "browser.probe", matches = "step.+")
class BrowserProbe {

    static final int SILENT_MILLIS = 3000;

    @Test
    void measure() throws Exception {
        String module = System.getProperty("browser.probe");
        int rounds = Integer.getInteger("browser.probe.rounds", 30);
        try (Chromium chromium = Chromium.start(true); StepServer server = StepServer.start(module)) {
            WebDriver driver = chromium.driver;
            long silentWait = withSilentConnection(server, () -> driver.get(server.url("/")));
            Set<String> connections = ConcurrentHashMap.newKeySet();
            ScheduledExecutorService counter = countConnections(server.port(), connections);
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                millis.add(timed(() -> driver.get(server.url("/"))));
                millis.add(timed(() -> {
                    new Actions(driver).moveToElement(driver.findElement(By.linkText("Ipsum")))
                            .pause(Duration.ofMillis(500)).click().perform();
                    new WebDriverWait(driver, Chromium.PAGE_LOAD_FAIL_SAFE).until(ExpectedConditions.titleIs("Ipsum!"));
                }) - 500);
            }
            counter.shutdownNow();
            long requests = server.requestLines().size() - 1; // the first index page was before the count
            Collections.sort(millis);
            System.out.printf("[probe] %s: with a connection silent for %d ms, the index page took %d ms;"
                            + " then %d page loads: median %d ms, slowest %d ms, %d over 1 s;"
                            + " %d connections for %d requests%s%n",
                    module, SILENT_MILLIS, silentWait, millis.size(), millis.get(millis.size() / 2),
                    millis.get(millis.size() - 1), millis.stream().filter(m -> m > 1000).count(),
                    connections.size(), requests, connections.isEmpty() ? " (ss found none: is it installed?)" : "");
        }
    }

    /** Runs the page load while one connection stays open and silent for SILENT_MILLIS. */
    private static long withSilentConnection(StepServer server, Runnable pageLoad) throws IOException {
        try (Socket silent = server.openSilentConnection()) {
            Executors.newSingleThreadScheduledExecutor().schedule(() -> {
                silent.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII)); // an empty request: done
                silent.close();
                return null;
            }, SILENT_MILLIS, TimeUnit.MILLISECONDS);
            return timed(pageLoad);
        }
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Collects, every 20 ms, the client ports of the connections to {@code port}, as Linux's ss lists them. */
    private static ScheduledExecutorService countConnections(int port, Set<String> clientPorts) {
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor();
        poll.scheduleAtFixedRate(() -> {
            try {
                Process ss = new ProcessBuilder("ss", "-Htn", "state", "all", "( sport = :" + port + " )").start();
                for (String line : new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length >= 4) {
                        clientPorts.add(fields[fields.length - 1]);
                    }
                }
            } catch (IOException noSs) {
                // the count stays empty, and the report says so
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        return poll;
    }
}
