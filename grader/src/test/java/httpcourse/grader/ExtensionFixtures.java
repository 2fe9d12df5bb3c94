package httpcourse.grader;

import static httpcourse.grader.KnownWrongServer.edit;
import static httpcourse.grader.KnownWrongServer.in;

import java.util.List;

/**
 * The known-wrong servers ({@link KnownWrongServer}) of the extensions, from step 15 on: uploads, byte
 * ranges, compression.
 */
enum ExtensionFixtures implements KnownWrongServer {

    // ---- Step 15: uploads

    /** Step 14 as it is, on step 15's spec: every PUT gets 405 Method Not Allowed. */
    STEP_14(14),

    /** A new file answered 200 OK, as if it had been there. */
    CREATED_AS_200(15, in("Upload.java", "Response.text(\"201 Created\", \"stored at \" + url)",
            "Response.text(\"200 OK\", \"stored at \" + url) /* FLAW: not 201 Created */")),

    /** Location from the file's path on disk, not its URL: "/uploads/with space-….bin", its space raw. */
    LOCATION_UNENCODED(15, in("Upload.java", "String url = Htdocs.urlOf(file).replaceFirst(\"/$\", \"\");",
            "String url = \"/\" + Htdocs.ROOT.relativize(file); // FLAW: not percent-encoded")),

    /** Location: the file's path on the server's disk, not its URL. */
    LOCATION_ON_DISK(15, in("Upload.java", ".with(List.of(\"Location: \" + url))",
            ".with(List.of(\"Location: \" + file)) /* FLAW: the path on disk, htdocs/uploads/... */")),

    /** The upload stored in a folder uploads beside htdocs, where GET never looks. */
    STORED_BESIDE_HTDOCS(15, in("Upload.java", "Path file = fileOf(request.target());",
            "Path file = Files.createDirectories(Path.of(\"uploads\")).resolve(fileOf(request.target())"
                    + ".getFileName()); // FLAW: uploads/, not htdocs/uploads/"),
            in("Upload.java", "String url = Htdocs.urlOf(file).replaceFirst(\"/$\", \"\");",
                    "String url = \"/uploads/\" + file.getFileName(); // the URL it would have had in htdocs")),

    /** Never says "100 Continue": the client waits for it, the server for the body. */
    CONTINUE_NEVER_SAID(15, in("Upload.java", """
                        out.write("HTTP/1.1 100 Continue\\r\\n\\r\\n".getBytes(StandardCharsets.US_ASCII)); // now send it
                        out.flush(); // (RFC 9110 §10.1.1: not to HTTP/1.0, which knows no 100)
            """, "            // FLAW: no \"100 Continue\": the client waits for it, the server for the body\n")),

    /** The path asked only after 100 Continue: a PUT outside /uploads/ sends its body, then gets 405. */
    CONTINUE_BEFORE_PATH(15, in("Upload.java", "        Path file = fileOf(request.target());\n", ""),
            in("Upload.java", "        Path part = Files.createTempFile(",
                    "        Path file = fileOf(request.target()); // FLAW: asked after 100 Continue\n"
                    + "        Path part = Files.createTempFile(")),

    /** "100 Continue" said before the limit's check: the client sends the body that then gets 413. */
    CONTINUE_BEFORE_LIMIT(15, in("Upload.java", "        if (length > LIMIT) { // refused before its body comes",
            "        if (\"100-continue\".equalsIgnoreCase(request.headers().get(\"expect\")) && request.version()"
                    + ".equals(\"HTTP/1.1\")) { // FLAW: before the limit's check\n"
                    + "            out.write(\"HTTP/1.1 100 Continue\\r\\n\\r\\n\".getBytes(StandardCharsets.US_ASCII));\n"
                    + "            out.flush();\n"
                    + "        }\n"
                    + "        if (length > LIMIT) { // refused before its body comes"),
            in("Upload.java", "request.version().equals(\"HTTP/1.1\")) {\n", "false) { // said above already\n")),

    /** "100 Continue" without the empty line that ends its head: the client reads the final answer as its headers. */
    CONTINUE_WITHOUT_EMPTY_LINE(15, in("Upload.java", "\"HTTP/1.1 100 Continue\\r\\n\\r\\n\"",
            "\"HTTP/1.1 100 Continue\\r\\n\" /* FLAW: no empty line */")),

    /** The part file named like any other: GET serves the half-written upload under that name. */
    PART_NOT_HIDDEN(15, in("Upload.java", "\".upload-\", \".part\"", "\"upload-\", \".part\" /* FLAW: not hidden */")),

    /** No limit on an upload's size: a client may fill the disk. */
    NO_UPLOAD_LIMIT(15, in("Upload.java", "static final int LIMIT = 16 * 1024 * 1024;",
            "static final int LIMIT = Integer.MAX_VALUE; // FLAW: no limit")),

    /** The limit checked with >=: an upload of exactly 16 MiB, which the limit allows, gets 413 (helper-48). */
    LIMIT_ITSELF_REFUSED(15, in("Upload.java", "if (length > LIMIT) {", "if (length >= LIMIT) { // FLAW: >=, not >")),

    /** A limit of 16 MB, not MiB: an upload of 16 MiB, which the course allows, gets 413. */
    LIMIT_TOO_LOW(15, in("Upload.java", "static final int LIMIT = 16 * 1024 * 1024;",
            "static final int LIMIT = 16 * 1000 * 1000; // FLAW: 16 MB, not 16 MiB")),

    /** The body written straight to the file: GET serves it half written, and a cut upload stays half. */
    WRITES_THE_FILE_ITSELF(15,
            in("Upload.java",
                    "Path part = Files.createTempFile(file.getParent(), \".upload-\", \".part\"); // hidden: never served",
                    "boolean replaces = Files.exists(file);\n"
                            + "        Path part = file; // FLAW: no part file: the body goes straight to the file GET serves"),
            in("Upload.java", """
                                boolean replaces = Files.exists(file);
                                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE); // rename(2): one step, replacing the old file
                    """, ""),
            in("Upload.java", "Files.deleteIfExists(part); // a cut or refused upload leaves nothing behind",
                    "// the file stays, whole or not")),

    /** The part file of a cut upload left behind. */
    PART_LEFT_BEHIND(15, in("Upload.java",
            "Files.deleteIfExists(part); // a cut or refused upload leaves nothing behind",
            "// FLAW: the part file of a cut or refused upload stays")),

    /** The part file made in the system's temporary folder: read-only in the sandbox, another file system often. */
    PART_IN_TMP(15, in("Upload.java", "Files.createTempFile(file.getParent(), \".upload-\", \".part\")",
            "Files.createTempFile(\".upload-\", \".part\") /* FLAW: in /tmp, not beside the file */")),

    /** One part file per name: two uploads of one name at once write the same one. */
    ONE_PART_PER_NAME(15, in("Upload.java",
            "Path part = Files.createTempFile(file.getParent(), \".upload-\", \".part\"); // hidden: never served",
            "Path part = file.resolveSibling(\".\" + file.getFileName() + \".part\"); // FLAW: two uploads, one part")),

    /** PUT anywhere in htdocs: a client may write over the site's pages. */
    PUT_ANYWHERE(15, in("Upload.java", "return file.startsWith(FOLDER) && !file.equals(FOLDER);",
            "return file.startsWith(Htdocs.ROOT) && !file.equals(FOLDER); // FLAW: anywhere in htdocs")),

    /** The whole answer's file left open by a 416, its body never sent: one descriptor lost per 416 (helper-59). */
    FILE_KEPT_BY_416(16, in("Ranges.java", "            whole.body().close(); // the file opened for the whole answer\n",
            "            // FLAW: the whole answer's file is left open\n")),

    /** The folder compared as text: /uploads.html "begins with" htdocs/uploads, and is written (helper-59). */
    FOLDER_BY_TEXT(15, in("Upload.java", "return file.startsWith(FOLDER) && !file.equals(FOLDER);",
            "return file.toString().startsWith(FOLDER.toString()) && !file.equals(FOLDER); // FLAW: as text")),

    /** Location: the path as the request wrote it: "//uploads/x" sends a browser to the host "uploads". */
    LOCATION_FROM_TARGET(15, in("Upload.java", "String url = Htdocs.urlOf(file).replaceFirst(\"/$\", \"\");",
            "String url = Htdocs.pathOf(request.target()); // FLAW: the request's own path")),

    /** 405 in /uploads/ says Allow: GET, HEAD, though PUT works there. */
    ALLOW_WITHOUT_PUT(15, in("Request.java", "Upload.isInFolder(target) ? \"Allow: GET, HEAD, PUT\" : \"Allow: GET, HEAD\"",
            "\"Allow: GET, HEAD\" /* FLAW: PUT left out, even in /uploads/ */")),

    /** A hidden name accepted: a client may write .htaccess, or a part file's name. */
    HIDDEN_UPLOAD_ACCEPTED(15, in("Upload.java",
            "if (!Htdocs.isFolder(folder, Htdocs.attributesOf(folder)) || Htdocs.isHidden(file.getFileName())) {",
            "if (!Htdocs.isFolder(folder, Htdocs.attributesOf(folder))) { // FLAW: a hidden name accepted")),

    /** A replaced file answered 201 Created, as a new one. */
    REPLACED_AS_CREATED(15, in("Upload.java", "boolean replaces = Files.exists(file);",
            "boolean replaces = false; // FLAW: every upload \"created\"")),

    /** A 204 No Content that says Content-Length: 0. */
    NO_CONTENT_WITH_LENGTH(15, in("Upload.java", "new Response(\"204 No Content\", List.of(),",
            "new Response(\"204 No Content\", List.of(\"Content-Length: 0\") /* FLAW: a 204 has no length */,")),

    /**
     * A full disk taken for a broken connection: no room asked for by Content-Length, and the write's
     * "No space left on device" ends the connection without an answer, as a client that left would.
     */
    DISK_FULL_UNANSWERED(15,
            in("Upload.java", """
                            if (length > Files.getFileStore(FOLDER).getUsableSpace()) {
                                throw new HttpError("507 Insufficient Storage", "no room for the upload");
                            }
                    """, "        // FLAW: no room asked for\n"),
            in("Upload.java", """
                                if ("No space left on device".equals(e.getMessage())) { // the system's words for a full disk
                                    throw new HttpError("507 Insufficient Storage", "the disk is full");
                                }
                    """, "            // FLAW: a full disk taken for a broken connection\n")),

    /** The room asked for by Content-Length, but a write that fails, the disk full, answered 500 Internal Server Error. */
    DISK_FULL_AS_500(15, in("Upload.java", """
                        if ("No space left on device".equals(e.getMessage())) { // the system's words for a full disk
                            throw new HttpError("507 Insufficient Storage", "the disk is full");
                        }
                        throw e; // the connection broke: nobody to answer
            """, """
                        throw new HttpError("500 Internal Server Error", e.getMessage()); // FLAW: every failed write, a 500
            """)),

    /** The part file renamed without replacing: the second upload of a name throws FileAlreadyExistsException. */
    MOVE_WITHOUT_REPLACE(15, in("Upload.java", "Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);",
            "Files.move(part, file); // FLAW: no replace")),

    /** Expect's value compared in its letter case: "100-Continue" waits, unanswered, until the time limit. */
    UPLOAD_EXPECT_CASE(15, in("Upload.java", "\"100-continue\".equalsIgnoreCase(", "\"100-continue\".equals(")),

    /** 100 Continue to HTTP/1.0 too, which knows no 1xx: its client takes the 100 for the final answer. */
    CONTINUE_TO_HTTP10(15, in("Upload.java", " && request.version().equals(\"HTTP/1.1\")) {",
            " /* FLAW: HTTP/1.0 too */) {")),

    /** A folder of the upload's name never asked about: the file fails to move onto it, and the client gets no answer. */
    PUT_ONTO_FOLDER(15, in("Upload.java", """
                    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                        throw new HttpError("403 Forbidden", "a folder has that name");
                    }
            """, "        // FLAW: a folder of that name never asked about\n")),

    /** The limit by Content-Length only: a chunked upload, whose size nobody announces, goes on for ever. */
    CHUNKED_UPLOAD_UNLIMITED(15, in("Upload.java", "in.startUpload(LIMIT);",
            "in.startUpload(Integer.MAX_VALUE); // FLAW: chunks without a limit")),

    /** A body cut short taken as whole, as readNBytes would: half an upload renamed into place, 201. */
    CUT_BODY_STORED(15, in("Upload.java", "                Body.copy(request, in, to);",
            "                try { Body.copy(request, in, to); } catch (EOFException cut) { } // FLAW: a cut body kept")),

    // ---- Step 16: byte ranges

    /** Step 15 as it is, on step 16's spec: Range never read, the whole file for every range, no Accept-Ranges. */
    STEP_15(15),

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

    ExtensionFixtures(int step, Edit... edits) {
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
