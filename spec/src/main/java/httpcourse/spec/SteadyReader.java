package httpcourse.spec;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client that reads its download steadily, slower than a server writes: each of the server's
 * writes waits for it a few milliseconds, never seconds. A write time limit must leave it alone.
 * It reads in a thread of its own until {@link #stop}, or until the server cuts the connection.
 */
final class SteadyReader {

    /** 16 KiB every 16 ms: 1 MB a second, far slower than a server on loopback writes. */
    private static final int BYTES_PER_READ = 16 * 1024;
    private static final Duration PAUSE = Duration.ofMillis(16);
    /** A small receive buffer, so that the server's writes soon wait for the client's reads. */
    private static final int RECEIVE_BUFFER = 64 * 1024;

    private final RawConnection connection;
    private final long started = System.nanoTime();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread reader;
    private volatile long received;
    private volatile long cutAt; // System.nanoTime() when the connection ended; 0 while it lasts

    private SteadyReader(RawConnection connection) {
        this.connection = connection;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Asks for {@code path} on {@code connection}, and reads its answer steadily from now on. */
    static SteadyReader start(RawConnection connection, String path) {
        connection.setReceiveBuffer(RECEIVE_BUFFER);
        connection.send(Requests.http11("GET", path));
        return new SteadyReader(connection);
    }

    private void read() {
        byte[] buffer = new byte[BYTES_PER_READ];
        while (!stopped.get()) {
            try {
                int count = connection.readSome(buffer);
                if (count < 0) {
                    break;
                }
                received += count;
            } catch (SocketTimeoutException slowServer) {
                continue; // nothing came for a while: not a cut
            } catch (IOException reset) {
                break;
            }
            Pause.sleep(PAUSE);
        }
        if (!stopped.get()) {
            cutAt = System.nanoTime();
        }
    }

    /** Stops reading: how long after its request the connection was cut, if it was. */
    Optional<Duration> stop() {
        stopped.set(true);
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return cutAt == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(cutAt - started));
    }

    long received() {
        return received;
    }
}
