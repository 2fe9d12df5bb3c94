package httpcourse.spec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every step from step 5 on does, whatever its answers look like: it serves many clients
 * at once, and no client can hold it up, not even one that is silent, slow, or never stops
 * sending. A spec that implements this interface runs these checks too.
 *
 * <p>No check here measures speed. The one that waits for a slow client to be closed gives the
 * server 30 s to do it (step 5 takes 10); a server that never does it fails after 30 s.
 */
public interface ManyClientsChecks {

    /** How many clients connect at once: more than a small pool of threads can serve. */
    int CLIENTS_AT_ONCE = 200;

    /** How long a server may take to close a connection whose head never comes. */
    Duration CLOSE_FAIL_SAFE = Duration.ofSeconds(30);

    /** Bytes of a head without end sent before concluding the server reads it all: far beyond any buffer. */
    long ENDLESS_HEAD_BYTES = 64L * 1024 * 1024;

    /** A file bigger than any Java array (2 GiB), so reading it whole can only fail; sparse, it takes no room. */
    long HUGE_FILE_BYTES = 3L << 30;

    /** Requests for the huge file: more than a pool of threads has, if each failure cost a thread. */
    int HUGE_FILE_REQUESTS = 200;

    ServerUnderTest server();

    /** Asserts that {@code reply} is this step's whole answer to {@code GET / HTTP/1.0}. */
    void assertAnswersRoot(ServerReply reply);

    /** The same, for an exchange on a connection the check keeps open itself. */
    void assertAnswersRoot(Exchange exchange);

    @Test
    @DisplayName("answers another client while one holds half a request, then that one too")
    default void answersOthersBesideAHalfSentRequest() {
        try (RawConnection slow = server().open()) {
            // Connected first, so a server that serves one connection at a time reads this one first.
            slow.send("GET / HTTP/1.0\r\n");
            assertAnswersRoot(server().send(Requests.get("/")));
            slow.send("\r\n");
            assertAnswersRoot(slow.readUntilClosed());
        }
    }

    @Test
    @DisplayName("answers " + CLIENTS_AT_ONCE + " clients connected at once, each sending its request in two halves")
    default void answersManyClientsAtOnce() {
        List<RawConnection> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS_AT_ONCE; i++) {
                clients.add(server().open().send("GET / HTTP/1.0\r\n"));
            }
            for (RawConnection client : clients) {
                client.send("Host: localhost\r\n\r\n");
            }
            for (RawConnection client : clients) {
                assertAnswersRoot(client.readUntilClosed());
            }
        } finally {
            clients.forEach(RawConnection::close);
        }
    }

    @Test
    @DisplayName("stops reading a request head that never ends, and goes on serving")
    default void stopsReadingAnEndlessHead() {
        boolean readItAll;
        try (RawConnection endless = server().open()) {
            long sent = endless.sendWithoutEnd("GET /", (byte) 'a', ENDLESS_HEAD_BYTES, CLOSE_FAIL_SAFE);
            // A server may answer (414) and then read on and forget what still comes, before it closes
            // (RFC 9112 §9.6, as nginx does): its answer says it stopped reading the head. The wait is a
            // fail-safe: an answer sent while the client wrote is there at once.
            readItAll = sent >= ENDLESS_HEAD_BYTES && !endless.sendsSomethingWithin(Duration.ofSeconds(1));
        }
        if (readItAll) {
            throw SpecFailure.of("The server took " + (ENDLESS_HEAD_BYTES >> 20) + " MiB of a request line without end,"
                    + " and did not close the connection.", new Hint(Hint.Id.ENDLESS_HEAD_READ, "Limit the size of a"
                    + " request head (8 KiB is plenty) while you read it: readLine alone gathers a line of any length"
                    + " in memory."));
        }
        assertAnswersRoot(server().send(Requests.get("/")));
    }

    @Test
    @DisplayName("survives " + HUGE_FILE_REQUESTS + " requests for a 3 GiB file, and goes on serving")
    default void survivesRequestsForAHugeFile() {
        WebRoot webRoot = server().webRoot();
        webRoot.createSparsePage("/huge.bin", HUGE_FILE_BYTES);
        try {
            for (int i = 0; i < HUGE_FILE_REQUESTS; i++) {
                try (RawConnection client = server().open()) {
                    client.send(Requests.get("/huge.bin")).awaitAnswerOrClose();
                }
            }
        } finally {
            webRoot.deletePage("/huge.bin");
        }
        assertAnswersRoot(server().send(Requests.get("/")));
    }

    @Test
    @DisplayName("closes a connection whose head does not come in time: silent, or a byte a second")
    default void closesSlowConnections() {
        assertClosesSlowClients(List.of());
    }

    /**
     * A client that holds a connection its own way (idle after an answer, never reading one...),
     * beside the silent and the dripping ones of {@link #closesSlowConnections}.
     *
     * @param holdUntilClosed holds a connection until the server closes it, for {@link #CLOSE_FAIL_SAFE}
     *                        at most; returns how long that took, or null when it never did
     * @param failure         the failure to report when the server never closed it
     */
    record SlowClient(Function<ServerUnderTest, Duration> holdUntilClosed, Supplier<AssertionError> failure) {
    }

    /**
     * Holds a silent connection, one that sends its head a byte a second, and {@code others}, all
     * at once, and fails unless the server closes each of them (within {@link #CLOSE_FAIL_SAFE});
     * then the server must still answer.
     */
    default void assertClosesSlowClients(List<SlowClient> others) {
        // A thread each: they wait side by side (the common pool may have a single thread).
        ExecutorService clients = Executors.newCachedThreadPool();
        try {
            assertClosesSlowClients(others, clients);
        } finally {
            clients.shutdownNow();
        }
    }

    private void assertClosesSlowClients(List<SlowClient> others, ExecutorService clients) {
        List<CompletableFuture<Duration>> othersClosedAfter = others.stream().map(other -> CompletableFuture.supplyAsync(
                () -> other.holdUntilClosed().apply(server()), clients)).toList();
        try (RawConnection silent = server().open(); RawConnection drip = server().open()) {
            CompletableFuture<Duration> dripClosedAfter = CompletableFuture.supplyAsync(
                    () -> drip.dripUntilClosed("GET / HTTP/1.0\r\nX-Slow: " + "a".repeat(100), Duration.ofSeconds(1),
                            CLOSE_FAIL_SAFE), clients);
            Duration silentClosedAfter = silent.awaitClosed(CLOSE_FAIL_SAFE);
            if (silentClosedAfter == null) {
                throw SpecFailure.of("A client connected and sent nothing: after " + CLOSE_FAIL_SAFE.toSeconds()
                        + " s, the connection was still open.", new Hint(Hint.Id.SILENT_CLIENT_KEPT, "Give up on a"
                        + " client whose request head does not come in time (a read timeout: Socket.setSoTimeout),"
                        + " or every silent client holds a thread for ever."));
            }
            if (dripClosedAfter.join() == null) {
                throw SpecFailure.of("A client sent its request head one byte a second: after "
                        + CLOSE_FAIL_SAFE.toSeconds() + " s, the connection was still open.",
                        new Hint(Hint.Id.SLOW_CLIENT_KEPT, "A read timeout starts again with every byte; limit the"
                                + " time of the whole head instead, or such clients hold threads for ever."));
            }
        }
        for (int i = 0; i < others.size(); i++) {
            if (othersClosedAfter.get(i).join() == null) {
                throw others.get(i).failure().get();
            }
        }
        assertAnswersRoot(server().send(Requests.get("/")));
    }
}
