package httpcourse.spec;

import static httpcourse.spec.Check.onItsOwnServer;
import static httpcourse.spec.Check.waitingOnItsOwnServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Step 13: a server to leave running. A client that reads nothing of its answer is cut off after
 * a time limit, as a silent one is; each request is logged in the Common Log Format, what the
 * client sent made harmless; and the connections are bounded, but far above what a crowd of idle
 * clients holds, so that they cannot lock the others out.
 */
public final class UnattendedChecks {

    private UnattendedChecks() {
    }

    /** A file far larger than what the system's buffers hold on the way: its sending blocks. */
    static final long LARGER_THAN_ANY_BUFFER = 1L << 30;
    /** How long a server may take to cut a client that reads nothing: three times the course's 10 s, and more. */
    static final Duration WRITE_CUT_FAIL_SAFE = Duration.ofSeconds(30);
    /** Silent connections held while a new client asks: far more than a pool of threads, far fewer than the cap. */
    static final int SILENT_CROWD = 2000;
    /** Connections one after the other: more than the course's cap of connections at once (10 000). */
    static final int CONNECTIONS_IN_A_ROW = 11_000;
    /** How long the slow reader of WRITE_TIMEOUT reads before the client that reads nothing asks. */
    private static final Duration STEADY_HEAD_START = Duration.ofSeconds(2);
    /** Requests for a page of 7000 bytes sent at once, and never read: megabytes of answers under 8 KiB each. */
    private static final int PIPELINED = 999;

    public static final Check WRITE_TIMEOUT = waitingOnItsOwnServer("cuts with a reset a client that reads nothing"
            + " of a large answer, or of many small ones, after its write time limit, not one that reads slowly, and"
            + " goes on serving", c -> {
                String path = "/never-read.bin";
                c.webRoot().createSparsePage(path, LARGER_THAN_ANY_BUFFER);
                String small = "/pipelined.txt"; // each answer fits a buffer of 8 KiB: it leaves at its flush
                c.webRoot().replacePage(small, "pipelined\n".repeat(700).getBytes(StandardCharsets.US_ASCII));
                try (RawConnection slow = c.server().open(); RawConnection client = c.server().open();
                     RawConnection pipelining = c.server().open(); RawConnection silent = c.server().open()) {
                    // The slow reader starts first: a limit that runs from its first write cuts it first.
                    SteadyReader steady = SteadyReader.start(slow, path);
                    pipelining.trySend(Requests.http11("GET", small).repeat(PIPELINED));
                    silent.setReceiveBuffer(StopChecks.RECEIVE_BUFFER); // small: most of the answer stays with the server
                    silent.send(Requests.http11("GET", path)); // 2 s ahead of the client: cut before it
                    Pause.sleep(STEADY_HEAD_START);
                    client.send(Requests.http11("GET", path));
                    if (!isCutWithin(client, WRITE_CUT_FAIL_SAFE)) {
                        throw SpecFailure.of("A client asked for a file of 1 GiB and read none of it: after "
                                + WRITE_CUT_FAIL_SAFE.toSeconds() + " s, the connection was still open.", new Hint(
                                Hint.Id.WRITE_NEVER_TIMES_OUT, "A socket's write waits for the client to read, for"
                                + " ever: it has no time limit (setSoTimeout is for reads). Watch the writes (a thread"
                                + " that checks, every second, how long each has waited) and close the connection of"
                                + " one that waits too long, or such a client keeps a thread and the buffers of its"
                                + " answer for as long as it likes."));
                    }
                    Optional<Duration> cut = steady.stop();
                    if (cut.isPresent()) {
                        throw slowReaderCut(c, cut.get(), steady.received());
                    }
                    if (!isCutWithin(pipelining, WRITE_CUT_FAIL_SAFE)) {
                        throw SpecFailure.of("A client sent " + PIPELINED + " requests for a page of 7000 bytes in one"
                                + " piece, and read none of the answers: after " + WRITE_CUT_FAIL_SAFE.toSeconds()
                                + " s more, the connection was still open.", new Hint(Hint.Id.FLUSH_NOT_TIMED, "An"
                                + " answer smaller than the output's buffer goes to the socket at its flush, and that"
                                + " write waits for the client as any other: time it too. Put the timing wrapper right"
                                + " on the socket's stream, under the BufferedOutputStream, or time its flush() as"
                                + " well."));
                    }
                    assertResetWhenCut(c, silent);
                }
                c.assertStillAnswers();
                AccessLogCheck.assertCutLoggedAsCut(c, "GET " + path + " HTTP/1.1");
            });

    /** A client that reads slowly, but reads, was cut: by a limit that ran from its first write, or far too short. */
    private static SpecFailure slowReaderCut(Checking c, Duration after, long received) {
        if (received == 0) { // no write waited: the answer failed before its first byte
            Hint failed = new Hint(Hint.Id.FAILED_BEFORE_WRITING, "The connection closed before a byte of the answer,"
                    + " its head included: no write waited, the answer failed before it began. The server's output"
                    + " below may say why (an OutOfMemoryError: a file of 1 GiB read whole, not a buffer at a time?).");
            String what = String.format(Locale.ROOT, "A client that asked for a file of 1 GiB, to read it steadily,"
                    + " was cut %.1f s after its request, before any answer came.", after.toMillis() / 1000.0);
            return SpecFailure.withOutput(what, failed, c.server());
        }
        String what = String.format(Locale.ROOT, "A client that read its 1 GiB download steadily, 1 MB a second, was"
                + " cut %.1f s after its request, %d bytes read. Each of the server's writes waited for it a few"
                + " milliseconds: none was stuck.", after.toMillis() / 1000.0, received);
        if (after.compareTo(Duration.ofSeconds(8)) >= 0) {
            return SpecFailure.of(what, new Hint(Hint.Id.WRITE_TIMED_ONCE, "The write's time limit ran from the first"
                    + " write on: it must run only while a write waits. Note when each write starts, and clear the"
                    + " note when the write returns (in a finally)."));
        }
        return SpecFailure.of(what, new Hint(Hint.Id.WRITE_LIMIT_TOO_SHORT, "The write's time limit is far shorter"
                + " than the 10 s it should be: a limit of microseconds cuts every write that waits at all. Compare in"
                + " one unit: System.nanoTime() - started > limit.toNanos() (not toMillis())."));
    }

    public static final Check ACCESS_LOG = AccessLogCheck.ACCESS_LOG;

    public static final Check SILENT_CROWD_CHECK = onItsOwnServer(
            "answers a new client while " + SILENT_CROWD + " others hold silent connections", c -> {
                List<RawConnection> crowd = new ArrayList<>();
                try {
                    for (int i = 0; i < SILENT_CROWD; i++) {
                        crowd.add(c.server().open());
                    }
                    // Decided by order, not by how long the answer took: the crowd's first connection ends when
                    // the server's time limit for a silent client is over; an answer that came only after that
                    // waited for the crowd to leave.
                    RawConnection first = crowd.getFirst();
                    boolean firstStillOpen = !first.sendsSomethingWithin(Duration.ZERO);
                    ServerReply reply = c.server().send(Requests.get("/"));
                    boolean waitedForTheCrowd = firstStillOpen && first.sendsSomethingWithin(Duration.ZERO);
                    boolean answered = reply.exchange().response().length > 0;
                    if (!answered || waitedForTheCrowd) {
                        throw FailureReport.failure("While " + SILENT_CROWD + " clients each held a connection without"
                                + " a word, a new client got " + (answered ? "its answer only once the server had"
                                + " closed the first of them." : "no answer."), null, reply, List.of(new Hint(
                                Hint.Id.CONNECTION_CAP_TOO_LOW, "The server serves fewer connections at once than"
                                + " that: a cap set too low, or a pool of threads, lets a crowd of idle clients lock"
                                + " every other out until their time limit. Bound the connections far higher (10 000:"
                                + " each costs a virtual thread and a socket), and let the time limits close the idle"
                                + " ones.")));
                    }
                    c.assertAnswersRoot(reply);
                } finally {
                    crowd.forEach(RawConnection::close);
                }
            });

    /**
     * Connections reset at once (a reset leaves no port of the client waiting, as a close would, for a
     * minute or more), and a request every ten of them: its answer comes once the server has accepted
     * every connection before it (accept() takes them in turn), so the system's queue never holds more
     * than ten (or two, for a server whose queue is shorter: its check would take minutes). On Linux, a
     * server accepts each reset connection; macOS drops one reset before accept() from its queue, and a
     * server there may not run out: the check then passes, as it should anyway.
     */
    public static final Check CONNECTIONS_GIVEN_BACK = onItsOwnServer("answers after " + String.format(Locale.ROOT,
            "%,d", CONNECTIONS_IN_A_ROW).replace(',', ' ') + " connections in a row, more than it holds at once: each"
            + " gives back what it took", c -> {
                int every = 10; // a request after every 10 connections, or 2 once the queue has overflowed
                for (int opened = 1; opened < CONNECTIONS_IN_A_ROW; opened++) {
                    if (opened % every != 0) {
                        long started = System.nanoTime();
                        resetAtOnce(c, opened);
                        // Over 0.5 s: the queue was full, and the system sent the connection again 1 s later.
                        every = System.nanoTime() - started > 500_000_000L ? 2 : every;
                        continue;
                    }
                    ServerReply reply = c.server().send("HEAD / HTTP/1.0\r\n\r\n");
                    if (reply.exchange().response().length == 0) {
                        // Still open: the system accepted the connection, and the server never took it.
                        boolean waiting = reply.exchange().ending() == Exchange.Ending.NOT_CLOSED;
                        throw FailureReport.failure("After " + (opened - 1) + " connections, one after the other, a"
                                + " new client got no answer.", null, reply, !waiting ? List.of() : List.of(new Hint(
                                Hint.Id.CONNECTION_NOT_GIVEN_BACK, "Something each connection takes is never given"
                                + " back, and the server runs out of it: release a connection's permit"
                                + " (Semaphore.release) in a finally, whatever ended the connection.")));
                    }
                }
                c.assertAnswersRoot(c.server().send(Requests.get("/")));
            });

    private static void resetAtOnce(Checking c, int opened) {
        try {
            c.server().connectAndReset();
        } catch (UncheckedIOException e) { // not accepted in time: the system's queue is full
            throw SpecFailure.of("Connection " + opened + " could not connect (" + e.getCause().getMessage() + "),"
                    + " though at most nine before it waited for accept().", ManyClientsChecks.BACKLOG_HINT);
        }
    }

    public static final List<Check> ALL = List.of(WRITE_TIMEOUT, ACCESS_LOG, SILENT_CROWD_CHECK,
            CONNECTIONS_GIVEN_BACK);

    /**
     * Reads, at last, the download of a client that sent nothing since its request, once the client
     * that asked after it was cut: a reset ends it at once. A plain close leaves the bytes still
     * unsent to the system, which delivers them now, then a clean end; so does a process that died,
     * which {@link Checking#assertStillAnswers} reports instead. Still coming past what the system can
     * hold ({@link StopChecks#MOST_BUFFERED}): not cut yet (a busy machine), and nothing to conclude.
     */
    private static void assertResetWhenCut(Checking c, RawConnection silent) {
        byte[] buffer = new byte[64 * 1024];
        long received = 0;
        try {
            while (received < 2 * StopChecks.MOST_BUFFERED) {
                int count = silent.readSome(buffer);
                if (count < 0) {
                    if (!c.server().acceptsConnections()) {
                        return; // it died, and closed nothing itself
                    }
                    throw SpecFailure.withOutput("A client asked for a file of 1 GiB and sent nothing more. Once the"
                            + " client that asked after it was cut, it read on, and got " + received + " bytes, then"
                            + " a clean end: the connection was closed, not reset.", new Hint(
                            Hint.Id.WRITE_CUT_NOT_RESET, "Cut with a reset: set SO_LINGER to 0, then close (Java:"
                            + " socket.setSoLinger(true, 0); Go: SetLinger(0); Node: resetAndDestroy()). A plain"
                            + " close, or shutdownOutput, leaves the unsent megabytes to the system, which goes on"
                            + " trying to deliver them, for minutes, to a client that reads nothing: a crowd of such"
                            + " clients holds the system's memory."), c.server());
                }
                received += count;
            }
        } catch (IOException resetOrSilent) {
            // a reset, as it must be; or nothing at all for a while: not a plain close either
        }
    }

    /**
     * Holds a connection whose answer it never reads, sending an empty line (which a server may
     * ignore before a request) every half second: a write fails once the server has cut it.
     */
    private static boolean isCutWithin(RawConnection client, Duration failSafe) {
        long deadline = System.nanoTime() + failSafe.toNanos();
        while (System.nanoTime() < deadline) {
            Pause.sleep(Duration.ofMillis(500));
            if (!client.trySend("\r\n")) {
                return true;
            }
        }
        return false;
    }
}
