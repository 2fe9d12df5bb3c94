package httpcourse.spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Reading a socket to its end, for the raw client and its open connections alike. */
final class SocketReads {

    private SocketReads() {
    }

    /**
     * Reads until the server closes the connection. The timeout covers the whole response, not
     * each read: a server that trickles bytes forever must not keep a check waiting forever.
     */
    static Exchange.Ending untilClosed(Socket socket, ByteArrayOutputStream received, Duration responseTimeout) {
        return untilClosed(socket, received, responseTimeout, null);
    }

    /**
     * Reads until the server closes the connection, or {@code quiet} passes without a byte once
     * some came (null: no such end, see {@link LeftOpen}); NOT_CLOSED at either time's end.
     */
    static Exchange.Ending untilClosed(Socket socket, ByteArrayOutputStream received, Duration responseTimeout,
                                       Duration quiet) {
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + responseTimeout.toNanos();
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                long millisLeft = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (millisLeft <= 0) {
                    return Exchange.Ending.NOT_CLOSED;
                }
                socket.setSoTimeout((int) readTimeout(millisLeft, received.size(), quiet));
                int n = in.read(buffer);
                if (n == -1) {
                    return Exchange.Ending.CLOSED;
                }
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return Exchange.Ending.NOT_CLOSED;
        } catch (SocketException e) {
            return Exchange.Ending.RESET;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A read's time limit: what is left of the response's, or less once bytes came and a quiet end applies. */
    static long readTimeout(long millisLeft, int bytesReceived, Duration quiet) {
        return quiet == null || bytesReceived == 0 ? millisLeft : Math.min(millisLeft, quiet.toMillis());
    }
}
