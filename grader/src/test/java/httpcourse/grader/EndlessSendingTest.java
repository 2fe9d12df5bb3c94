package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import httpcourse.spec.Pause;
import httpcourse.spec.RawConnection;
import httpcourse.spec.RawHttpClient;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The spec's head without end ({@link RawConnection#sendWithoutEnd}, for "stops reading a request
 * head that never ends"), against a server made of a bare socket: its fail-safe ends a sending whose
 * write stays blocked, never one that a slow server still reads. Else a server with no head limit
 * that reads slowly, on a busy machine, would pass the check it fails.
 */
@Execution(ExecutionMode.CONCURRENT) // it mostly waits: beside the other classes (see grader/pom.xml)
@DisplayName("The spec's endless head")
class EndlessSendingTest {

    // Long enough that a server's thread, which a suite on one busy core can keep waiting for a second or
    // two (2 s was once too little in CI), still reads within it: the sending ends only when reads stop.
    private static final Duration FAIL_SAFE = Duration.ofSeconds(5);
    // 256 KiB every 50 ms: 48 MiB take over 9 s, about twice the fail-safe, and a read never waits near it.
    private static final int PIECE = 256 * 1024;
    private static final Duration PAUSE = Duration.ofMillis(50);
    private static final long LIMIT = 48L << 20;

    @Test
    @DisplayName("goes on past its fail-safe while the server reads, however slowly")
    void goesOnWhileTheServerReads() throws IOException {
        try (ServerSocket server = slowServer(Long.MAX_VALUE);
             RawConnection client = clientOf(server)) {
            assertThat(client.sendWithoutEnd("GET /", (byte) 'a', LIMIT, FAIL_SAFE)).isEqualTo(LIMIT);
        }
    }

    @Test
    @DisplayName("ends once the server stops reading without closing")
    void endsWhenTheServerStopsReading() throws IOException {
        try (ServerSocket server = slowServer(PIECE);
             RawConnection client = clientOf(server)) {
            assertThat(client.sendWithoutEnd("GET /", (byte) 'a', LIMIT, FAIL_SAFE)).isLessThan(LIMIT);
        }
    }

    /** Accepts one connection, reads {@code bytes} of it a piece per pause, then holds it open unread. */
    private static ServerSocket slowServer(long bytes) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReceiveBufferSize(64 * 1024); // the system holds little: the sending waits for the reads
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().start(() -> {
            try (Socket connection = server.accept(); InputStream in = connection.getInputStream()) {
                for (long read = 0; read < bytes; read += PIECE) {
                    if (in.readNBytes(PIECE).length < PIECE) {
                        return; // the client closed the connection
                    }
                    Pause.sleep(PAUSE);
                }
                while (!server.isClosed()) { // read no more, close nothing, until the test ends
                    Pause.sleep(PAUSE);
                }
            } catch (IOException closed) {
                // the test ended
            }
        });
        return server;
    }

    private static RawConnection clientOf(ServerSocket server) throws IOException {
        return new RawHttpClient("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5)).open();
    }
}
