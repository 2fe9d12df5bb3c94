import module java.base;

/** The web root, the folder htdocs: the only files the server sends, and how a URL names them. */
final class Htdocs {
    // In the working directory: run the server from the repository root.
    static final Path ROOT = Path.of("htdocs");
    // A whole URL as target, as clients send it to a proxy: a server takes it too (RFC 9112 §3.2.2).
    static final Pattern ABSOLUTE_FORM = Pattern.compile("(?i)http://[^/?#]*/?(.*)");

    /** The path of a target, still encoded: "/docs" of "/docs?x=1" or of "http://localhost/docs". */
    static String pathOf(String target) throws HttpError {
        Matcher absolute = ABSOLUTE_FORM.matcher(target);
        String pathAndQuery = absolute.matches() ? "/" + absolute.group(1) : target;
        if (!pathAndQuery.startsWith("/")) {
            throw new HttpError("400 Bad Request", "the target is neither a path nor an http URL");
        }
        int query = pathAndQuery.indexOf('?'); // the query is for programs: a file server ignores it
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    /** The file or folder a path names, decoded first: "%2e%2e" is "..", and only decoding shows it. */
    static Path fileOf(String path) throws HttpError {
        String decoded = percentDecode(path);
        try {
            // normalize() removes "." and "..": "htdocs/sub/../ipsum.html" becomes "htdocs/ipsum.html".
            return Path.of(ROOT + decoded).normalize();
        } catch (InvalidPathException noSuchName) { // a name no file can have: a NUL byte (%00)
            throw new HttpError("404 Not Found", "there is no such file");
        }
    }

    /** Each %XX becomes the byte XX, then the bytes are read as UTF-8 (RFC 3986 §2): "caf%C3%A9" is "café". */
    static String percentDecode(String path) throws HttpError {
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) != '%') {
                bytes.write(path.charAt(i)); // "+" stays "+": a space is "+" in forms, not in paths
            } else if (i + 2 < path.length() && HexFormat.isHexDigit(path.charAt(i + 1))
                    && HexFormat.isHexDigit(path.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(path, i + 1, i + 3));
                i += 2;
            } else {
                throw new HttpError("400 Bad Request", "a % in the URL is not followed by two hex digits");
            }
        }
        try { // a new decoder reports bytes that are not UTF-8, where new String() would replace them
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new HttpError("400 Bad Request", "the URL's bytes are not UTF-8");
        }
    }

    /** What the system knows of a file, asked once (a stat): its kind, size and time. Null: no such file. */
    static BasicFileAttributes attributesOf(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException noSuchFileOrNotAllowed) { // the answer Files.isDirectory gave: no
            return null;
        }
    }

    static boolean isFolder(Path file, BasicFileAttributes attributes) throws IOException {
        return attributes != null && attributes.isDirectory() && isInside(file);
    }

    /** Only a regular file: not a folder, a pipe (which would block the read), or a device. */
    static boolean isServable(Path file, BasicFileAttributes attributes) throws IOException {
        return attributes != null && attributes.isRegularFile() && isInside(file);
    }

    /** Really inside htdocs, no link leading out, no hidden name (.git, .env) on the way, asked or real. */
    static boolean isInside(Path path) throws IOException {
        if (path.startsWith(ROOT) && isPlain(path)) {
            return !isHidden(ROOT.relativize(path)); // no link below htdocs: the file is where its path says
        }
        // toRealPath() follows every link: where the file really is. startsWith compares whole
        // folder names, so "htdocs-private" is not inside "htdocs".
        Path root = ROOT.toRealPath();
        Path real = path.toRealPath();
        return real.startsWith(root) && !isHidden(ROOT.relativize(path)) && !isHidden(root.relativize(real));
    }

    // No link below htdocs: an lstat per name (one for htdocs/index.html), where toRealPath() asks about each from /.
    static boolean isPlain(Path path) throws IOException {
        for (Path name = path; !name.equals(ROOT); name = name.getParent()) {
            var attributes = Files.readAttributes(name, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink() || attributes.isOther() || name.getFileName().toString().contains("~")) {
                return false; // a link; a Windows junction (a folder, and other); "GIT~1", Windows' short .git?
            }
        }
        return true;
    }

    static boolean isHidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** A folder's URL, from its name, never from the request ("//evil.example" is another site), encoded. */
    static String urlOf(Path folder) {
        var url = new StringBuilder("/");
        for (Path name : ROOT.relativize(folder)) { // htdocs itself is one empty name: its URL is "/", not "//"
            // URLEncoder encodes for forms, where a space is "+"; in a path it is "%20".
            String encoded = URLEncoder.encode(name.toString(), StandardCharsets.UTF_8).replace("+", "%20");
            url.append(encoded).append(encoded.isEmpty() ? "" : "/");
        }
        return url.toString();
    }
}
