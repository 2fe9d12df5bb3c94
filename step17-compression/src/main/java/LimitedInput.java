import module java.base;

/**
 * A connection's bytes, in a buffer that may already hold the next request, each request's head
 * read within TIME and SIZE. A read timeout alone is not enough: a client sending a byte every few
 * seconds never times out. SIZE counts the bytes the server takes, not those waiting in the buffer.
 */
final class LimitedInput extends BufferedInputStream {
    static final Duration TIME = Duration.ofSeconds(10);
    static final int SIZE = 8192;

    private final Socket client;
    private long deadline;
    private int bytesLeft;
    boolean clientDone; // the client asked for the close, and its last request was read to its end
    private boolean timePerRead; // an upload's body: TIME for each read, not for all of it

    LimitedInput(Socket client) throws IOException {
        super(client.getInputStream());
        this.client = client;
        startRequest();
    }

    /** The next request starts: its head has TIME and SIZE. An idle connection closes when TIME ends. */
    void startRequest() {
        deadline = System.nanoTime() + TIME.toNanos();
        bytesLeft = SIZE;
        timePerRead = false;
    }

    /** The body follows its head, in the head's TIME: it may take up to this many more bytes. */
    void startBody(int size) {
        bytesLeft = size;
    }

    /** An upload's body: up to size bytes, each read within TIME, since a large file takes longer than a head. */
    void startUpload(int size) {
        bytesLeft = size;
        timePerRead = true;
    }

    @Override
    public long skip(long count) throws IOException { // by reading: the socket's own skip ignores the limits
        return Math.max(read(new byte[(int) Math.min(count, SIZE)]), 0);
    }

    @Override
    public int read() throws IOException {
        if (buffered() && bytesLeft > 0) { // no time check, and no lock: one thread reads a connection
            bytesLeft--;
            return buf[pos++] & 0xFF;
        }
        checkLimits();
        int b = super.read();
        bytesLeft -= b < 0 ? 0 : 1;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkLimits();
        int count = super.read(buffer, offset, Math.min(length, bytesLeft));
        bytesLeft -= Math.max(count, 0);
        return count;
    }

    private void checkLimits() throws IOException {
        if (bytesLeft <= 0) {
            throw new TooLarge(); // a head that never ends: nobody can wait for its end
        }
        if (buffered()) { // bytes are here: no wait, no time to check
            return;
        }
        long millisLeft = timePerRead ? TIME.toMillis() : Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (millisLeft <= 0) {
            throw new SocketTimeoutException("No request head within " + TIME.toSeconds() + " s");
        }
        client.setSoTimeout((int) millisLeft); // a read from the socket waits no longer than the time left
    }

    /** Whether bytes wait in the buffer (buf[pos] to buf[count - 1]): reading them asks the system nothing. */
    boolean buffered() {
        return pos < count;
    }

    /** More bytes than the limit: the head did not end within SIZE bytes. */
    static final class TooLarge extends IOException {
    }
}
