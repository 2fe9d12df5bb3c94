package httpcourse.grader;

import static httpcourse.grader.KnownWrongServer.in;

import java.util.List;

/** The known-wrong servers ({@link KnownWrongServer}) of step 15, uploads: the first extension. */
enum UploadFixtures implements KnownWrongServer {

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

    /** The disk's room asked after 100 Continue: on a full disk, a client that waits sends a body that gets 507. */
    CONTINUE_BEFORE_ROOM(15, in("Upload.java", """
                    if (length > Files.getFileStore(FOLDER).getUsableSpace()) {
                        throw new HttpError("507 Insufficient Storage", "no room for the upload");
                    }
            """, ""), in("Upload.java", "        Path part = Files.createTempFile(",
            "        if (length > Files.getFileStore(FOLDER).getUsableSpace()) { // FLAW: asked after 100 Continue\n"
                    + "            throw new HttpError(\"507 Insufficient Storage\", \"no room for the upload\");\n"
                    + "        }\n"
                    + "        Path part = Files.createTempFile(")),

    /** "100 Continue" without the empty line that ends its head: the client reads the final answer as its headers. */
    CONTINUE_WITHOUT_EMPTY_LINE(15, in("Upload.java", "\"HTTP/1.1 100 Continue\\r\\n\\r\\n\"",
            "\"HTTP/1.1 100 Continue\\r\\n\" /* FLAW: no empty line */")),

    /** The part file named like any other: GET serves the half-written upload under that name. */
    PART_NOT_HIDDEN(15, in("Upload.java", "\".upload-\", \".part\"", "\"upload-\", \".part\" /* FLAW: not hidden */")),

    /** No limit on an upload's size: a client may fill the disk. */
    NO_UPLOAD_LIMIT(15, in("Upload.java", "static final int LIMIT = 16 * 1024 * 1024;",
            "static final int LIMIT = Integer.MAX_VALUE; // FLAW: no limit")),

    /** The length cast to an int: Content-Length 2^31 wraps round to -2^31, under the limit, and gets 100 Continue. */
    UPLOAD_LENGTH_AS_INT(15, in("Upload.java", "long length = request.bodyLength();",
            "int length = (int) request.bodyLength(); // FLAW: through an int")),

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

    /** The part deleted in the catch blocks of IOException, not in finally: a 413 or a 400 leaves it (helper-59). */
    PART_DELETED_IN_CATCH(15,
            in("Upload.java", "if it still listens\n", "if it still listens\n"
                    + "            Files.deleteIfExists(part); // FLAW: deleted here, not in finally\n"),
            in("Upload.java", "        } catch (IOException e) {\n",
                    "        } catch (IOException e) {\n            Files.deleteIfExists(part); // FLAW: and here\n"),
            in("Upload.java", """
                            } finally {
                                Files.deleteIfExists(part); // a cut or refused upload leaves nothing behind
                            }
                    """, "        } // FLAW: no finally: a TooLarge (413) or an HttpError (400) leaves the part\n")),

    /** The time per read, set for an upload's body, never reset: after an upload, the next head has no limit in all. */
    TIME_PER_READ_KEPT(15, in("LimitedInput.java", "        timePerRead = false;\n",
            "        // FLAW: timePerRead never reset: it outlives the upload\n")),

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
            "                try { Body.copy(request, in, to); } catch (EOFException cut) { } // FLAW: a cut body kept"));

    private final int step;
    private final List<Edit> edits;

    UploadFixtures(int step, Edit... edits) {
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
