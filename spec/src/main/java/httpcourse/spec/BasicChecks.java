package httpcourse.spec;

import static httpcourse.spec.Check.check;
import static httpcourse.spec.ResponseAssert.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What every step does, whatever it answers: it reads a whole request head however it arrives,
 * answers it, and survives anything a client does. Each check expects the answer of the step it
 * runs for ({@link Checking#root()}).
 */
public final class BasicChecks {

    private BasicChecks() {
    }

    public static final Check ANSWERS_GET = check("answers GET / HTTP/1.0, typed as in nc or telnet",
            c -> c.check(c.get("/"), c.root()));

    public static final Check ANSWERS_A_BROWSER = check("answers a browser's HTTP/1.1 request, with Firefox's headers",
            c -> c.check(c.send(Requests.firefox("/")), c.root()));

    public static final Check BARE_LINE_FEEDS = check("accepts a request whose lines end with a bare \\n",
            c -> c.check(c.send("GET / HTTP/1.0\n\n"), c.root()));

    public static final Check IN_PIECES = check("reads a request that arrives in several TCP pieces, up to the empty line",
            c -> {
                List<String> pieces = List.of("GE", "T / HTTP/1.0\r\nHost: local", "host\r\n\r", "\n");
                c.assertAnswersRoot(c.server().sendInPieces(pieces, Duration.ofMillis(300)));
            });

    public static final Check IN_A_ROW = check("answers several connections in a row", c -> {
        for (int i = 0; i < 5; i++) {
            c.check(c.get("/"), c.root());
        }
    });

    /** How checks begin: the answers, before what a client may do wrong. */
    public static final List<Check> ANSWERS = List.of(ANSWERS_GET, ANSWERS_A_BROWSER, BARE_LINE_FEEDS, IN_PIECES,
            IN_A_ROW);

    public static final Check EMPTY_CONNECTION = check("survives a connection that closes without sending anything",
            c -> {
                c.server().connectAndClose();
                c.assertStillAnswers();
            });

    public static final Check GARBAGE = check("survives garbage bytes instead of a request", c -> {
        byte[] garbage = {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 'x', '\r', '\n', '\r', '\n'};
        assertThat(c.server().send(garbage)).isClosed();
        c.assertStillAnswers();
    });

    public static final Check ONE_WORD = check("survives a request line of one word, without a path", c -> {
        assertThat(c.server().send("GET\r\n\r\n")).isClosed();
        c.assertStillAnswers();
    });

    public static final Check OVERLONG_LINE = check("survives a request line of 100 000 characters", c -> {
        assertThat(c.server().send(Requests.get("/" + "a".repeat(100_000)))).isClosed();
        c.assertStillAnswers();
    });

    /** Enough failed connections to use up a pool of threads that each die of one. */
    static final int BAD_REQUESTS = 300;

    public static final Check MANY_BAD_REQUESTS = check("survives " + BAD_REQUESTS + " bad requests in a row", c -> {
        for (int i = 0; i < BAD_REQUESTS; i++) {
            ServerReply reply = c.server().send(i % 2 == 0 ? "GET\r\n\r\n" : "\u0000\u0001\r\n\r\n");
            Exchange.Ending ending = reply.exchange().ending();
            if (ending == Exchange.Ending.NOT_CLOSED || ending == Exchange.Ending.REFUSED) {
                if (i == 0) { // the first one: no bad request has cost the server anything yet
                    throw FailureReport.failure(reply.exchange().response().length == 0 ? "The server neither"
                            + " answered nor closed the connection." : "The server answered, and did not close the"
                            + " connection.", null, reply);
                }
                throw SpecFailure.of("After " + i + " bad requests, each on its own connection, the server no longer"
                        + (ending == Exchange.Ending.REFUSED ? " accepts connections." : " answers, nor closes."),
                        new Hint(Hint.Id.THREADS_DIE, "Each bad request cost the server something it never got back:"
                                + " most often a thread of a fixed pool that died of an exception (an exception that"
                                + " leaves run() ends its thread). Catch what one connection throws, around that"
                                + " connection alone, so that the thread goes on to the next one."));
            }
        }
        c.assertStillAnswers();
    });

    public static final Check RESET_BEFORE_REQUEST =
            check("survives a client that resets the connection before sending anything", c -> {
                c.server().connectAndReset();
                c.assertStillAnswers();
            });

    public static final Check VANISHING_CLIENT = check("survives a client that leaves before reading the answer", c -> {
        c.server().sendAndVanish(Requests.get("/"));
        c.assertStillAnswers();
    });

    public static final Check LOOPBACK_ONLY =
            check("listens on 127.0.0.1 only: unreachable at this computer's other addresses", c -> {
                Optional<InetAddress> other = NetworkAddresses.firstNonLoopback();
                if (other.isEmpty()) {
                    throw c.notRunHere("this computer has no address besides 127.0.0.1 (a container without"
                            + " network): there is nothing to reach");
                }
                if (c.server().acceptsConnectionsOn(other.get())) {
                    throw SpecFailure.of("The server accepted a connection at " + other.get().getHostAddress()
                            + ", an address of this computer that others on the network can reach.",
                            new Hint(Hint.Id.NOT_LOOPBACK_ONLY, "Listen on the loopback address only:"
                                    + " new ServerSocket(port, backlog, InetAddress.getLoopbackAddress())."));
                }
            });

    /** How checks end: what clients do wrong, which the server must survive. */
    public static final List<Check> SURVIVES = List.of(EMPTY_CONNECTION, GARBAGE, ONE_WORD, OVERLONG_LINE,
            MANY_BAD_REQUESTS, RESET_BEFORE_REQUEST, VANISHING_CLIENT, LOOPBACK_ONLY);
}
