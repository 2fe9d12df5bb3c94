//@file 11+
import module java.base;

//| /** A request's body, which a file server reads only to forget it: the next request starts after it. */ //@ 11-14
/** A request's body: an upload's goes to its file; any other is read to be forgotten, and the next request starts after it. */ //@ 15+
final class Body {
    // A body up to 1 MiB is read; a larger one is not, and its connection closes after the answer.
    static final int LIMIT = 1024 * 1024;
    // A chunk's size in hex, maybe followed by extensions (";name=value"), which nobody uses.
    static final Pattern CHUNK_SIZE = Pattern.compile("([0-9A-Fa-f]{1,15})[ \\t]*(;.*)?");

    /** Reads and forgets the body. False when it was not read, and the connection must close. */
    static boolean skip(Request request, LimitedInput in) throws IOException, HttpError {
        long length = request.bodyLength();
        // "Expect: 100-continue": the client waits for a word before it sends its body. A file server
        // needs no body: it answers at once, and never reads it (RFC 9110 §10.1.1).
        boolean awaited = request.headers().getOrDefault("expect", "").equalsIgnoreCase("100-continue");
        if (length != 0 && awaited || length > LIMIT) {
            return false;
        }
        in.startBody(LIMIT);
        try {
            if (length == Request.CHUNKED) {
                //| skipChunks(in); //@ 11-14
                copyChunks(in, OutputStream.nullOutputStream()); //@ 15+
            } else {
                in.skipNBytes(length);
            }
            return true;
        } catch (LimitedInput.TooLarge e) {
            return false; // chunks beyond LIMIT: the rest is not read
        }
    }

    //@ 15+
    static void copy(Request request, LimitedInput in, OutputStream to) throws IOException, HttpError {
        long length = request.bodyLength();
        if (length == Request.CHUNKED) {
            copyChunks(in, to);
        } else {
            copyBytes(in, to, length);
        }
    }

    /** Exactly {@code count} bytes: fewer (the client left in the middle) throw EOFException. */
    static void copyBytes(LimitedInput in, OutputStream to, long count) throws IOException {
        Response.firstBytes(in, count).transferTo(to);
    }

    //@ end
    /** Chunks (RFC 9112 §7.1): each a size in hex, its bytes, CRLF; size 0 ends them, then trailer lines. */
    //| static void skipChunks(LimitedInput in) throws IOException, HttpError { //@ 11-14
    static void copyChunks(LimitedInput in, OutputStream to) throws IOException, HttpError { //@ 15+
        for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
            //| in.skipNBytes(size); //@ 11-14
            copyBytes(in, to, size); //@ 15+
            if (!"".equals(Request.readLine(in))) {
                throw new HttpError("400 Bad Request", "a chunk is longer than its size");
            }
        }
        for (String trailer = Request.readLine(in); trailer != null && !trailer.isEmpty(); ) {
            trailer = Request.readLine(in); // fields about the body, forgotten with it
        }
    }

    static long chunkSize(LimitedInput in) throws IOException, HttpError {
        Matcher size = CHUNK_SIZE.matcher(Objects.requireNonNullElse(Request.readLine(in), ""));
        if (!size.matches()) {
            throw new HttpError("400 Bad Request", "a chunk's size is not a hex number");
        }
        return Long.parseLong(size.group(1), 16);
    }
}
