import module java.base;

/** An answer: its status ("200 OK"), its header lines but Date, and its body, which send streams. */
record Response(String status, List<String> headers, InputStream body) {

    // IMF-fixdate (RFC 9110 §5.6.7): "Sun, 06 Nov 1994 08:49:37 GMT", always in GMT, the day in two digits.
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    // A file this small is read whole: no more memory than the buffer of a streamed one (transferTo's 16 KiB).
    static final int SMALL_FILE = 16 * 1024;

    /** A file, read afresh for every request, as bytes: it goes out exactly as stored. */
    static Response file(Path file) throws IOException {
        // Read whole, a small file costs one open and one read, and its bytes say whether it is UTF-8.
        try (FileChannel channel = FileChannel.open(file)) {
            long length = channel.size();
            if (length <= SMALL_FILE) {
                byte[] bytes = Channels.newInputStream(channel).readNBytes((int) length);
                return new Response("200 OK", List.of("Content-Type: " + MediaTypes.of(file, bytes),
                        "Content-Length: " + bytes.length), new ByteArrayInputStream(bytes));
            }
        }
        String type = MediaTypes.of(file, null);
        // The length of the file opened, even if somebody replaces it meanwhile; and no more bytes
        // than that length, even if somebody appends to it while it is sent.
        FileChannel channel = FileChannel.open(file);
        long length = channel.size();
        return new Response("200 OK", List.of("Content-Type: " + type, "Content-Length: " + length),
                firstBytes(Channels.newInputStream(channel), length));
    }

    /**
     * The first {@code count} bytes of {@code in}, then its end. Fewer (a file cut short while it is
     * sent) throw EOFException: an answer must not end before its length, the connection closes.
     */
    static InputStream firstBytes(InputStream in, long count) {
        return new FilterInputStream(in) {
            private long left = count;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = left <= 0 ? -1 : super.read(buffer, offset, (int) Math.min(length, left));
                if (read == -1 && left > 0) {
                    throw new EOFException(left + " bytes missing");
                }
                left -= Math.max(read, 0);
                return read;
            }
        };
    }

    /** A short text that says what went wrong, and what it is: plain text, this many bytes. */
    static Response text(String status, String text) {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        return new Response(status, List.of("Content-Type: text/plain; charset=utf-8",
                "Content-Length: " + body.length), new ByteArrayInputStream(body));
    }

    /** The same answer, with more header lines. */
    Response with(List<String> more) {
        return new Response(status, Stream.concat(headers.stream(), more.stream()).toList(), body);
    }

    /** The status line, Date, the other headers, the empty line, then the body (unless withBody is false),
     *  whose length it returns. */
    long send(OutputStream out, boolean withBody) throws IOException {
        // HTTP/1.1, whatever the client's version: the highest this server speaks (RFC 9110 §6.2).
        var head = new StringBuilder("HTTP/1.1 " + status + "\r\n");
        // An origin server with a clock says when it answered (RFC 9110 §6.6.1).
        head.append("Date: ").append(HTTP_DATE.format(Instant.now())).append("\r\n");
        headers.forEach(header -> head.append(header).append("\r\n"));
        head.append("\r\n");
        try (body) {
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            // A buffer at a time: a huge file costs no more memory than a small one.
            return withBody ? body.transferTo(out) : 0;
        }
    }
}
