import module java.base;

/**
 * A client's bytes, read under the two limits of a request head: all of it within TIME and SIZE.
 * A read timeout alone is not enough: a client sending a byte every few seconds never times out.
 */
final class LimitedInput extends FilterInputStream {
    static final Duration TIME = Duration.ofSeconds(10);
    static final int SIZE = 8192;

    private final Socket client;
    private final long deadline = System.nanoTime() + TIME.toNanos();
    private int bytesLeft = SIZE;

    LimitedInput(Socket client) throws IOException {
        super(client.getInputStream());
        this.client = client;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        long millisLeft = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (bytesLeft <= 0) {
            throw new TooLarge(); // a head that never ends: nobody can wait for its end
        }
        if (millisLeft <= 0) {
            throw new SocketTimeoutException("No request head within " + TIME.toSeconds() + " s");
        }
        client.setSoTimeout((int) millisLeft); // this read waits no longer than the time left
        int count = super.read(buffer, offset, Math.min(length, bytesLeft));
        bytesLeft -= Math.max(count, 0);
        return count;
    }

    /** More bytes than the limit: the head did not end within SIZE bytes. */
    static final class TooLarge extends IOException {
    }
}
