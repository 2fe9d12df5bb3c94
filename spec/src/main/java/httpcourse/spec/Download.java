package httpcourse.spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * A large file of zeros' download, read at the pace of a check: its head first, then its body a
 * part at a time, each byte checked to be a zero rather than kept in memory, then its end. For the
 * checks that stop or close while a response is under way, and watch its bytes. (Zeros, and not a
 * digest: SHA-256 costs the client seconds of CPU for 10 MiB until the JIT compiles it, which a
 * busy machine delays, and a check that reads within a server's grace period has no seconds to spare.)
 */
final class Download {

    /** How the download went so far. */
    enum State {
        /** Its body is being read; more is to come. */
        UNDER_WAY,
        /** All Content-Length bytes came, and then the connection closed. */
        COMPLETE,
        /** All Content-Length bytes came, and the connection stayed open (persistent) or sent more. */
        COMPLETE_NOT_CLOSED,
        /** The connection ended (closed, reset) before all of the body came. */
        CUT,
        /** Nothing more came within the response timeout. */
        STALLED
    }

    /** A receive buffer for reading at full speed: the system's largest by default (Linux: 6 MiB). */
    private static final int FULL_SPEED_RECEIVE_BUFFER = 8 << 20;

    private final RawConnection connection;
    private static final byte[] ZEROS = new byte[256 * 1024];
    private final byte[] buffer = new byte[256 * 1024];
    private byte[] head = new byte[0];
    private long length = -1;
    private long received;
    private long receivedAtTheSignal = -1; // -1: no signal yet
    private boolean notZeros; // a byte of the body was not a zero: not the file
    private State state = State.UNDER_WAY;
    private boolean reset;
    private long ended; // System.nanoTime() when the download ended (its state left UNDER_WAY)

    Download(RawConnection connection) {
        this.connection = connection;
    }

    /**
     * Reads the head, and {@code bodyBytes} of the body (fewer if it ends first). False when no
     * head with a Content-Length came: see {@link #head()}.
     */
    boolean start(long bodyBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int headEnd;
        while ((headEnd = ResponseReader.headEnd(bytes.toByteArray())) < 0) {
            int count = read();
            if (count < 0) {
                head = bytes.toByteArray();
                return false;
            }
            bytes.write(buffer, 0, count);
        }
        byte[] all = bytes.toByteArray();
        head = Arrays.copyOf(all, headEnd);
        String value = HttpResponse.parse(head).value("Content-Length");
        if (value == null || !value.matches("\\d{1,18}") || !HttpResponse.parse(head).code().equals("200")) {
            return false;
        }
        length = Long.parseLong(value);
        count(all, headEnd, all.length - headEnd);
        readBody(bodyBytes);
        return true;
    }

    /** Reads up to {@code bodyBytes} more of the body, unless it ends first. */
    void readBody(long bodyBytes) {
        long target = received + Math.min(bodyBytes, length - received);
        while (state == State.UNDER_WAY && received < target) {
            int count = read();
            if (count < 0) {
                return;
            }
            count(buffer, 0, count);
        }
    }

    /**
     * From now on, reads at full speed: for the checks that must read the rest within a server's grace
     * period. The small receive buffer a check keeps while it waits (so that the system takes in little
     * for the client) would make it hundreds of round trips, which a busy machine stretches past that
     * grace period. (Not for a check that must see a reset drop the end of an answer: with room for
     * all of it, the end would come before the reset.)
     */
    Download atFullSpeed() {
        connection.setReceiveBuffer(FULL_SPEED_RECEIVE_BUFFER);
        return this;
    }

    /** Reads the rest of the body, then what follows: the end of the connection, or not. */
    State finish() {
        readBody(Long.MAX_VALUE);
        if (state == State.UNDER_WAY) {
            try {
                int after = connection.readSome(buffer);
                end(after < 0 ? State.COMPLETE : State.COMPLETE_NOT_CLOSED);
            } catch (SocketTimeoutException stillOpen) {
                end(State.COMPLETE_NOT_CLOSED);
            } catch (IOException resetAfterTheBody) {
                end(State.COMPLETE); // closed all the same, but not gently: see endedByReset()
                reset = true;
            }
        }
        return state;
    }

    private int read() {
        try {
            int count = connection.readSome(buffer);
            if (count < 0) {
                end(State.CUT);
            }
            return count;
        } catch (SocketTimeoutException e) {
            end(State.STALLED);
            return -1;
        } catch (IOException reset) {
            end(State.CUT);
            return -1;
        }
    }

    private void count(byte[] bytes, int offset, int count) {
        int body = (int) Math.min(count, length - received); // bytes beyond the body are not the file's
        for (int from = offset; from < offset + body; from += ZEROS.length) {
            int to = Math.min(offset + body, from + ZEROS.length);
            notZeros |= Arrays.mismatch(bytes, from, to, ZEROS, 0, to - from) >= 0;
        }
        received += body;
        if (body < count) {
            end(State.COMPLETE_NOT_CLOSED);
        }
    }

    private void end(State how) {
        state = how;
        ended = System.nanoTime();
    }

    /** System.nanoTime() when the download ended: all of it came, the connection ended, or nothing more came. */
    long endedAt() {
        return ended;
    }

    /** How it went so far. */
    State state() {
        return state;
    }

    /**
     * Whether the connection ended with a reset after the whole body came: a close with bytes of the
     * client unread, which on a slower network drops the end of the answer on its way.
     */
    boolean endedByReset() {
        return reset;
    }

    /** Notes how much of the body has come when the server is sent its stop signal. */
    void markTheSignal() {
        receivedAtTheSignal = received;
    }

    /** How much of the body came after the signal ({@link #markTheSignal}); 0 without one. */
    long receivedSinceTheSignal() {
        return receivedAtTheSignal < 0 ? 0 : received - receivedAtTheSignal;
    }

    /** Whether more of the body is to come: not all of it read, and nothing went wrong. */
    boolean isUnderWay() {
        return state == State.UNDER_WAY && received < length;
    }

    /** The head as it came (all that came, when no complete head did). */
    byte[] head() {
        return head.clone();
    }

    long length() {
        return length;
    }

    long received() {
        return received;
    }

    /** Whether all the body came, and its bytes are the file's. */
    boolean isWhole() {
        return received == length && !notZeros;
    }
}
