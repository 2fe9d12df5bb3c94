package httpcourse.grader;

import static httpcourse.grader.KnownWrongServer.edit;
import static httpcourse.grader.KnownWrongServer.in;

import java.util.List;

/** The known-wrong servers ({@link KnownWrongServer}) of steps 16 and 17: byte ranges and compression. */
enum RangeAndCompressionFixtures implements KnownWrongServer {

    // ---- Step 16: byte ranges

    /** Step 15 as it is, on step 16's spec: Range never read, the whole file for every range, no Accept-Ranges. */
    STEP_15(15),

    /** Whatever If-Range holds that is no quoted tag parsed as a date: "yesterday", or W/"...", throws. */
    IF_RANGE_PARSED_AS_A_DATE(16, in("Validators.java", "ifRange.strip().equals(etag)\n"
            + "                || ifRange.strip().equals(Response.HTTP_DATE.format(lastModified));",
            "(ifRange.strip().startsWith(\"\\\"\") ? ifRange.strip().equals(etag) // FLAW: no tag? A date, then\n"
            + "                : Instant.from(Response.HTTP_DATE.parse(ifRange.strip())).equals(lastModified));")),

    /** Accept-Ranges on whole answers only: the 206 does not say it. */
    PART_WITHOUT_ACCEPT_RANGES(16, in("Ranges.java", "\"Content-Range: bytes \" + first + \"-\" + last + \"/\" + length,"
            + " \"Accept-Ranges: bytes\"", "\"Content-Range: bytes \" + first + \"-\" + last + \"/\" + length /* FLAW */")),

    /** An If-Range date tested as If-Modified-Since: a date after the file's gets the part. */
    IF_RANGE_DATE_AS_SINCE(16, in("Validators.java", "|| ifRange.strip().equals(Response.HTTP_DATE.format(lastModified));",
            "|| match(Map.of(\"if-modified-since\", ifRange.strip())); // FLAW: a date not older, as If-Modified-Since")),

    /** A range's end stopped at the file's length, one past its last byte: the part is a byte short, the answer fails. */
    RANGE_END_PAST_THE_FILE(16, in("Ranges.java", "last = Math.min(last, length - 1);",
            "last = Math.min(last, length); // FLAW: one past the last byte")),

    /** Ranges for GET alone, so HEAD returns first: its head lacks GET's Accept-Ranges. */
    HEAD_WITHOUT_ACCEPT_RANGES(16, in("Ranges.java", "Matcher range = ONE_RANGE.matcher(",
            "if (!request.method().equals(\"GET\")) { // FLAW: HEAD returns before Accept-Ranges\n"
                    + "            return whole;\n        }\n        Matcher range = ONE_RANGE.matcher(")),

    /** No Accept-Ranges with a whole file: a client does not learn that it may ask for a part. */
    NO_ACCEPT_RANGES(16, in("Ranges.java", """
            !validators.stillMatch(request.headers().get("if-range"))) {
                        return whole.with(List.of("Accept-Ranges: bytes"));""", """
            !validators.stillMatch(request.headers().get("if-range"))) {
                        return whole; // FLAW: no Accept-Ranges""")),

    /** The first bytes of the file, not those the range names: the bytes before it never skipped. */
    RANGE_FROM_THE_START(16, in("Ranges.java", "        whole.body().skipNBytes(first);\n",
            "        // FLAW: the first bytes never skipped\n")),

    /** The part not cut: the file's stream from its first byte on, so the rest of the file follows the part. */
    PART_NOT_CUT(16, in("Ranges.java", "Response.firstBytes(whole.body(), last - first + 1)",
            "whole.body() /* FLAW: skipped to the part, never cut after it */")),

    /** Content-Range with the end excluded, as Java's ranges are: "bytes 0-10/N" for the bytes 0 to 9. */
    CONTENT_RANGE_END_EXCLUDED(16, in("Ranges.java", "\"Content-Range: bytes \" + first + \"-\" + last + \"/\" + length",
            "\"Content-Range: bytes \" + first + \"-\" + (last + 1) /* FLAW: the end excluded */ + \"/\" + length")),

    /** A 416 without Content-Range (bytes *&#47;N): the client never learns the file's length. */
    NO_CONTENT_RANGE_ON_416(16, in("Ranges.java", """
            "the file has " + length + " bytes",
                                "Content-Range: bytes */" + length);""",
            "\"the file has \" + length + \" bytes\"); // FLAW: no Content-Range")),

    /** A part sent with the whole file's Content-Length: the client waits for bytes that never come. */
    WHOLE_LENGTH_ON_PART(16,
            in("Ranges.java", "whole.headers().stream().filter(line -> !line.startsWith(\"Content-Length:\"));",
                    "whole.headers().stream(); // FLAW: the whole file's Content-Length kept"),
            in("Ranges.java", "Stream.of(\"Content-Length: \" + (last - first + 1),\n", "Stream.of(\n")),

    /** bytes=-n read as bytes=n-: from byte n on, not the last n bytes. */
    SUFFIX_FROM_N(16, in("Ranges.java", "Math.max(0, length - Long.parseLong(range.group(2)))",
            "Long.parseLong(range.group(2)) /* FLAW: -n read as from n on */")),

    /** A range whose end lies past the file's end refused with 416, not cut at the end. */
    PAST_END_REFUSED(16, in("Ranges.java", "if (first >= length) { // past the end, \"bytes=-0\", or any range",
            "if (first >= length || last >= length) { // FLAW: an end past the end refused, not cut there; or any range")),

    /** Never 416: a range that starts past the end gets the whole file, as an invalid one does. */
    NEVER_416(16, in("Ranges.java", "if (last < first && !range.group(2).isEmpty() && !suffix) { // \"bytes=5-3\"",
            "if (last < first || first >= length) { // FLAW: past the end, the whole file, never 416; \"bytes=5-3\"")),

    /** Several ranges answered with the first one, 206: the client asked for more than it gets. */
    SEVERAL_RANGES_AS_FIRST(16, in("Ranges.java", "if (!range.matches() ||",
            "if (!range.lookingAt() /* FLAW: \"0-1,5-6\" read as its first range */ ||")),

    /** Range honoured on HEAD too: 206, where ranges are for GET only. */
    RANGE_ON_HEAD(16, in("Ranges.java", "!request.method().equals(\"GET\") || ", "/* FLAW: HEAD too */ ")),

    /** Any number of digits: an end of 20 digits makes Long.parseLong throw, and the answer is lost. */
    RANGE_DIGITS_UNBOUNDED(16, in("Ranges.java", "Pattern.compile(\"bytes=(\\\\d{0,18})-(\\\\d{0,18})\")",
            "/* FLAW: any number of digits */ Pattern.compile(\"bytes=(\\\\d*)-(\\\\d*)\")")),

    /** The range's numbers read as ints (the 18-digit pattern kept): 9999999999 makes Integer.parseInt throw. */
    RANGE_NUMBERS_AS_INTS(16,
            in("Ranges.java", ": Long.parseLong(range.group(1));", ": Integer.parseInt(range.group(1)); // FLAW: ints"),
            in("Ranges.java", "length - Long.parseLong(", "length - Integer.parseInt( /* FLAW */"),
            in("Ranges.java", "length - 1 : Long.parseLong(", "length - 1 : Integer.parseInt( /* FLAW */")),

    /** If-Range never read: the part is sent even when the client's part is of an older file. */
    IF_RANGE_NEVER_READ(16, in("Ranges.java", "!validators.stillMatch(request.headers().get(\"if-range\"))",
            "!validators.stillMatch(null) /* FLAW: If-Range never read */")),

    /** If-Range read as a date only: the file's own ETag never matches, the whole file comes every time. */
    IF_RANGE_DATE_ONLY(16, in("Validators.java", "ifRange == null || ifRange.strip().equals(etag)\n",
            "ifRange == null // FLAW: a date only, an ETag never matches\n")),

    /** If-Range compared weakly, as If-None-Match is: W/ and the file's tag get the part. */
    IF_RANGE_WEAK(16, in("Validators.java", "ifRange.strip().equals(etag)",
            "ifRange.strip().replaceFirst(\"^W/\", \"\").equals(etag) /* FLAW: compared weakly */")),

    /** Range read before If-None-Match: a client whose copy is good gets a part, 206, not 304. */
    RANGE_BEFORE_NOT_MODIFIED(16, edit("if (validators.match(request.headers())) { // the client's copy is still good",
            "if (validators.match(request.headers()) && !request.headers().containsKey(\"range\")) { // FLAW: a"
                    + " Range answered first; else the client's copy is still good")),

    // ---- Step 17: compression

    /** The minimum length compared with >: a text of exactly 1 KiB, which "1 KiB or more" includes, goes out plain. */
    GZIP_MIN_LENGTH_EXCLUSIVE(17, in("Compression.java", "size >= MIN_LENGTH", "size > MIN_LENGTH /* FLAW */")),

    /** Every Content- header dropped for the chunks, Content-Type too: the compressed answer is untyped. */
    GZIP_DROPS_CONTENT_TYPE(17, in("Compression.java", "filter(line -> !line.startsWith(\"Content-Length:\"))",
            "filter(line -> !line.startsWith(\"Content-\")) /* FLAW: Content-Type too */")),

    /** Step 16 as it is, on step 17's spec: never compressed, no Vary. */
    STEP_16(16),

    /** Accept-Encoding tested as text: contains("gzip"), so "gzip;q=0" accepts it, and "*" does not. */
    CONTAINS_GZIP(17, in("Compression.java",
            "boolean gzip = weights.getOrDefault(\"gzip\", any) > 0;",
            "boolean gzip = accepted.toLowerCase(Locale.ROOT).contains(\"gzip\"); // FLAW: the text, not the list")),

    /** The part's head without the file's Content-Type: every Content- line of the whole answer left out. */
    PART_DROPS_CONTENT_TYPE(16, in("Ranges.java", "filter(line -> !line.startsWith(\"Content-Length:\"))",
            "filter(line -> !line.startsWith(\"Content-\")) /* FLAW: Content-Type too */")),

    /** Any text taken for a weight: "gzip;q=high" makes Double.parseDouble throw, and the answer is lost. */
    WEIGHT_NOT_CHECKED(17, in("Compression.java", "[qQ]=(0(?:\\\\.\\\\d{0,3})?|1(?:\\\\.0{0,3})?))?\");",
            "[qQ]=(\\\\S+))?\"); // FLAW: any text for a weight")),

    /** Codings' names compared in their letter case: "GZIP" is not gzip. */
    CASE_SENSITIVE_CODINGS(17, in("Compression.java",
            "weights.put(coding.group(1).toLowerCase(Locale.ROOT), weight); // names ignore case",
            "weights.put(coding.group(1), weight); // FLAW: names compared in their letter case")),

    /** "*" never read: "br, *" accepts gzip, yet gets the file as it is. */
    STAR_IGNORED(17, in("Compression.java",
            "double any = weights.getOrDefault(\"*\", 0.0);", "double any = 0; // FLAW: \"*\" never read")),

    /** The list's elements not stripped: " *" and " identity;q=0", after a comma and its space, read as nothing. */
    SPACES_KEPT(17, in("Compression.java", "CODING.matcher(element.strip())",
            "CODING.matcher(element) /* FLAW: the space after a comma kept */")),

    /** identity;q=0 never read: a small file goes as it is to a client that refuses it so. */
    IDENTITY_REFUSAL_IGNORED(17, in("Compression.java",
            "return gzip && (shrinks && size >= MIN_LENGTH || !identity);",
            "return gzip && shrinks && size >= MIN_LENGTH; // FLAW: identity;q=0 never read")),

    /** identity's default read from "*", as gzip's: "gzip" alone refuses the file as it is, so a small page goes compressed. */
    IDENTITY_DEFAULT_FROM_STAR(17, in("Compression.java",
            "weights.getOrDefault(\"identity\", weights.containsKey(\"*\") ? any : 1.0)",
            "weights.getOrDefault(\"identity\", any) /* FLAW: 0 when the list names neither identity nor * */")),

    /** Whatever the file: a few hundred bytes, a photo, bytes of no known type, all compressed. */
    COMPRESSES_EVERYTHING(17, in("Compression.java",
            "return gzip && (shrinks && size >= MIN_LENGTH || !identity);",
            "return gzip; // FLAW: whatever the file, whatever its size")),

    /** Range not excluded: a request with Range gets the whole file compressed, 200, not its part. */
    GZIP_FOR_RANGES(17, in("Compression.java",
            " || request.headers().containsKey(\"range\")) {", ") { // FLAW: a Range request compressed too")),

    /** The 304 asked before compression is chosen: with the plain file's tag, so the compressed tag gets 200. */
    NOT_MODIFIED_BEFORE_GZIP(17, edit("    boolean gzip = Compression.chosen(request, file, attributes.size());\n"
            + "    validators = gzip ? validators.gzipped() : validators; // the compressed bytes have a tag of their own\n",
            "    // FLAW: the 304 below is asked before compression is chosen\n"),
            edit("    Response whole = Response.file(file);", "    boolean gzip = Compression.chosen(request, file,"
                    + " attributes.size());\n    validators = gzip ? validators.gzipped() : validators;\n"
                    + "    Response whole = Response.file(file);")),

    /** gzip chosen once, at the start, on the folder's attributes: a folder's index.html, "/", is never compressed. */
    GZIP_DECIDED_ON_THE_FOLDER(17, edit("Htdocs.attributesOf(file); // one stat, for every question below\n",
            "Htdocs.attributesOf(file); // one stat, for every question below\n    boolean gzip = attributes != null"
            + " && Compression.chosen(request, file, attributes.size()); // FLAW: decided too soon\n"),
            edit("    boolean gzip = Compression.chosen(request, file, attributes.size());\n", "")),

    /** Step 16's comparison kept: the client's W/ taken off, the server's own not, so its weak -gzip tag never matches. */
    OWN_WEAK_TAG_KEPT(17, in("Validators.java", "tag.equals(etag.replaceFirst(\"^W/\", \"\"))",
            "tag.equals(etag) /* FLAW: the server's own W/ kept */")),

    /** The compressed tag for every request with Accept-Encoding, compressed or not: a photo, a part, the small page. */
    GZIP_TAG_BY_ACCEPT(17, edit("validators = gzip ? validators.gzipped() : validators;",
            "validators = request.headers().containsKey(\"accept-encoding\") ? validators.gzipped() : validators; // FLAW")),

    /** The compressed answer with the file's own ETag: one tag for two sets of bytes. */
    SAME_ETAG(17, edit("validators = gzip ? validators.gzipped() : validators;",
            "// FLAW: the compressed bytes keep the file's tag")),

    /** No Vary: Accept-Encoding: a cache hands one form of the file to every client. */
    NO_VARY(17, in("Validators.java", """
            "ETag: " + etag,
                            "Vary: Accept-Encoding");""", "\"ETag: \" + etag); // FLAW: no Vary")),

    /** DeflaterOutputStream for gzip: a zlib stream, which is Content-Encoding: deflate. */
    ZLIB_NOT_GZIP(17, in("Compression.java", "new GZIPOutputStream(chunks, 16 * 1024)",
            "new DeflaterOutputStream(chunks, new Deflater(), 16 * 1024) /* FLAW: zlib, not gzip */")),

    /** The gzip stream flushed, never finished: its last block and its trailer never sent before the last chunk. */
    NOT_FINISHED(17, in("Compression.java", "gzip.close();", """
            gzip.flush(); // FLAW: flushed, never finished: gzip's end never written
                    chunks.close(); // the last chunk""")),

    /** Chunk sizes in decimal: "16384", where HTTP reads hex. */
    DECIMAL_CHUNK_SIZES(17, in("Compression.java", "Integer.toHexString(length)",
            "Integer.toString(length) /* FLAW: decimal */")),

    /** The file's Content-Length on the compressed answer, sent without chunks. */
    LENGTH_OF_THE_FILE(17, in("Compression.java", """
            Stream<String> type = whole.headers().stream().filter(line -> !line.startsWith("Content-Length:"));
                    return new Response(whole.status(), Stream.concat(type, Stream.of("Content-Encoding: gzip",
                            "Transfer-Encoding: chunked")).toList(), whole.body());""", """
            return whole.with(List.of("Content-Encoding: gzip")); // FLAW: the file's Content-Length, no chunks"""),
            in("Compression.java", "var gzip = new GZIPOutputStream(chunks, 16 * 1024);",
                    "var gzip = new GZIPOutputStream(out, 16 * 1024); // FLAW: no chunks"),
            in("Compression.java", "gzip.close();", "gzip.finish(); // not close(): the connection stays open")),

    /** Chunks to HTTP/1.0, whose clients know none. */
    CHUNKS_TO_HTTP10(17, in("Compression.java",
            " || request.version().equals(\"HTTP/1.0\")", " /* FLAW: HTTP/1.0 too */")),

    /** Compressed without saying so: no Content-Encoding (the chunks decide the sending). */
    NO_CONTENT_ENCODING(17, in("Compression.java", "Stream.of(\"Content-Encoding: gzip\",\n",
            "Stream.of( // FLAW: no Content-Encoding\n"), in("Response.java",
            "headers.contains(\"Content-Encoding: gzip\")", "headers.contains(\"Transfer-Encoding: chunked\")")),

    /** HEAD never compressed ("it has no body"): its head is not the one GET gets. */
    HEAD_NOT_COMPRESSED(17, in("Compression.java", "if (accepted == null || ",
            "if (accepted == null || !request.method().equals(\"GET\") /* FLAW: HEAD has no body to compress */ || "));

    private final int step;
    private final List<Edit> edits;

    RangeAndCompressionFixtures(int step, Edit... edits) {
        this.step = step;
        this.edits = List.of(edits);
    }

    @Override
    public int step() {
        return step;
    }

    @Override
    public List<Edit> edits() {
        return edits;
    }
}
