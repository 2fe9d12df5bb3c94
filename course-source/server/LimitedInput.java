//@file 5+
import module java.base;

//@ 5-9
//| /**
//|  * A client's bytes, read under the two limits of a request head: all of it within TIME and SIZE.
//|  * A read timeout alone is not enough: a client sending a byte every few seconds never times out.
//|  */
//| final class LimitedInput extends FilterInputStream {
//@ end
//@ 10+
/**
 * A connection's bytes, in a buffer that may already hold the next request, each request's head
 * read within TIME and SIZE. A read timeout alone is not enough: a client sending a byte every few
 * seconds never times out. SIZE counts the bytes the server takes, not those waiting in the buffer.
 */
final class LimitedInput extends BufferedInputStream {
//@ end
    static final Duration TIME = Duration.ofSeconds(10);
    static final int SIZE = 8192;

    private final Socket client;
    //| private final long deadline = System.nanoTime() + TIME.toNanos(); //@ 5-9
    //| private int bytesLeft = SIZE; //@ 5-9
    private long deadline; //@ 10+
    private int bytesLeft; //@ 10+
    boolean clientDone; // the client asked for the close, and its last request was read to its end //@ 14+
    private boolean timePerRead; // an upload's body: TIME for each read, not for all of it //@ 15+

    LimitedInput(Socket client) throws IOException {
        super(client.getInputStream());
        this.client = client;
        startRequest(); //@ 10+
    }
    //@ 10+

    /** The next request starts: its head has TIME and SIZE. An idle connection closes when TIME ends. */
    void startRequest() {
        deadline = System.nanoTime() + TIME.toNanos();
        bytesLeft = SIZE;
        timePerRead = false; //@ 15+
    }

    //@ 11+
    /** The body follows its head, in the head's TIME: it may take up to this many more bytes. */
    void startBody(int size) {
        bytesLeft = size;
    }

    //@ 15+
    /** An upload's body: up to size bytes, each read within TIME, since a large file takes longer than a head. */
    void startUpload(int size) {
        bytesLeft = size;
        timePerRead = true;
    }

    //@ end
    @Override
    public long skip(long count) throws IOException { // by reading: the socket's own skip ignores the limits
        return Math.max(read(new byte[(int) Math.min(count, SIZE)]), 0);
    }

    //@ end
    @Override
    public int read() throws IOException {
        //@ 14+
        if (buffered() && bytesLeft > 0) { // no time check, and no lock: one thread reads a connection
            bytesLeft--;
            return buf[pos++] & 0xFF;
        }
        //@ end
        checkLimits();
        int b = super.read();
        bytesLeft -= b < 0 ? 0 : 1;
        return b;
    }
    //@ end

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        //@ 5-9
        //| long millisLeft = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        //| if (bytesLeft <= 0) {
        //|     throw new TooLarge(); // a head that never ends: nobody can wait for its end
        //| }
        //| if (millisLeft <= 0) {
        //|     throw new SocketTimeoutException("No request head within " + TIME.toSeconds() + " s");
        //| }
        //| client.setSoTimeout((int) millisLeft); // this read waits no longer than the time left
        //@ end
        checkLimits(); //@ 10+
        int count = super.read(buffer, offset, Math.min(length, bytesLeft));
        bytesLeft -= Math.max(count, 0);
        return count;
    }
    //@ 10+

    private void checkLimits() throws IOException {
        //| long millisLeft = Duration.ofNanos(deadline - System.nanoTime()).toMillis(); //@ 10-13
        if (bytesLeft <= 0) {
            throw new TooLarge(); // a head that never ends: nobody can wait for its end
        }
        //@ 14+
        if (buffered()) { // bytes are here: no wait, no time to check
            return;
        }
        //| long millisLeft = Duration.ofNanos(deadline - System.nanoTime()).toMillis(); //@ 14
        long millisLeft = timePerRead ? TIME.toMillis() : Duration.ofNanos(deadline - System.nanoTime()).toMillis(); //@ 15+
        //@ end
        if (millisLeft <= 0) {
            throw new SocketTimeoutException("No request head within " + TIME.toSeconds() + " s");
        }
        client.setSoTimeout((int) millisLeft); // a read from the socket waits no longer than the time left
    }
    //@ end

    //@ 14+
    /** Whether bytes wait in the buffer (buf[pos] to buf[count - 1]): reading them asks the system nothing. */
    boolean buffered() {
        return pos < count;
    }

    //@ end
    /** More bytes than the limit: the head did not end within SIZE bytes. */
    static final class TooLarge extends IOException {
    }
}
