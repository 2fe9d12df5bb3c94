package httpcourse.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Whether a server listens on a port of this machine, for a server that always uses one (--port). */
final class PortProbe {

    private PortProbe() {
    }

    /**
     * Whether the server listens, found with a real request whose answer is read: an empty
     * probe connection would kill a server that crashes on one (the article's does).
     */
    static boolean answers(int port) {
        try {
            RawHttpClient client = new RawHttpClient(ServerProcess.HOST, port, Duration.ofSeconds(1));
            return client.send(Requests.get("/").getBytes(StandardCharsets.US_ASCII)).ending() != Exchange.Ending.REFUSED;
        } catch (UncheckedIOException notYet) {
            return false;
        }
    }

    /** Whether something accepts a connection on the port (half a second at most). */
    static boolean accepts(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(ServerProcess.HOST, port), 500);
            return true;
        } catch (IOException notListening) {
            return false;
        }
    }
}
