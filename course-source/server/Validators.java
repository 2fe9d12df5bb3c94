//@file 9+
import module java.base;

/** What tells a client whether its copy of a file is still good: the file's time and its entity tag. */
record Validators(Instant lastModified, String etag) {

    /** A file's: its time, in whole seconds as HTTP dates are; a tag that changes with its size or exact time. */
    //| static Validators of(Path file) throws IOException { //@ 9-13
    //|     BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class); //@ 9-13
    static Validators of(BasicFileAttributes attributes) { //@ 14+
        FileTime modified = attributes.lastModifiedTime();
        String etag = "\"" + Long.toHexString(attributes.size()) + "-"
                + Long.toHexString(modified.to(TimeUnit.NANOSECONDS)) + "\"";
        return new Validators(modified.toInstant().truncatedTo(ChronoUnit.SECONDS), etag);
    }

    List<String> headers() {
        //| return List.of("Last-Modified: " + Response.HTTP_DATE.format(lastModified), "ETag: " + etag); //@ 9-16
        //@ 17+
        // Vary: the answer depends on Accept-Encoding, and caches keep a copy for each (RFC 9110 §12.5.5).
        return List.of("Last-Modified: " + Response.HTTP_DATE.format(lastModified), "ETag: " + etag,
                "Vary: Accept-Encoding");
        //@ end
    }
    //@ 17+

    /**
     * The compressed file's: a tag of its own, for other bytes. Weak (W/), as nginx's: the bytes
     * depend on the compressor, the file's content does not (RFC 9110 §8.8.1).
     */
    Validators gzipped() {
        return new Validators(lastModified, "W/" + etag.replaceFirst("\"$", "-gzip\""));
    }
    //@ end

    /**
     * Whether the client's copy is still good (RFC 9110 §13.2.2): If-None-Match names this tag, or
     * "*"; or, only without If-None-Match, If-Modified-Since is not older than the file.
     */
    boolean match(Map<String, String> headers) {
        String noneMatch = headers.get("if-none-match");
        if (noneMatch != null) {
            // A weak tag, W/"...", matches too: a GET compares tags weakly (RFC 9110 §8.8.3.2).
            return Stream.of(noneMatch.split(",")).map(tag -> tag.strip().replaceFirst("^W/", ""))
                    //| .anyMatch(tag -> tag.equals(etag) || tag.equals("*")); //@ 9-16
                    .anyMatch(tag -> tag.equals(etag.replaceFirst("^W/", "")) || tag.equals("*")); //@ 17+
        }
        String since = headers.get("if-modified-since");
        try {
            return since != null && !lastModified.isAfter(Instant.from(Response.HTTP_DATE.parse(since)));
        } catch (DateTimeException notAnHttpDate) {
            return false; // a date we cannot read is ignored (RFC 9110 §13.1.3)
        }
    }
    //@ 16+

    /**
     * Whether If-Range still holds (RFC 9110 §13.1.5): absent, or this very tag (a weak one never
     * matches), or this very date. Else the file changed since the client's part: it gets all of it.
     */
    boolean stillMatch(String ifRange) {
        return ifRange == null || ifRange.strip().equals(etag)
                || ifRange.strip().equals(Response.HTTP_DATE.format(lastModified));
    }
    //@ end
}
