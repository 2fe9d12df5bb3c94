import module java.base;

/**
 * Byte ranges (RFC 9110 §14): a part of a file, which a download that resumes or a video that seeks
 * asks for. One range gets 206 Partial Content; several ranges, or one this server cannot read, the
 * whole file (a server may ignore Range); a range past the file's end, 416.
 */
final class Ranges {
    // "bytes=0-499" (the first 500 bytes), "bytes=500-" (from byte 500 on), "bytes=-500" (the last 500).
    static final Pattern ONE_RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** The part of the whole file's answer the request asks for, or that whole answer, saying ranges are welcome. */
    static Response part(Request request, Response whole, Validators validators) throws IOException, HttpError {
        Matcher range = ONE_RANGE.matcher(request.headers().getOrDefault("range", "").strip());
        // Only GET has ranges; If-Range says: only if the file is still the one whose tag or date it gives.
        if (!range.matches() || range.group(1).isEmpty() && range.group(2).isEmpty()
                || !request.method().equals("GET") || !validators.stillMatch(request.headers().get("if-range"))) {
            return whole.with(List.of("Accept-Ranges: bytes"));
        }
        long length = whole.length();
        boolean suffix = range.group(1).isEmpty(); // the last n bytes
        long first = suffix ? Math.max(0, length - Long.parseLong(range.group(2))) : Long.parseLong(range.group(1));
        long last = suffix || range.group(2).isEmpty() ? length - 1 : Long.parseLong(range.group(2));
        if (last < first && !range.group(2).isEmpty() && !suffix) { // "bytes=5-3": invalid, ignored (RFC 9110 §14.2)
            return whole.with(List.of("Accept-Ranges: bytes"));
        }
        if (first >= length) { // past the end, "bytes=-0", or any range of an empty file
            whole.body().close(); // the file opened for the whole answer
            throw new HttpError("416 Range Not Satisfiable", "the file has " + length + " bytes",
                    "Content-Range: bytes */" + length);
        }
        last = Math.min(last, length - 1); // a range past the end stops at the end
        whole.body().skipNBytes(first);
        Stream<String> type = whole.headers().stream().filter(line -> !line.startsWith("Content-Length:"));
        List<String> headers = Stream.concat(type, Stream.of("Content-Length: " + (last - first + 1),
                "Content-Range: bytes " + first + "-" + last + "/" + length, "Accept-Ranges: bytes")).toList();
        return new Response("206 Partial Content", headers, Response.firstBytes(whole.body(), last - first + 1));
    }
}
