package httpcourse.spec;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Step 9's graceful stop. On SIGTERM (what kill, docker stop and systemd send) or SIGINT (Ctrl+C):
 * the server stops accepting connections, lets the answers under way finish, closes its idle
 * connections, and exits with status 0, within a grace period even if a client never reads; a
 * second signal ends it at once. Each check starts a download of a large file, sends the signal
 * to the server's process, and watches the download's bytes; the server stops, and the next check
 * starts a new one. (On Windows, no program sends SIGTERM: the checks are skipped.)
 *
 * <p>No check measures how long a stop takes: each waits for what must happen, up to a fail-safe.
 */
@ExtendWith(ServerUnderTestExtension.class)
@TestMethodOrder(MethodOrderer.DisplayName.class)
@Tag("step9")
@DisplayName("Step 9: a graceful stop")
public class Step9StopSpec {

    /**
     * The file downloaded while the server stops: several times what the system buffers on the way
     * (the client's receive buffer is kept small, the server's send buffer grows to 4 MiB on Linux),
     * so the server is still writing at the signal; and small enough to come whole within a grace
     * period of a few seconds on a busy machine.
     */
    static final String DOWNLOAD = "/download.bin";
    static final long DOWNLOAD_BYTES = 16L << 20;
    /** The client's receive buffer: small, so that the system cannot take in the download for the client. */
    private static final int RECEIVE_BUFFER = 64 * 1024;
    /**
     * More than the system can hold on the way (the server's send buffer, 4 MiB at most on Linux, and
     * the client's small receive buffer): bytes beyond it that come after the signal were written after it.
     */
    private static final long MOST_BUFFERED = 6L << 20;
    /** How much of it a client reads before the signal, and between two signals. */
    private static final long A_PART = 1L << 20;

    /** How long a server may take to stop listening after the signal: a fail-safe, it takes milliseconds. */
    private static final Duration REFUSE_FAIL_SAFE = Duration.ofSeconds(10);
    /** How long a server may take to exit after the signal: its own grace period must be shorter. */
    static final Duration EXIT_FAIL_SAFE = Duration.ofSeconds(30);

    private ServerUnderTest server;

    @BeforeAll
    static void writeTheDownload(ServerUnderTest server) {
        server.webRoot().createRandomPage(DOWNLOAD, DOWNLOAD_BYTES);
    }

    @BeforeEach
    void useServer(ServerUnderTest server) {
        Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"),
                "Windows has no SIGTERM: these checks need Linux or macOS");
        Assumptions.assumeTrue(server.isOwnProcess(), "a server started by somebody else cannot be sent a signal");
        this.server = server;
    }

    @Test
    @DisplayName("stops on SIGTERM: no new connection, the idle ones closed, the download under way finished, exit status 0")
    void stopsGracefullyOnSigterm() {
        try (RawConnection afterAnAnswer = server.open(); RawConnection silent = server.open();
             RawConnection downloading = server.open()) {
            afterAnAnswer.exchange(Requests.http11("GET", "/"));
            Download download = startDownload(downloading);
            long receivedAtSignal = download.received();
            server.signal("TERM");
            // The client goes on downloading, at its pace, and tries new connections meanwhile.
            boolean refused = false;
            while (download.isUnderWay()) {
                refused |= !server.acceptsConnections();
                download.readBody(A_PART);
                Pause.sleep(Duration.ofMillis(30));
            }
            assertFinished(download, receivedAtSignal, "SIGTERM");
            if (!refused && server.acceptsConnections()) {
                throw stopFailure("After SIGTERM, the server accepted new connections while the download under way went"
                        + " on, and still did once it had ended.", stillAccepting());
            }
            assertClosedWithoutAnswer(afterAnAnswer, "after an answer, idle");
            assertClosedWithoutAnswer(silent, "connected, silent");
            assertExitsWithStatusZero("SIGTERM");
        }
    }

    @Test
    @DisplayName("stops on Ctrl+C (SIGINT) the same way, and at once on a second Ctrl+C, with an exit status not 0")
    void stopsOnCtrlCAndAtOnceOnASecond() {
        try (RawConnection downloading = server.open()) {
            Download download = startDownload(downloading);
            server.signal("INT");
            awaitRefusal("Ctrl+C (SIGINT)");
            download.readBody(A_PART);
            if (download.received() < 2 * A_PART) {
                throw stopFailure(cutShort(download, "Ctrl+C (SIGINT)"), new Hint(Hint.Id.STOP_NOT_GRACEFUL,
                        stoppedAtOnce("Ctrl+C (SIGINT)")));
            }
            server.signal("INT");
            Integer status = server.awaitExit(EXIT_FAIL_SAFE);
            if (status == null || status == 0) {
                throw stopFailure((status == null ? "After a second Ctrl+C, the server still ran " + EXIT_FAIL_SAFE.toSeconds()
                        + " s later." : "After a second Ctrl+C, the server exited with status 0: it waited for the"
                        + " download to end, or for its grace period."), new Hint(Hint.Id.SECOND_SIGNAL_IGNORED,
                        "A second Ctrl+C means: stop now. Count the signals; at the second, end the process at once"
                        + " (Java: Runtime.getRuntime().halt(130)), with the status of a program stopped by Ctrl+C,"
                        + " 130 = 128 + 2, the number of SIGINT: not 0, which says all went well."));
            }
        }
    }

    @Test
    @DisplayName("stops within its grace period even while a client reads nothing of its download, with exit status 0")
    void stopsWithinItsGracePeriod() {
        try (RawConnection stalled = server.open()) {
            Download download = startDownload(stalled);
            server.signal("TERM");
            awaitRefusal("SIGTERM");
            Integer status = server.awaitExit(EXIT_FAIL_SAFE);
            if (status == null) {
                throw stopFailure("After SIGTERM, with a client that reads nothing of its download (" + download.received()
                        + " of " + download.length() + " bytes read), the server still ran " + EXIT_FAIL_SAFE.toSeconds()
                        + " s later.", new Hint(Hint.Id.STOP_NEVER_ENDS, "A stop waits for the answers under way, for a"
                        + " while only (a grace period of a few seconds, shorter than the 10 s docker stop gives before"
                        + " it kills): then it closes what is left, and exits with status 0. A client that never reads"
                        + " would otherwise keep the server running for ever."));
            }
            assertStatusZero(status, "SIGTERM, the grace period over");
        }
    }

    // ---- Helpers --------------------------------------------------------------------------------

    /** Starts the download, and reads its head and a part of its body: the answer is under way. */
    private Download startDownload(RawConnection connection) {
        connection.limitReceiveBuffer(RECEIVE_BUFFER);
        connection.send(Requests.http11("GET", DOWNLOAD));
        Download download = new Download(connection);
        if (!download.start(A_PART)) {
            throw new SpecFailure("GET " + DOWNLOAD + " (" + DOWNLOAD_BYTES + " bytes) got no 200 OK with a Content-Length,"
                    + " but:\n" + VisibleBytes.render(download.head()) + server.describeThisCheck(), List.of());
        }
        return download;
    }

    /** Waits until the server refuses connections, for {@link #REFUSE_FAIL_SAFE} at most. */
    private void awaitRefusal(String signal) {
        long deadline = System.nanoTime() + REFUSE_FAIL_SAFE.toNanos();
        while (server.acceptsConnections()) {
            if (System.nanoTime() > deadline) {
                throw stopFailure(REFUSE_FAIL_SAFE.toSeconds() + " s after " + signal + ", the server still accepted"
                        + " connections.", stillAccepting());
            }
            Pause.sleep(Duration.ofMillis(20));
        }
    }

    private static Hint stillAccepting() {
        return new Hint(Hint.Id.STILL_ACCEPTING, "A stop begins by closing the server socket (ServerSocket.close()):"
                + " the clients that come now learn at once that the server is going (their connection is refused) and"
                + " can try another, instead of waiting for an answer that may never come.");
    }

    /**
     * The download under way came whole, or was cut by the end of a grace period: on a machine too
     * busy to take it all within the server's grace period, a stop that went on writing after the
     * signal (more than the system can hold on the way) and then cut is a right stop. A stop at once
     * cuts within what was on its way.
     */
    private void assertFinished(Download download, long receivedAtSignal, String signal) {
        Download.State end = download.finish();
        boolean cutAfterWritingOn = end == Download.State.CUT
                && download.received() - receivedAtSignal > MOST_BUFFERED;
        if (!cutAfterWritingOn && (end == Download.State.CUT || end == Download.State.STALLED
                || !download.isWhole(server.webRoot().digest(DOWNLOAD)))) {
            throw stopFailure(cutShort(download, signal), new Hint(Hint.Id.STOP_NOT_GRACEFUL, stoppedAtOnce(signal)));
        }
        if (end == Download.State.COMPLETE_NOT_CLOSED) {
            throw stopFailure("After " + signal + ", the download under way came whole, but its connection stayed"
                    + " open.", new Hint(Hint.Id.STOP_NOT_GRACEFUL, "During a stop, each connection closes after the"
                    + " answer under way, which says Connection: close if it has not begun yet."));
        }
    }

    private void assertClosedWithoutAnswer(RawConnection connection, String which) {
        Exchange end = connection.readUntilClosed(EXIT_FAIL_SAFE);
        if (end.ending() == Exchange.Ending.NOT_CLOSED || end.response().length > 0) {
            throw stopFailure("After SIGTERM, a connection " + which + " was not just closed: "
                    + (end.response().length > 0 ? "it got " + end.response().length + " bytes." : "it stayed open."),
                    new Hint(Hint.Id.STOP_NOT_GRACEFUL, "A stop closes the connections that wait for a request: no"
                            + " request is under way on them, and no client waits for an answer."));
        }
    }

    private void assertExitsWithStatusZero(String signal) {
        Integer status = server.awaitExit(EXIT_FAIL_SAFE);
        if (status == null) {
            throw stopFailure("The download under way came whole, but the server still ran " + EXIT_FAIL_SAFE.toSeconds()
                    + " s after " + signal + ".", new Hint(Hint.Id.STOP_NEVER_ENDS, "Once the answers under way have"
                    + " been sent, and the idle connections closed, the server exits: end the process (System.exit(0)),"
                    + " or let every thread that is not a daemon end."));
        }
        assertStatusZero(status, signal);
    }

    private void assertStatusZero(int status, String why) {
        if (status != 0) {
            throw stopFailure("After " + why + ", the server exited with status " + status + ".", new Hint(
                    Hint.Id.STOP_EXIT_STATUS, "A stop that was asked for, and went as planned, ends with status 0: 0"
                    + " tells systemd, docker or a script that all went well. "
                    + (status == 143 ? "143 = 128 + 15 is the status of a process killed by SIGTERM: a JVM that runs a"
                            + " shutdown hook ends with it; handle the signal instead (sun.misc.Signal), and call"
                            + " System.exit(0)." : "")));
        }
    }

    private static String cutShort(Download download, String signal) {
        return "After " + signal + ", the download under way was cut: " + download.received() + " of its "
                + download.length() + " bytes came" + (download.received() == download.length() ? ", not those of the"
                + " file" : "") + ".";
    }

    private static String stoppedAtOnce(String signal) {
        return signal + " ended the server at once (a JVM does, unless told otherwise). Handle the signal"
                + " (sun.misc.Signal.handle): stop accepting (close the server socket), close the idle connections, let"
                + " the answers under way finish (for a grace period at most), then exit with status 0.";
    }

    private SpecFailure stopFailure(String what, Hint hint) {
        return new SpecFailure(what + "\n" + hint.render() + server.describeThisCheck(), List.of(hint));
    }
}
