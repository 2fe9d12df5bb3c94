//@file 17+
import module java.base;

/**
 * Compression (RFC 9110 §8.4.1.3, §12.5.3): a text file goes out gzip-compressed when the client's
 * Accept-Encoding allows it, often a quarter of its size. It is compressed as it is sent, so its
 * length is known only at its end: it goes in chunks (RFC 9112 §7.1), each with its own length.
 */
final class Compression {
    // Below 1 KiB, a file fits in one packet anyway, and gzip's own 18 bytes eat most of the gain.
    static final long MIN_LENGTH = 1024;
    // What shrinks: text, and formats written as text. Images, audio, video, archives are compressed already.
    static final Set<String> SHRINKING_TYPES = Set.of("application/json", "image/svg+xml", "application/wasm");
    // "gzip", "gzip;q=0.5", "*;q=0": a coding, and its weight (RFC 9110 §12.4.2), whose 0 means "never".
    static final Pattern CODING = Pattern.compile(
            "(" + Request.TOKEN + ")[ \\t]*(?:;[ \\t]*[qQ]=(0(?:\\.\\d{0,3})?|1(?:\\.0{0,3})?))?");

    /**
     * Whether the answer goes gzip-compressed: when the client accepts gzip, and the file is text
     * large enough to gain, or the client refuses it as it is (identity;q=0). Never for a range,
     * which counts the file's own bytes, nor in HTTP/1.0, which knows no chunks (RFC 9112 §6.1).
     */
    static boolean chosen(Request request, Path file, long size) {
        String accepted = request.headers().get("accept-encoding");
        if (accepted == null || request.version().equals("HTTP/1.0") || request.headers().containsKey("range")) {
            return false; // no Accept-Encoding: nothing says the client can read gzip
        }
        Map<String, Double> weights = weights(accepted);
        double any = weights.getOrDefault("*", 0.0); // "*": any coding the client does not name
        boolean gzip = weights.getOrDefault("gzip", any) > 0;
        boolean identity = weights.getOrDefault("identity", weights.containsKey("*") ? any : 1.0) > 0;
        String type = MediaTypes.byExtension(file);
        boolean shrinks = type.startsWith("text/") || SHRINKING_TYPES.contains(type);
        return gzip && (shrinks && size >= MIN_LENGTH || !identity);
    }

    /** The weight of each coding the client names, by its name in lower case: "gzip;q=0.5, br" gives 0.5 and 1. */
    static Map<String, Double> weights(String acceptEncoding) {
        Map<String, Double> weights = new HashMap<>();
        for (String element : acceptEncoding.split(",")) {
            Matcher coding = CODING.matcher(element.strip());
            if (coding.matches()) { // what is not "coding;q=weight" is ignored
                double weight = coding.group(2) == null ? 1 : Double.parseDouble(coding.group(2));
                weights.put(coding.group(1).toLowerCase(Locale.ROOT), weight); // names ignore case
            }
        }
        return weights;
    }

    /** The whole file's answer, to be compressed as it is sent: its length is not known, it goes in chunks. */
    static Response gzip(Response whole) {
        Stream<String> type = whole.headers().stream().filter(line -> !line.startsWith("Content-Length:"));
        return new Response(whole.status(), Stream.concat(type, Stream.of("Content-Encoding: gzip",
                "Transfer-Encoding: chunked")).toList(), whole.body());
    }

    /** Sends the body compressed, in chunks, then the last, empty chunk. Returns the bytes sent, for the log. */
    static long send(InputStream body, OutputStream out) throws IOException {
        var chunks = new Chunks(out);
        var gzip = new GZIPOutputStream(chunks, 16 * 1024);
        body.transferTo(gzip);
        // gzip's end, then the last chunk: only once the whole file is in. If the file fails to read,
        // neither is sent, the connection closes, and the client knows its answer was cut short.
        gzip.close();
        return chunks.sent;
    }

    /** The chunked coding: each write becomes a chunk, its length in hex first; close() sends the last one. */
    static final class Chunks extends FilterOutputStream {
        long sent; // the chunks' bytes, without their lengths

        Chunks(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > 0) { // a chunk of length 0 would end the body
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, offset, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                sent += length;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void close() throws IOException { // the connection stays open: only the body ends
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
