import module java.base;

/**
 * An open connection, as a stop sees it from another thread: idle while it waits for a request,
 * and then the stop may close it; busy from the request's first byte on, and then it may not.
 */
final class Connection {
    private final Socket socket;
    private final AtomicBoolean idle = new AtomicBoolean();
    private volatile long writeStarted; // System.nanoTime() when the write under way started; 0: none

    Connection(Socket socket) {
        this.socket = socket;
    }

    /** Waits for the first byte of the next request. False when the connection ends first, or stops. */
    boolean awaitRequest(LimitedInput in, BooleanSupplier stopping) throws IOException {
        if (in.buffered()) { // the next request is in the buffer (pipelined): busy, never idle, whatever the stop
            return !stopping.getAsBoolean();
        }
        idle.set(true);
        try {
            in.mark(1);
            // Asked once idle is set: a stop that came before is seen here, one that comes after finds it idle.
            boolean oneMore = !stopping.getAsBoolean() && in.read() != -1;
            in.reset();
            // Two threads, one decision: whichever turns idle from true to false first, this thread
            // (a request came) or the stop (closeIfIdle), wins; the other one sees it has lost.
            return oneMore && idle.compareAndSet(true, false);
        } catch (SocketTimeoutException | SocketException idleTooLongOrClosedByTheStop) {
            return false;
        }
    }

    void closeIfIdle() {
        if (idle.compareAndSet(true, false)) {
            try {
                socket.close(); // the client sees the connection end, as after an idle timeout
            } catch (IOException alreadyClosed) {
                // closed either way
            }
        }
    }

    /** The socket's output, which notes when each write starts and ends, for abortIfWriteStuck. */
    OutputStream output() throws IOException {
        return new FilterOutputStream(socket.getOutputStream()) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                writeStarted = System.nanoTime();
                try {
                    out.write(bytes, offset, length); // FilterOutputStream's own writes byte by byte
                } finally {
                    writeStarted = 0;
                }
            }
        };
    }

    /**
     * Cuts the connection with a reset when a write has waited longer than the limit: its unsent bytes
     * are dropped at once, and the thread blocked in the write gets an exception.
     */
    void abortIfWriteStuck(Duration limit) {
        long started = writeStarted;
        if (started != 0 && System.nanoTime() - started > limit.toNanos()) {
            IO.println("Cut " + socket.getInetAddress().getHostAddress() + ":" + socket.getPort()
                    + ": it read nothing for " + limit.toSeconds() + " s");
            try {
                socket.setSoLinger(true, 0); // close with a reset: the system frees the unsent bytes now
                socket.close();
            } catch (IOException alreadyClosed) {
                // nothing left to free
            }
        }
    }
}
