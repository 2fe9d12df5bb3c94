package httpcourse.grader;

import static httpcourse.grader.KnownWrongServer.edit;
import static httpcourse.grader.KnownWrongServer.in;

import java.util.List;

/** The known-wrong servers ({@link KnownWrongServer}) of steps 10 and 11: keep-alive and request bodies. */
enum Steps10And11Fixtures implements KnownWrongServer {

    // ---- Step 10: keep-alive

    /** close looked for in HTTP/1.1 only: an HTTP/1.0 "Connection: keep-alive, close" kept open (helper-60; the course's own, until then). */
    CLOSE_IN_HTTP11_ONLY(10, in("Request.java",
            "return !options.contains(\"close\") && (!version.equals(\"HTTP/1.0\") || options.contains(\"keep-alive\"));",
            "return version.equals(\"HTTP/1.0\") ? options.contains(\"keep-alive\") : !options.contains(\"close\"); // FLAW")),

    /** Keeping the connection decided after the answer is made: an HttpError (404, 301, 405) skips it, and closes. */
    CLOSED_AFTER_AN_ERROR(10, edit("        keepOpen = request.wantsToKeepOpen() && !request.hasBody() && !last;\n"
            + "        response = respond(request);\n", "        response = respond(request);\n        keepOpen ="
            + " request.wantsToKeepOpen() && !request.hasBody() && !last; // FLAW: an HttpError skips it\n")),

    /** Bodies only for POST and PUT: a GET's body, a request, is answered as the next request (helper-55). */
    GET_BODY_AS_REQUEST(10, in("Request.java", "    boolean hasBody() {\n", "    boolean hasBody() {\n"
            + "        if (!method.equals(\"POST\") && !method.equals(\"PUT\")) {\n"
            + "            return false; // FLAW: only POST and PUT send bodies\n        }\n")),

    /** A chunk skipped with skip(n), which may skip fewer: the rest of a large chunk is read as its end (helper-55). */
    CHUNK_SKIPPED_SHORT(11, in("Body.java", "            in.skipNBytes(size);",
            "            in.skip(size); // FLAW: may skip fewer than size")),

    /** The body skipped after respond(): an error thrown there (a POST's 405, a 404) leaves it unread (helper-55). */
    BODY_READ_AFTER_THE_ANSWER(11, edit("        keepOpen = Body.skip(request, in) && request.wantsToKeepOpen() && !last;\n"
            + "        response = respond(request);\n", "        response = respond(request);\n        keepOpen ="
            + " Body.skip(request, in) && request.wantsToKeepOpen() && !last; // FLAW: an error skips it\n")),

    /** Expect: 100-continue answered at once only with a Content-Length: a chunked body is waited for (helper-55). */
    EXPECT_WITH_CHUNKS_AWAITED(11, in("Body.java", "if (length != 0 && awaited",
            "if (length > 0 && awaited /* FLAW: chunked (-1) waited for */")),

    /** A body known by its Content-Length only: a chunked one stays on the connection, read as a request. */
    CHUNKED_BODY_NOT_SEEN(10, in("Request.java", "headers.containsKey(\"transfer-encoding\") || ",
            "/* FLAW: chunks are no body */ ")),

    /** Step 9's habit in HTTP/1.1: every connection closes after one answer, whatever the request asks. */
    CLOSES_AFTER_EACH_ANSWER(10, edit("keepOpen = request.wantsToKeepOpen() && !request.hasBody() && !last;",
            "keepOpen = false; // FLAW: one answer per connection")),

    /** Closes after an answer as asked, without saying so. */
    NO_CONNECTION_CLOSE(10, edit("keepOpen ? \"Connection: keep-alive\" : \"Connection: close\"",
            "keepOpen ? \"Connection: keep-alive\" : \"X-Closing: yes\" /* FLAW: closes without saying so */")),

    /** Open unless the request says close: after a request it could not read, too, whose body is then read as one. */
    KEPT_OPEN_AFTER_BAD_REQUEST(10, edit("boolean keepOpen = false;",
            "boolean keepOpen = true; // FLAW: HTTP/1.1 stays open, even after an error")),

    /** A new buffer for every request: what it read ahead, the next requests sent together, is lost. */
    BUFFER_PER_REQUEST(10, edit("        in.startRequest();\n",
            "        in = new LimitedInput(client); // FLAW: a new buffer for every request\n")),

    /** An answer flushed only when its connection ends: on a kept connection, the client waits for it. */
    NO_FLUSH_BETWEEN_ANSWERS(10, edit("        out.flush();\n        in.startRequest();\n",
            "        in.startRequest(); // FLAW: the answer is not flushed\n")),

    /** No limit on the requests of one connection. */
    NO_REQUEST_LIMIT(10, edit("final int REQUESTS_PER_CONNECTION = 1000;",
            "final int REQUESTS_PER_CONNECTION = Integer.MAX_VALUE; // FLAW: no limit")),

    /** A time limit for the first request only: an idle connection stays open for as long as it likes. */
    NO_IDLE_TIMEOUT(10, in("LimitedInput.java", "deadline = System.nanoTime() + TIME.toNanos();",
            "deadline = System.nanoTime() + (deadline == 0 ? TIME : Duration.ofDays(1)).toNanos(); // FLAW")),

    /** A head's time limit set once for the connection: a connection kept busy closes after 10 s. */
    HEAD_TIMED_PER_CONNECTION(10, in("LimitedInput.java", "deadline = System.nanoTime() + TIME.toNanos();",
            "deadline = deadline != 0 ? deadline : System.nanoTime() + TIME.toNanos(); // FLAW: once per connection")),

    /** The head's size limit set once, for the connection: after about 180 small heads, 414. */
    HEAD_SIZED_PER_CONNECTION(10, in("LimitedInput.java", "        startRequest();\n    }",
            "        startRequest();\n        bytesLeft = SIZE; // FLAW: once, for the connection\n    }"),
            in("LimitedInput.java", "TIME.toNanos();\n        bytesLeft = SIZE;", "TIME.toNanos();")),

    /** Connection's options compared in their letter case: "Close" is not close, "Keep-Alive" not keep-alive. */
    OPTION_CASE_KEPT(10, in("Request.java", ".map(option -> option.strip().toLowerCase(Locale.ROOT)).toList();",
            ".map(String::strip).toList(); // FLAW: the options' letter case kept")),

    /** The list split at a comma and a space only: "keep-alive,close" is one option, and the connection stays. */
    OPTIONS_SPLIT_AT_COMMA_SPACE(10, in("Request.java", ".split(\",\"))", ".split(\", \")) /* FLAW: \", \" only */")),

    /** Connection's whole value compared: "keep-alive, close" is neither keep-alive nor close. */
    OPTION_LIST_NOT_SPLIT(10, in("Request.java", "Stream.of(headers.getOrDefault(\"connection\", \"\").split(\",\"))",
            "Stream.of(headers.getOrDefault(\"connection\", \"\")) /* FLAW: not split at the commas */")),

    /** A body seen only for Transfer-Encoding exactly "chunked": "Chunked" chunks are read as the next request. */
    CHUNKED_BY_ITS_TEXT(10, in("Request.java", "headers.containsKey(\"transfer-encoding\") ||",
            "\"chunked\".equals(headers.get(\"transfer-encoding\")) /* FLAW: its text, in its case */ ||")),

    /** Whether a body follows decided with Integer.parseInt: a POST of 5 GB ends its connection without a word. */
    LENGTH_AS_INT_FOR_A_BODY(10, in("Request.java", "!headers.getOrDefault(\"content-length\", \"0\").equals(\"0\")",
            "Integer.parseInt(headers.getOrDefault(\"content-length\", \"0\")) > 0 /* FLAW: an int */")),

    // ---- Step 11: request bodies

    /** A body left unread: its bytes are taken for the next request. */
    IGNORES_BODIES(11, in("Body.java", "                in.skipNBytes(length);\n",
            "                // FLAW: the body is not read: its bytes are taken for the next request\n")),

    /** Reads the body through the head's 8 KiB limit: a larger body ends the connection without an answer. */
    HEAD_LIMIT_COUNTS_BODY(11, in("Body.java", "        in.startBody(LIMIT);\n",
            "        // FLAW: the body is read within the head's limit of 8 KiB\n")),

    /** Skips the body that has come, not the body that was announced: answers early, and misreads the rest. */
    SKIPS_WHAT_HAS_COME(11, in("Body.java", "                in.skipNBytes(length);\n",
            "                in.skipNBytes(Math.min(length, in.available())); // FLAW: what has come so far\n")),

    /** Transfer-Encoding refused in HTTP/1.0 only beside a Content-Length: alone, its chunks are read. */
    CHUNKED_IN_HTTP10_READ(11, in("Request.java", "if (contentLength != null || version.equals(\"HTTP/1.0\")) {",
            "if (contentLength != null) { // FLAW: chunks read in HTTP/1.0 too")),

    /** Content-Length wins over Transfer-Encoding, instead of a 400: request smuggling's way in. */
    CONTENT_LENGTH_WINS(11, in("Request.java", "if (transferEncoding != null) {",
            "if (transferEncoding != null && contentLength == null) { // FLAW: Content-Length wins")),

    /** Reads any body by Content-Length to its end, however large. */
    NO_BODY_LIMIT(11, in("Body.java", "if (length != 0 && awaited || length > LIMIT) {",
            "if (length != 0 && awaited) { // FLAW: any body is read, however large")),

    /** Closes at once, the client's bytes still unread: the socket sends a reset, and the answer's end is lost. */
    CLOSES_ABRUPTLY(11, edit("    closeGently(client, in);\n",
            "    // FLAW: closed at once, whatever the client still sends\n")),

    /** The gentle close the wrong way round: it reads until the client closes, which waits for the server's close. */
    OUTPUT_NEVER_SHUT_DOWN(11, edit("        client.shutdownOutput();\n",
            "        // FLAW: the output not shut down first: the client waits for the end of the answer\n")),

    /** "Expect: 100-Continue" not known: the expectation compared in its letter case. */
    EXPECT_CASE_SENSITIVE(11, in("Body.java", ".equalsIgnoreCase(\"100-continue\")",
            ".equals(\"100-continue\") /* FLAW: in its letter case */")),

    /** "Transfer-Encoding: Chunked" taken for an unknown coding: the name compared in its letter case. */
    CODING_CASE_SENSITIVE(11, in("Request.java", "if (!transferEncoding.equalsIgnoreCase(\"chunked\")) {",
            "if (!transferEncoding.equals(\"chunked\")) { // FLAW: in its letter case")),

    /** The body's limit given again to each chunk: a chunked body of any size is read. */
    CHUNK_LIMIT_PER_CHUNK(11, in("Body.java", """
                    for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
            """, """
                    for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
                        in.startBody(LIMIT); // FLAW: each chunk up to the limit
            """)),

    /** A chunk's size of any number of hex digits: 17 overflow Long.parseLong, and the connection ends unanswered. */
    CHUNK_SIZE_UNBOUNDED(11, in("Body.java", "Pattern.compile(\"([0-9A-Fa-f]{1,15})[ \\\\t]*(;.*)?\");",
            "Pattern.compile(\"([0-9A-Fa-f]+)[ \\\\t]*(;.*)?\"); // FLAW: no bound on the digits")),

    /** A chunk's size read as decimal: "2d" throws, and the connection closes without a word. */
    CHUNK_SIZE_DECIMAL(11, in("Body.java", "return Long.parseLong(size.group(1), 16);",
            "return Long.parseLong(size.group(1)); // FLAW: decimal")),

    /** The CRLF after a chunk's bytes not read: it is taken for the next chunk's size, and the body refused. */
    CHUNK_CRLF_UNREAD(11, in("Body.java", """
                        if (!"".equals(Request.readLine(in))) {
                            throw new HttpError("400 Bad Request", "a chunk is longer than its size");
                        }
            """, "            // FLAW: the CRLF after the chunk's bytes is not read\n")),

    /** The line after a chunk's bytes read, not checked: a chunk longer than its size taken, its rest dropped. */
    CHUNK_END_UNCHECKED(11, in("Body.java", """
                        if (!"".equals(Request.readLine(in))) {
                            throw new HttpError("400 Bad Request", "a chunk is longer than its size");
                        }
            """, "            Request.readLine(in); // FLAW: the CRLF after the chunk's bytes, never checked\n")),

    /** A GET's or a HEAD's body never looked at: its Content-Length unchecked, its bytes read as the next request. */
    GET_BODY_IGNORED(11, in("Body.java", "long length = request.bodyLength();",
            "long length = List.of(\"GET\", \"HEAD\").contains(request.method()) ? 0 : request.bodyLength(); // FLAW")),

    /** Content-Length read as an int: over 2 147 483 647, it throws, and the connection closes without a word. */
    LENGTH_AS_INT(11, in("Request.java", "Long.parseLong(contentLength)",
            "Integer.parseInt(contentLength) /* FLAW: an int */")),

    /** Content-Length checked for digits, not for how many: 20 digits throw in Long.parseLong, and no answer comes. */
    LENGTH_DIGITS_UNBOUNDED(11, in("Request.java", "contentLength.matches(\"\\\\d{1,18}\")",
            "contentLength.matches(\"\\\\d+\") /* FLAW: any number of digits */")),

    /** A chunk's size read as an int: one chunk of 2 GiB (80000000) ends the connection without a word. */
    CHUNK_SIZE_AS_INT(11, in("Body.java", "Long.parseLong(size.group(1), 16)", "Integer.parseInt(size.group(1), 16) /* FLAW */")),

    /** Never reads a body: it closes the connection after the answer instead, as step 10 did. */
    BODY_NEVER_READ(11, in("Body.java", "if (length != 0 && awaited || length > LIMIT) {",
            "if (length != 0) { // FLAW: no body is read: the connection closes after it, as in step 10")),

    /** A chunk's size read as lower-case hex alone, with nothing after it: "1A" and ";part=2" are refused. */
    CHUNK_SIZE_TOO_STRICT(11, in("Body.java", "Pattern.compile(\"([0-9A-Fa-f]{1,15})[ \\\\t]*(;.*)?\");",
            "Pattern.compile(\"([0-9a-f]{1,15})\"); // FLAW: no capitals, no extensions")),

    /** The chunks read up to the last one, the trailer lines after it left unread. */
    TRAILER_LEFT_UNREAD(11, in("Body.java", """
                    for (String trailer = Request.readLine(in); trailer != null && !trailer.isEmpty(); ) {
                        trailer = Request.readLine(in); // fields about the body, forgotten with it
                    }
            """, "        // FLAW: the trailer lines are left unread\n")),

    /** Expect: 100-continue ignored: the server waits for a body that waits for its word. */
    EXPECT_IGNORED(11, in("Body.java", "if (length != 0 && awaited || length > LIMIT) {",
            "if (length > LIMIT) { // FLAW: Expect: 100-continue ignored, the body awaited"));

    private final int step;
    private final List<Edit> edits;

    Steps10And11Fixtures(int step, Edit... edits) {
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
