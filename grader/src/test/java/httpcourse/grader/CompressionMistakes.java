package httpcourse.grader;

import httpcourse.grader.KnownWrongServer.Edit;

/**
 * The edits of step 17's known-wrong servers (compression), each one student's mistake in step 17's
 * real sources: {@link KnownWrongServer} names them, one line each, and Flaws says what each must
 * fail. Apart, so that the list of fixtures does not grow by the length of their edits.
 */
final class CompressionMistakes {

    private CompressionMistakes() {
    }

    /** Accept-Encoding tested as text: contains("gzip"), so "gzip;q=0" accepts it, and "*" does not. */
    static final Edit[] CONTAINS_GZIP = {in("Compression.java",
            "boolean gzip = weights.getOrDefault(\"gzip\", any) > 0;",
            "boolean gzip = accepted.toLowerCase(Locale.ROOT).contains(\"gzip\"); // FLAW: the text, not the list")};

    /** Codings' names compared in their letter case: "GZIP" is not gzip. */
    static final Edit[] CASE_SENSITIVE_CODINGS = {in("Compression.java",
            "weights.put(coding.group(1).toLowerCase(Locale.ROOT), weight); // names ignore case",
            "weights.put(coding.group(1), weight); // FLAW: names compared in their letter case")};

    /** "*" never read: "br, *" accepts gzip, yet gets the file as it is. */
    static final Edit[] STAR_IGNORED = {in("Compression.java",
            "double any = weights.getOrDefault(\"*\", 0.0);", "double any = 0; // FLAW: \"*\" never read")};

    /** identity;q=0 never read: a small file goes as it is to a client that refuses it so. */
    static final Edit[] IDENTITY_REFUSAL_IGNORED = {in("Compression.java",
            "return gzip && (shrinks && size >= SMALL_FILE || !identity);",
            "return gzip && shrinks && size >= SMALL_FILE; // FLAW: identity;q=0 never read")};

    /** Whatever the file: a few hundred bytes, a photo, bytes of no known type, all compressed. */
    static final Edit[] COMPRESSES_EVERYTHING = {in("Compression.java",
            "return gzip && (shrinks && size >= SMALL_FILE || !identity);",
            "return gzip; // FLAW: whatever the file, whatever its size")};

    /** Range not excluded: a request with Range gets the whole file compressed, 200, not its part. */
    static final Edit[] GZIP_FOR_RANGES = {in("Compression.java",
            " || request.headers().containsKey(\"range\")) {", ") { // FLAW: a Range request compressed too")};

    /** The compressed answer with the file's own ETag: one tag for two sets of bytes. */
    static final Edit[] SAME_ETAG = {in(KnownWrongServer.MAIN_FILE,
            "validators = gzip ? validators.gzipped() : validators;",
            "// FLAW: the compressed bytes keep the file's tag")};

    /** No Vary: Accept-Encoding: a cache hands one form of the file to every client. */
    static final Edit[] NO_VARY = {in("Validators.java", """
            "ETag: " + etag,
                            "Vary: Accept-Encoding");""", "\"ETag: \" + etag); // FLAW: no Vary")};

    /** DeflaterOutputStream for gzip: a zlib stream, which is Content-Encoding: deflate. */
    static final Edit[] ZLIB_NOT_GZIP = {in("Compression.java", "new GZIPOutputStream(chunks, 16 * 1024)",
            "new DeflaterOutputStream(chunks, new Deflater(), 16 * 1024) /* FLAW: zlib, not gzip */")};

    /** The gzip stream flushed, never finished: its last block and its trailer never sent before the last chunk. */
    static final Edit[] NOT_FINISHED = {in("Compression.java", """
            try (var gzip = new GZIPOutputStream(chunks, 16 * 1024)) { // close() writes gzip's end, then the last chunk
                        body.transferTo(gzip);
                    }""", """
            var gzip = new GZIPOutputStream(chunks, 16 * 1024);
                    body.transferTo(gzip);
                    gzip.flush(); // FLAW: flushed, never finished: gzip's end never written
                    chunks.close(); // the last chunk""")};

    /** Chunk sizes in decimal: "16384", where HTTP reads hex. */
    static final Edit[] DECIMAL_CHUNK_SIZES = {in("Compression.java", "Integer.toHexString(length)",
            "Integer.toString(length) /* FLAW: decimal */")};

    /** The file's Content-Length on the compressed answer, sent without chunks. */
    static final Edit[] LENGTH_OF_THE_FILE = {in("Compression.java", """
            Stream<String> type = whole.headers().stream().filter(line -> !line.startsWith("Content-Length:"));
                    return new Response(whole.status(), Stream.concat(type, Stream.of("Content-Encoding: gzip",
                            "Transfer-Encoding: chunked")).toList(), whole.body());""", """
            return whole.with(List.of("Content-Encoding: gzip")); // FLAW: the file's Content-Length, no chunks"""),
            in("Compression.java", """
                    var chunks = new Chunks(out);
                            try (var gzip = new GZIPOutputStream(chunks, 16 * 1024)) { // close() writes gzip's end, then the last chunk
                                body.transferTo(gzip);
                            }
                            return chunks.sent;""", """
                    var gzip = new GZIPOutputStream(out, 16 * 1024);
                            body.transferTo(gzip);
                            gzip.finish(); // not close(): the connection stays open
                            return 0;""")};

    /** Chunks to HTTP/1.0, whose clients know none. */
    static final Edit[] CHUNKS_TO_HTTP10 = {in("Compression.java",
            " || request.version().equals(\"HTTP/1.0\")", " /* FLAW: HTTP/1.0 too */")};

    /** Compressed without saying so: no Content-Encoding (the chunks decide the sending). */
    static final Edit[] NO_CONTENT_ENCODING = {in("Compression.java", "Stream.of(\"Content-Encoding: gzip\",\n",
            "Stream.of( // FLAW: no Content-Encoding\n"), in("Response.java",
            "headers.contains(\"Content-Encoding: gzip\")", "headers.contains(\"Transfer-Encoding: chunked\")")};

    /** HEAD never compressed ("it has no body"): its head is not the one GET gets. */
    static final Edit[] HEAD_NOT_COMPRESSED = {in("Compression.java", "if (accepted == null || ",
            "if (accepted == null || !request.method().equals(\"GET\") /* FLAW: HEAD has no body to compress */ || ")};

    private static Edit in(String file, String find, String replace) {
        return new Edit(file, find, replace);
    }
}
