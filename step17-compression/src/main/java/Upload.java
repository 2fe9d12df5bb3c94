import module java.base;

/**
 * An upload (PUT) to htdocs/uploads: its body goes to a hidden file first, renamed once whole. A reader
 * sees the old file or the new one, never half; of two uploads at once, one wins; a cut one leaves nothing.
 */
final class Upload {
    // The only folder a client may write in: the rest of htdocs stays as its author made it.
    static final Path FOLDER = Htdocs.ROOT.resolve("uploads");
    // An upload up to 16 MiB (chunked: its size lines count too); a larger one gets 413.
    static final int LIMIT = 16 * 1024 * 1024;

    /** Writes the body to the file the target names: 201 Created for a new file, 204 No Content for one replaced. */
    static Response put(Request request, LimitedInput in, OutputStream out) throws IOException, HttpError {
        Path file = fileOf(request.target());
        long length = request.bodyLength();
        if (length > LIMIT) { // refused before its body comes: the connection closes, the body unread
            throw new HttpError("413 Content Too Large", "an upload is at most " + (LIMIT >> 20) + " MiB");
        }
        if (length > Files.getFileStore(FOLDER).getUsableSpace()) {
            throw new HttpError("507 Insufficient Storage", "no room for the upload");
        }
        if ("100-continue".equalsIgnoreCase(request.headers().get("expect")) && request.version().equals("HTTP/1.1")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII)); // now send it
            out.flush(); // (RFC 9110 §10.1.1: not to HTTP/1.0, which knows no 100)
        }
        Path part = Files.createTempFile(file.getParent(), ".upload-", ".part"); // hidden: never served
        try {
            try (OutputStream to = Files.newOutputStream(part)) {
                in.startUpload(LIMIT);
                Body.copy(request, in, to);
            }
            boolean replaces = Files.exists(file);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE); // rename(2): one step, replacing the old file
            String url = Htdocs.urlOf(file).replaceFirst("/$", ""); // from its name, never the request's "//x/y"
            return replaces ? new Response("204 No Content", List.of(), InputStream.nullInputStream())
                    : Response.text("201 Created", "stored at " + url).with(List.of("Location: " + url));
        } catch (LimitedInput.TooLarge e) {
            throw new HttpError("413 Content Too Large", "an upload is at most " + (LIMIT >> 20) + " MiB");
        } catch (SocketTimeoutException | EOFException e) { // the client learns why, if it still listens
            throw new HttpError(e instanceof EOFException ? "400 Bad Request" : "408 Request Timeout",
                    "the body stopped coming before its end");
        } catch (IOException e) {
            if ("No space left on device".equals(e.getMessage())) { // the system's words for a full disk
                throw new HttpError("507 Insufficient Storage", "the disk is full");
            }
            throw e; // the connection broke: nobody to answer
        } finally {
            Files.deleteIfExists(part); // a cut or refused upload leaves nothing behind
        }
    }

    /** The file a PUT may write: in htdocs/uploads (or a folder in it), by GET's rules, named not hidden. */
    static Path fileOf(String target) throws IOException, HttpError {
        Path file = Htdocs.fileOf(Htdocs.pathOf(target)); // decoded, and normalized: no ".." left
        if (!isInFolder(target)) {
            throw new HttpError("405 Method Not Allowed", "only files of /uploads/ may be uploaded", "Allow: GET, HEAD");
        }
        Path folder = file.getParent();
        if (!Htdocs.isFolder(folder, Htdocs.attributesOf(folder)) || Htdocs.isHidden(file.getFileName())) {
            throw new HttpError("404 Not Found", "no such folder, or a hidden name"); // or outside: the same answer
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new HttpError("403 Forbidden", "a folder has that name");
        }
        return file;
    }

    /** Whether the target names a file of htdocs/uploads (not the folder itself): there, PUT is allowed. */
    static boolean isInFolder(String target) {
        try {
            Path file = Htdocs.fileOf(Htdocs.pathOf(target));
            return file.startsWith(FOLDER) && !file.equals(FOLDER);
        } catch (HttpError notAFile) { // "*", a broken %XX: no file at all
            return false;
        }
    }
}
