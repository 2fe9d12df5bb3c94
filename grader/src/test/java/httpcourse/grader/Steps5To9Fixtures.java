package httpcourse.grader;

import static httpcourse.grader.KnownWrongServer.edit;
import static httpcourse.grader.KnownWrongServer.in;

import java.util.List;

/** The known-wrong servers ({@link KnownWrongServer}) of steps 5 to 9: many clients to caching. */
enum Steps5To9Fixtures implements KnownWrongServer {

    // ---- Many clients (step 5)

    /** A head without end gathered in memory: no size limit, and time enough to read 64 MiB. */
    NO_HEAD_SIZE_LIMIT(5,
            in("LimitedInput.java", """
                            if (bytesLeft <= 0) {
                                throw new TooLarge(); // a head that never ends: nobody can wait for its end
                            }
                    """, "        // FLAW: no size limit\n"),
            in("LimitedInput.java", "Math.min(length, bytesLeft)", "length"),
            in("LimitedInput.java", "Duration.ofSeconds(10);", "Duration.ofSeconds(60); // to read 64 MiB, however busy")),

    /** A limit per line, none for the head: header lines without end are read for ever (and not kept). */
    LIMIT_PER_LINE(5,
            in("LimitedInput.java", """
                            if (bytesLeft <= 0) {
                                throw new TooLarge(); // a head that never ends: nobody can wait for its end
                            }
                    """, "        // FLAW: no size limit for the head...\n"),
            in("LimitedInput.java", "Math.min(length, bytesLeft)", "length"),
            in("LimitedInput.java", "Duration.ofSeconds(10);", "Duration.ofSeconds(60); // to read 64 MiB, however busy"),
            in("Request.java", """
                            line.append((char) b); // ISO-8859-1: each byte is one char, nothing lost or guessed
                    """, """
                            if (line.length() == 8192) {
                                throw new IOException("a line longer than 8 KiB"); // FLAW: ...but one for each line
                            }
                            line.append((char) b);
                    """),
            in("Request.java", "                head.add(line);", "                head.add(head.isEmpty() ? line : \"\");")),

    /** No timeout at all: a silent client holds a thread for ever. */
    NO_READ_TIMEOUT(5, in("LimitedInput.java",
            "client.setSoTimeout((int) millisLeft); // this read waits no longer than the time left",
            "// FLAW: no timeout")),

    /** The head's limit checked after the read (bytesLeft < 0): at the limit, a read of 0 bytes ends the head. */
    HEAD_LIMIT_OFF_BY_ONE(5, in("LimitedInput.java", "if (bytesLeft <= 0) {",
            "if (bytesLeft < 0) { // FLAW: at the limit, reads return 0 bytes")),

    /** The time left counted in seconds, and given to setSoTimeout, which takes milliseconds: 9 ms to wait. */
    HEAD_LIMIT_IN_SECONDS(5, in("LimitedInput.java", "Duration.ofNanos(deadline - System.nanoTime()).toMillis();",
            "Duration.ofNanos(deadline - System.nanoTime()).toSeconds(); // FLAW: seconds, for milliseconds")),

    /** A timeout for each read, none for the whole head: a byte a second keeps a thread for ever. */
    TIMEOUT_PER_READ(5,
            in("LimitedInput.java", """
                            if (millisLeft <= 0) {
                                throw new SocketTimeoutException("No request head within " + TIME.toSeconds() + " s");
                            }
                    """, "        // FLAW: no deadline for the whole head\n"),
            in("LimitedInput.java", "client.setSoTimeout((int) millisLeft);", "client.setSoTimeout((int) TIME.toMillis());")),

    /** A pool of 50 threads: 300 clients that each hold half a request keep every one of them busy. */
    FIXED_POOL(5, edit("Executors.newVirtualThreadPerTaskExecutor(); // a new virtual thread per task",
            "Executors.newFixedThreadPool(50); // FLAW: 50 threads, whatever the number of clients")),

    /** Step 4 as it is, on step 5's spec: busy with one client, it leaves the others in a queue of 50. */
    STEP_4_IN_A_CROWD(4),

    /** The answer written into a BufferedOutputStream never flushed: the socket closes with it unsent. */
    ANSWER_NEVER_FLUSHED(5, edit("respond(head.getFirst(), client.getOutputStream());",
            "respond(head.getFirst(), new BufferedOutputStream(client.getOutputStream())); // FLAW: never flushed")),

    /** A pool of threads that each serve connections until an exception, which nothing catches, ends them. */
    THREADS_DIE(4, edit("""
                        while (true) {
                            // One connection at a time: accept it, serve it, close it, then the next one.
                            try (Socket client = server.accept()) {
                                serve(client);
                            } catch (IOException | RuntimeException e) {
                                IO.println("Connection failed: " + e); // only this connection failed: go on
                            }
                        }
                """, """
                        List<Thread> pool = new ArrayList<>(); // FLAW: threads that an exception ends
                        for (int i = 0; i < 8; i++) {
                            pool.add(Thread.ofPlatform().start(() -> {
                                while (true) {
                                    try (Socket client = server.accept()) {
                                        serve(client);
                                    } catch (IOException e) { // a RuntimeException ends the thread
                                        IO.println("Connection failed: " + e);
                                    }
                                }
                            }));
                        }
                        for (Thread thread : pool) {
                            try {
                                thread.join();
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                """)),

    /** The whole file read into memory before it is sent: no file over 2 GiB, and few at once. */
    READS_WHOLE_FILES(5, edit("try (InputStream page = Files.newInputStream(file)) {",
            "try (InputStream page = new ByteArrayInputStream(Files.readAllBytes(file))) { // FLAW: all in memory")),

    // ---- Step 6: complete answers

    /** No Date header: the time of the answer is missing. */
    NO_DATE(6, in("Response.java", "head.append(\"Date: \").append(HTTP_DATE.format(Instant.now())).append(\"\\r\\n\");",
            "// FLAW: no Date header")),

    /** Instant.toString(): ISO 8601, not IMF-fixdate. */
    DATE_IN_ISO_8601(6, in("Response.java",
            "head.append(\"Date: \").append(HTTP_DATE.format(Instant.now())).append(\"\\r\\n\");",
            "head.append(\"Date: \").append(Instant.now()).append(\"\\r\\n\"); // FLAW: ISO 8601")),

    /** The minutes written with MM, the month: 12 all December, right only at minute 12. */
    DATE_MINUTES_AS_MONTH(6, in("Response.java", "\"EEE, dd MMM yyyy HH:mm:ss 'GMT'\"",
            "\"EEE, dd MMM yyyy HH:MM:ss 'GMT'\" /* FLAW: MM, the month */")),

    /** The hour on a 12-hour clock (hh): 04 at 16:00, a Date 12 h behind every afternoon (GMT). */
    DATE_HOUR_12(6, in("Response.java", "\"EEE, dd MMM yyyy HH:mm:ss 'GMT'\"",
            "\"EEE, dd MMM yyyy hh:mm:ss 'GMT'\" /* FLAW: hh, 1 to 12 */")),

    /** The time of the server's zone (here UTC+5:30), written as if it were GMT. */
    DATE_IN_LOCAL_TIME(6, in("Response.java", ".withZone(ZoneOffset.UTC);",
            ".withZone(ZoneId.of(\"Asia/Kolkata\")); // FLAW: local time, written as GMT")),

    /** A text's Content-Length from its characters, not its bytes: too small wherever the text is not ASCII. */
    CONTENT_LENGTH_IN_CHARACTERS(6, in("Response.java", "\"Content-Length: \" + length",
            "\"Content-Length: \" + (type.startsWith(\"text/\") /* FLAW: a text's characters */\n"
                    + "                ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8).length()"
                    + " : length)")),

    /** An error's Content-Length without the line break its text ends with: one byte short. */
    ERROR_LENGTH_WITHOUT_LINE_BREAK(6, in("Response.java", "\"Content-Length: \" + body.length)",
            "\"Content-Length: \" + text.length()) /* FLAW: the line break not counted */")),

    /** The extension looked up as it is written: .PNG is not found, and is sent as application/octet-stream. */
    EXTENSION_IN_CAPITALS(6, in("MediaTypes.java", "name.substring(dot + 1).toLowerCase(Locale.ROOT);",
            "name.substring(dot + 1); // FLAW: .PNG is not .png")),

    /** charset=utf-8 said of every text file, true or not. */
    CHARSET_WITHOUT_CHECK(6, in("MediaTypes.java",
            "return type.startsWith(\"text/\") && isUtf8(file) ? type + \"; charset=utf-8\" : type;",
            "return type.startsWith(\"text/\") ? type + \"; charset=utf-8\" : type; // FLAW: true or not")),

    /** Errors with a status line and headers, and no text. */
    ERRORS_WITHOUT_TEXT(6, in("Response.java", "byte[] body = (text + \"\\n\").getBytes(StandardCharsets.UTF_8);",
            "byte[] body = new byte[0]; // FLAW: no text")),

    /** The file sent to HEAD too. */
    HEAD_WITH_BODY(6, edit("response.send(out, !request.startsWith(\"HEAD \"));",
            "response.send(out, true); // FLAW: a body for HEAD too")),

    /** Files.exists where Files.isRegularFile is needed: a named pipe is opened, and the open waits for a writer. */
    FIFO_OPENED(6, edit("return Files.isRegularFile(file) && file.toRealPath()",
            "return Files.exists(file) /* FLAW: a pipe, a folder too */ && file.toRealPath()")),

    /** A file's length through an int: beyond 2 GiB, a negative Content-Length. */
    CONTENT_LENGTH_OVERFLOW(6, in("Response.java", "\"Content-Length: \" + length",
            "\"Content-Length: \" + (int) length /* FLAW: an int */")),

    // ---- Step 7: a clear no

    /** No 405: every method but GET and HEAD gets 501, as if HTTP did not define it. */
    METHOD_NOT_405(7, in("Request.java", "if (OTHER_METHODS.contains(method)) {",
            "if (false) { // FLAW: no 405")),

    /** 405 for every method but GET and HEAD, even one nobody defined. */
    UNKNOWN_METHOD_NOT_501(7, in("Request.java", "if (OTHER_METHODS.contains(method)) {",
            "if (!method.equals(\"GET\") && !method.equals(\"HEAD\")) { // FLAW: 405 for any method")),

    /** Method names compared in any letter case: "get" is served like GET. */
    METHOD_CASE_IGNORED(7, in("Request.java", "if (!method.equals(\"GET\") && !method.equals(\"HEAD\")) {",
            "if (!method.equalsIgnoreCase(\"GET\") && !method.equalsIgnoreCase(\"HEAD\")) { // FLAW: \"get\" is GET")),

    /** Any number of spaces between the request line's words, as a split on spaces takes them. */
    REQUEST_LINE_NOT_CHECKED(7, in("Request.java", "\") ([\\\\x21-\\\\x7E]+) (HTTP",
            "\") +([\\\\x21-\\\\x7E]+) +(HTTP")),

    /** A CR dropped wherever it is, a bare one too: "a\rb" is read as "ab". */
    BARE_CR_ACCEPTED(7, in("Request.java", "line.append((char) b); // ISO-8859-1",
            "if (b != '\\r') line.append((char) b); // FLAW: a CR dropped, wherever it is. ISO-8859-1")),

    /** Spaces before a header's colon accepted: "Host : localhost" is read as Host. */
    HEADER_LINE_NOT_CHECKED(7, in("Request.java", "\"(\" + TOKEN + \"):(", "\"(\" + TOKEN + \") *:(")),

    /** An HTTP/1.1 request without Host, or with two, served. */
    HOST_NOT_CHECKED(7, in("Request.java",
            "if (!version.equals(\"HTTP/1.0\") && (host == null || host.contains(\",\"))) {",
            "if (false) { // FLAW: Host never checked")),

    /** Host asked of every version: an HTTP/1.0 request without one, as nc sends it, gets 400. */
    HOST_ASKED_OF_HTTP10(7, in("Request.java",
            "if (!version.equals(\"HTTP/1.0\") && (host == null || host.contains(\",\"))) {",
            "if (host == null || host.contains(\",\")) { // FLAW: HTTP/1.0 too")),

    /** Header names compared in their letter case: "HOST: localhost" is no Host header, and gets 400. */
    HOST_NAME_CASE(7, in("Request.java", "header.group(1).toLowerCase(Locale.ROOT)",
            "header.group(1).replace(\"Host\", \"host\") /* FLAW: only Host and host are known */")),

    /** Only HTTP/1.0 and HTTP/1.1 served: a later HTTP/1.x refused with 505, where it is read as 1.1. */
    LATER_MINOR_VERSION_REFUSED(7, in("Request.java", "if (!version.startsWith(\"HTTP/1.\")) {",
            "if (!version.equals(\"HTTP/1.0\") && !version.equals(\"HTTP/1.1\")) { // FLAW: HTTP/1.2 refused")),

    /** The version never checked: HTTP/2.0 and HTTP/0.9 served as HTTP/1.x. */
    VERSION_NOT_CHECKED(7, in("Request.java", "if (!version.startsWith(\"HTTP/1.\")) {",
            "if (false) { /* FLAW: any version */")),

    /** A head limit of 4 KiB: a long URL, a head with cookies, refused. */
    HEAD_LIMIT_TOO_SMALL(7, in("LimitedInput.java", "static final int SIZE = 8192;",
            "static final int SIZE = 4096; // FLAW: under the 8 000 bytes RFC 9112 recommends")),

    /** An empty line before the request line taken for the end of an empty head: no answer. */
    EMPTY_LINE_NOT_IGNORED(7, in("Request.java", "} else if (!head.isEmpty()) {",
            "} else { // FLAW: an empty line first ends an empty head")),

    /** A 405 whose Allow forgets HEAD. */
    ALLOW_WITHOUT_HEAD(7, in("Request.java", "\"Allow: GET, HEAD\")", "\"Allow: GET\") /* FLAW: HEAD forgotten */")),

    /** Step 5's limits: a head too large closes the connection instead of getting 414 or 431. */
    LIMITS_CLOSE_THE_CONNECTION(7, in("Request.java", "} catch (LimitedInput.TooLarge e) {",
            "} catch (IllegalStateException e) { // FLAW: a head too large closes the connection, as in step 5")),

    /** "-" left out of a token's characters: User-Agent, Accept-Language, Content-Type all refused with 400. */
    TOKEN_WITHOUT_HYPHEN(7, in("Request.java", "~0-9A-Za-z-]+\"", "~0-9A-Za-z]+\" /* FLAW: no - */")),

    /** 414 unless two lines of the head came: a request line followed by one huge header gets 414, not 431. */
    LONG_HEADER_AS_414(7, in("Request.java", "throw new HttpError(head.isEmpty() ? \"414 URI Too Long\"",
            "throw new HttpError(head.size() <= 1 ? \"414 URI Too Long\" /* FLAW: counts the lines */")),

    // ---- Step 8: the target is a URL

    /** An escape looked for only while three characters follow the %: one that ends the path gets 400. */
    ESCAPE_AT_THE_END(8, in("Htdocs.java", "i + 2 < path.length()", "i + 3 < path.length() /* FLAW: one too many */")),

    /** The path used as it came: %20 is looked for as "%20". */
    NOT_PERCENT_DECODED(8, in("Htdocs.java", "String decoded = percentDecode(path);",
            "String decoded = path; // FLAW: not decoded")),

    /** URLDecoder, which decodes form data: "+" becomes a space. */
    PLUS_DECODED_AS_SPACE(8, in("Htdocs.java", "String decoded = percentDecode(path);",
            "String decoded = URLDecoder.decode(path, StandardCharsets.UTF_8); // FLAW: form data, not a path")),

    /** The two characters after % never checked: Integer.parseInt reads "+4" and "-1". */
    MALFORMED_ESCAPE_ACCEPTED(8,
            in("Htdocs.java", "i + 2 < path.length() && HexFormat.isHexDigit(path.charAt(i + 1))\n"
                    + "                    && HexFormat.isHexDigit(path.charAt(i + 2))",
                    "i + 2 < path.length() /* FLAW: the two characters not checked */"),
            in("Htdocs.java", "HexFormat.fromHexDigits(path, i + 1, i + 3)",
                    "Integer.parseInt(path, i + 1, i + 3, 16)")),

    /** Bytes that are no UTF-8 replaced with U+FFFD, not refused. */
    NOT_UTF8_ACCEPTED(8, in("Htdocs.java", "StandardCharsets.UTF_8.newDecoder()",
            "StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE) /* FLAW */")),

    /** The query kept in the path, and decoded with it. */
    QUERY_NOT_IGNORED(8, in("Htdocs.java", "int query = pathAndQuery.indexOf('?');",
            "int query = -1; /* FLAW: the query is part of the path */")),

    /** Only a path as target: a whole URL gets 400. */
    ABSOLUTE_FORM_REFUSED(8, in("Htdocs.java", "ABSOLUTE_FORM.matcher(target)",
            "ABSOLUTE_FORM.matcher(\"\") /* FLAW: a URL never matches */")),

    /** The scheme of a whole URL read in lower case only: HTTP://localhost/ipsum.html refused. */
    SCHEME_CASE_SENSITIVE(8, in("Htdocs.java", "Pattern.compile(\"(?i)http://[^/?#]*/?(.*)\");",
            "Pattern.compile(\"http://[^/?#]*/?(.*)\"); // FLAW: the scheme in lower case only")),

    /** Decoded, never normalized: "sub/.." is left in the path, and its ".." counts as a hidden name. */
    NOT_NORMALIZED_AFTER_DECODING(8, in("Htdocs.java", "return Path.of(ROOT + decoded).normalize();",
            "return Path.of(ROOT + decoded); // FLAW: not normalized")),

    /** Only "/" has an index, as in step 7: any other folder's URL gets 404. */
    FOLDER_INDEX_NOT_SERVED(8, edit("file = file.resolve(\"index.html\");",
            "file = path.equals(\"/\") ? file.resolve(\"index.html\") : file; // FLAW: only / has an index")),

    /** A folder without its slash served as it is: its index.html's relative links lead to its parent. */
    FOLDER_NOT_REDIRECTED(8, edit("if (!path.endsWith(\"/\")) {", "if (false) { /* FLAW: no redirect */")),

    /** A redirect to the request's own path: //docs gets Location: //docs/, a host named docs. */
    OPEN_REDIRECT(8, edit("String location = Htdocs.urlOf(file);",
            "String location = path + \"/\"; // FLAW: the request's path")),

    /** A redirect to the decoded path: "/my docs/", which is no URL. */
    LOCATION_DECODED(8, edit("String location = Htdocs.urlOf(file);",
            "String location = Htdocs.percentDecode(path) + \"/\"; // FLAW: decoded")),

    /** Only the file's own name looked at: config, in the hidden folder .git, is served. */
    HIDDEN_LAST_NAME_ONLY(8, in("Htdocs.java", "for (Path name : relative) {",
            "for (Path name : List.of(relative.getFileName())) { // FLAW: the folders on the way not looked at")),

    /** Hidden names never looked for: .git/config and .env are served. */
    SERVES_HIDDEN_FILES(8, in("Htdocs.java",
            "return real.startsWith(root) && !isHidden(ROOT.relativize(path)) && !isHidden(root.relativize(real));",
            "return real.startsWith(root); // FLAW: hidden names not checked")),

    // ---- Step 9: caching

    /** If-Modified-Since never read. */
    IF_MODIFIED_SINCE_IGNORED(9, in("Validators.java", "String since = headers.get(\"if-modified-since\");",
            "String since = null; // FLAW: If-Modified-Since never read")),

    /** If-Modified-Since compared strictly: 304 only for a file older than the date, not for exactly its time. */
    IF_MODIFIED_SINCE_STRICT(9, in("Validators.java", "!lastModified.isAfter(Instant.from(Response.HTTP_DATE.parse(since)))",
            "lastModified.isBefore(Instant.from(Response.HTTP_DATE.parse(since))) /* FLAW: strict */")),

    /** The list split at its commas, the spaces after them kept: " \"tag\"" is not the tag. */
    IF_NONE_MATCH_SPACES(9, in("Validators.java", "map(tag -> tag.strip().replaceFirst",
            "map(tag -> /* FLAW: not stripped */ tag.replaceFirst")),

    /** The file's time kept with its fractions of a second, which its Last-Modified drops: never equal. */
    FILE_TIME_NOT_TRUNCATED(9, in("Validators.java", "modified.toInstant().truncatedTo(ChronoUnit.SECONDS)",
            "modified.toInstant() /* FLAW: fractions of a second kept */")),

    /** 304 only for the very time of the file, not for a later one. */
    IF_MODIFIED_SINCE_EQUALITY(9, in("Validators.java",
            "!lastModified.isAfter(Instant.from(Response.HTTP_DATE.parse(since)))",
            "lastModified.equals(Instant.from(Response.HTTP_DATE.parse(since))) /* FLAW: equal only */")),

    /** 304 for any If-Modified-Since, whatever its date. */
    NOT_MODIFIED_FOR_A_NEWER_FILE(9, in("Validators.java",
            "return since != null && !lastModified.isAfter(Instant.from(Response.HTTP_DATE.parse(since)));",
            "return since != null; // FLAW: any date")),

    /** If-None-Match never read. */
    IF_NONE_MATCH_IGNORED(9, in("Validators.java", "String noneMatch = headers.get(\"if-none-match\");",
            "String noneMatch = null; // FLAW: If-None-Match never read")),

    /** The client's tags compared without their quotes, with the server's own quoted tag: only * matches. */
    TAG_QUOTES_STRIPPED(9, in("Validators.java", ".replaceFirst(\"^W/\", \"\")",
            ".replaceFirst(\"^W/\", \"\").replace(\"\\\"\", \"\") /* FLAW: quotes taken off the client's tags only */")),

    /** If-None-Match compared whole with the tag: a list never matches. */
    IF_NONE_MATCH_LIST(9, in("Validators.java", "Stream.of(noneMatch.split(\",\"))",
            "Stream.of(noneMatch) /* FLAW: not split */")),

    /** A weak tag compared strongly: W/"..." never matches. */
    IF_NONE_MATCH_WEAK(9, in("Validators.java", ".replaceFirst(\"^W/\", \"\")", " /* FLAW: W/ kept */")),

    /** If-None-Match: * not matched. */
    IF_NONE_MATCH_STAR(9, in("Validators.java", "tag.equals(etag) || tag.equals(\"*\")",
            "tag.equals(etag) /* FLAW: * forgotten */")),

    /** If-Modified-Since read beside If-None-Match: it overrides the tags. */
    IF_MODIFIED_SINCE_WINS(9, in("Validators.java", "if (noneMatch != null) {",
            "if (noneMatch != null && headers.get(\"if-modified-since\") == null) { // FLAW: the date wins")),

    /** A tag of the file's length alone: an edit that keeps the length keeps the tag. */
    ETAG_UNCHANGED(9, in("Validators.java",
            "+ \"-\"\n                + Long.toHexString(modified.to(TimeUnit.NANOSECONDS))",
            "/* FLAW: the length alone */")),

    /** A tag of the clock: new for every request, so no copy ever matches it. */
    ETAG_UNSTABLE(9, in("Validators.java", "Long.toHexString(attributes.size())",
            "Long.toHexString(System.nanoTime()) /* FLAW: the clock */")),

    /** A 304 without the ETag (and Last-Modified) a 200 would have. */
    NOT_MODIFIED_WITHOUT_ETAG(9, edit("new Response(\"304 Not Modified\", validators.headers(),",
            "new Response(\"304 Not Modified\", List.of() /* FLAW: no ETag */,")),

    /** Only GET is conditional: HEAD with the file's ETag gets 200. */
    HEAD_NOT_CONDITIONAL(9, edit("if (validators.match(request.headers())) {",
            "if (request.method().equals(\"GET\") && validators.match(request.headers())) { /* FLAW: GET only */")),

    /** Files without their time. */
    NO_LAST_MODIFIED(9, in("Validators.java",
            "return List.of(\"Last-Modified: \" + Response.HTTP_DATE.format(lastModified), \"ETag: \" + etag);",
            "return List.of(\"ETag: \" + etag); // FLAW: no Last-Modified")),

    /** An entity tag without its double quotes. */
    ETAG_WITHOUT_QUOTES(9, in("Validators.java", "String etag = \"\\\"\" + Long.toHexString(attributes.size()) + \"-\"\n"
            + "                + Long.toHexString(modified.to(TimeUnit.NANOSECONDS)) + \"\\\"\";",
            "String etag = Long.toHexString(attributes.size()) + \"-\" // FLAW: no quotes\n"
                    + "                + Long.toHexString(modified.to(TimeUnit.NANOSECONDS));"));

    private final int step;
    private final List<Edit> edits;

    Steps5To9Fixtures(int step, Edit... edits) {
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
