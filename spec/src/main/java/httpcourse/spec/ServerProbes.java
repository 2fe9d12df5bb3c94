package httpcourse.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The questions a failure report may ask the server under test, each sent once, when a report first
 * needs its answer, outside any check's record ({@link ServerState}): what the server does with
 * other requests tells which mistake a failure shows.
 */
final class ServerProbes {

    /** How long the probe of {@link #givesUpOnAPause} waits before its request: the pieces of IN_PIECES' pause. */
    static final Duration A_PAUSE = Duration.ofMillis(300);
    private static final String GET = "GET / HTTP/1.0\r\n\r\n";

    private final Supplier<RawHttpClient> client; // the server's client: its port changes at a restart
    private Boolean asksHostOfHttp10; // null until a report needs to know
    private Boolean answersAPlainGet;
    private Boolean givesUpOnAPause;
    private Boolean servesIndexHtml;
    private Boolean refusesHyphenatedNames;

    ServerProbes(Supplier<RawHttpClient> client) {
        this.client = client;
    }

    /** See {@link ServerState#asksHostOfHttp10}. */
    synchronized boolean asksHostOfHttp10() {
        if (asksHostOfHttp10 == null) {
            asksHostOfHttp10 = statusOf(GET).equals("400")
                    && !statusOf("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n").equals("400");
        }
        return asksHostOfHttp10;
    }

    /** See {@link ServerState#answersAPlainGet}. */
    synchronized boolean answersAPlainGet() {
        if (answersAPlainGet == null) {
            answersAPlainGet = !statusOf(GET).isEmpty();
        }
        return answersAPlainGet;
    }

    /** See {@link ServerState#givesUpOnAPause}. */
    synchronized boolean givesUpOnAPause() {
        if (givesUpOnAPause == null) {
            givesUpOnAPause = answersAPlainGet() && !answersAfterAPause();
        }
        return givesUpOnAPause;
    }

    /** See {@link ServerState#servesIndexHtml}. */
    synchronized boolean servesIndexHtml() {
        if (servesIndexHtml == null) {
            servesIndexHtml = statusOf("GET /index.html HTTP/1.0\r\n\r\n").equals("200");
        }
        return servesIndexHtml;
    }

    /** See {@link ServerState#refusesHyphenatedNames}. */
    synchronized boolean refusesHyphenatedNames() {
        if (refusesHyphenatedNames == null) {
            refusesHyphenatedNames = statusOf("GET / HTTP/1.0\r\nX-Probe: a\r\n\r\n").equals("400")
                    && !statusOf("GET / HTTP/1.0\r\nXProbe: a\r\n\r\n").equals("400");
        }
        return refusesHyphenatedNames;
    }

    private boolean answersAfterAPause() {
        try (RawConnection late = client.get().open()) {
            Pause.sleep(A_PAUSE);
            return late.trySend(GET) && late.readUntilClosed().response().length > 0;
        } catch (IOException e) {
            return true; // not reached this time: nothing to tell
        }
    }

    /** The status code of the answer to {@code request}, or "". */
    private String statusOf(String request) {
        return HttpResponse.parse(client.get().send(request.getBytes(StandardCharsets.ISO_8859_1)).response()).code();
    }
}
