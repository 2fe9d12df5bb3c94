package httpcourse.spec;

import static httpcourse.spec.ResponseAssert.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every step must do, whatever it answers: read a whole request head however it arrives,
 * answer it, close the connection, and survive anything a client does. (Steps 1 to 4 serve one
 * connection at a time, so a silent client may hold them up: step 5's spec adds those checks.)
 * Each step's spec says what the answer to {@code GET /} is.
 *
 * <p>Checks run in the order of their names, the same in every run (Maven's and the grader's):
 * the answers first, the robustness checks ("survives ...") last.
 */
@ExtendWith(ServerUnderTestExtension.class)
@TestMethodOrder(MethodOrderer.DisplayName.class)
public abstract class StepSpec {

    protected static final String OK = "HTTP/1.0 200 OK";

    protected ServerUnderTest server;

    @BeforeEach
    void useServer(ServerUnderTest server) {
        this.server = server;
    }

    /** The body this step sends for {@code GET /}. */
    protected abstract byte[] rootBody();

    public ServerUnderTest server() {
        return server;
    }

    /** Asserts that {@code reply} is this step's whole answer to {@code GET / HTTP/1.0}. */
    public void assertAnswersRoot(ServerReply reply) {
        assertThat(reply).isResponse(OK, rootBody());
    }

    /** The same, for an exchange on a connection the check keeps open itself ({@link RawConnection}). */
    public void assertAnswersRoot(Exchange exchange) {
        assertAnswersRoot(new ServerReply(exchange, server));
    }

    /** Checks the server still answers {@code GET /} correctly: it is alive and well. */
    protected void assertStillAnswers() {
        assertAnswersRoot(server.send(Requests.get("/")));
    }

    /**
     * Replaces {@code page} with new content, requests {@code path}, and expects the new bytes:
     * the server must read the file for every request, not once at start.
     */
    protected void assertServesFreshCopyOf(String page, String path) {
        WebRoot webRoot = server.webRoot();
        byte[] original = webRoot.page(page);
        try {
            webRoot.replacePage(page, ("<h1>Edited " + webRoot.token("edited") + "</h1>\n").getBytes(StandardCharsets.UTF_8));
            assertThat(server.send(Requests.get(path))).isResponse(OK, webRoot.page(page));
        } finally {
            webRoot.replacePage(page, original);
        }
    }

    @Test
    @DisplayName("answers GET / HTTP/1.0, typed as in nc or telnet")
    void answersTheSimplestRequest() {
        assertThat(server.send(Requests.get("/"))).isResponse(OK, rootBody());
    }

    @Test
    @DisplayName("answers a browser's HTTP/1.1 request with Firefox's headers, then closes")
    void answersABrowserRequest() {
        assertThat(server.send(Requests.firefox("/"))).isResponse(OK, rootBody());
    }

    @Test
    @DisplayName("accepts a request whose lines end with a bare \\n")
    void acceptsBareLineFeeds() {
        assertThat(server.send("GET / HTTP/1.0\n\n")).isResponse(OK, rootBody());
    }

    @Test
    @DisplayName("reads a request that arrives in several TCP pieces, up to the empty line")
    void readsARequestInPieces() {
        List<String> pieces = List.of("GE", "T / HTTP/1.0\r\nHost: local", "host\r\n\r", "\n");
        assertThat(server.sendInPieces(pieces, Duration.ofMillis(300))).isResponse(OK, rootBody());
    }

    @Test
    @DisplayName("answers several connections in a row")
    void answersSeveralConnectionsInARow() {
        for (int i = 0; i < 5; i++) {
            assertThat(server.send(Requests.get("/"))).isResponse(OK, rootBody());
        }
    }

    @Test
    @DisplayName("survives a connection that closes without sending anything")
    void survivesAnEmptyConnection() {
        server.connectAndClose();
        assertStillAnswers();
    }

    @Test
    @DisplayName("survives garbage bytes instead of a request")
    void survivesGarbage() {
        byte[] garbage = {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 'x', '\r', '\n', '\r', '\n'};
        assertThat(server.send(garbage)).isClosed();
        assertStillAnswers();
    }

    @Test
    @DisplayName("survives a request line of one word, without a path")
    void survivesARequestLineWithoutPath() {
        assertThat(server.send("GET\r\n\r\n")).isClosed();
        assertStillAnswers();
    }

    @Test
    @DisplayName("survives a request line of 100 000 characters")
    void survivesAnOverlongRequestLine() {
        assertThat(server.send(Requests.get("/" + "a".repeat(100_000)))).isClosed();
        assertStillAnswers();
    }

    @Test
    @DisplayName("survives a client that resets the connection before sending anything")
    void survivesAResetBeforeTheRequest() {
        server.connectAndReset();
        assertStillAnswers();
    }

    @Test
    @DisplayName("listens on 127.0.0.1 only: unreachable at this computer's other addresses")
    void listensOnLoopbackOnly() {
        assertListensOnLoopbackOnly(server);
    }

    /** The loopback check, for every step's spec: skipped on a computer with no other address. */
    static void assertListensOnLoopbackOnly(ServerUnderTest server) {
        Optional<InetAddress> other = NetworkAddresses.firstNonLoopback();
        Assumptions.assumeTrue(other.isPresent(), "this computer has no address besides loopback");
        if (server.acceptsConnectionsOn(other.get())) {
            throw SpecFailure.of("The server accepted a connection at " + other.get().getHostAddress()
                    + ", an address of this computer that others on the network can reach.",
                    new Hint(Hint.Id.NOT_LOOPBACK_ONLY, "Listen on the loopback address only:"
                            + " new ServerSocket(port, backlog, InetAddress.getLoopbackAddress())."));
        }
    }

    @Test
    @DisplayName("survives a client that leaves before reading the answer")
    void survivesAVanishingClient() {
        server.sendAndVanish(Requests.get("/"));
        assertStillAnswers();
    }
}
