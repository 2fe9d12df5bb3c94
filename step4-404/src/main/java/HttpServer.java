///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
// Step 4: a web server that answers with the file the request names, or 404 Not Found.

// The web root: the folder htdocs in the working directory (run from the repository root).
final Path HTDOCS = Path.of("htdocs");

void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
    if (!Files.isDirectory(HTDOCS)) {
        System.err.println("No htdocs folder in " + HTDOCS.toAbsolutePath().getParent()
                + ": run the server from the repository root.");
        System.exit(1);
    }
    try (var server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) { // 127.0.0.1 only
        IO.println("Listening on port " + server.getLocalPort() + " ...");
        while (true) {
            // One connection at a time: accept it, serve it, close it, then the next one.
            try (Socket client = server.accept()) {
                serve(client);
            } catch (IOException | RuntimeException e) {
                IO.println("Connection failed: " + e); // only this connection failed: go on
            }
        }
    }
}

void serve(Socket client) throws IOException {
    String request = readHead(client);
    if (!request.isEmpty()) { // empty: the client left without a word (browsers do this)
        IO.println(request); // the head, then an empty line between requests
        respond(request, client.getOutputStream());
    }
}

// Reads the head up to the empty line (TCP may cut it in pieces); ISO-8859-1: a char per byte.
String readHead(Socket client) throws IOException {
    var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
    var head = new StringBuilder();
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        head.append(line).append("\r\n");
    }
    return head.toString();
}

// The status line, the empty line that ends the (header-less) head, then the body.
void respond(String request, OutputStream out) throws IOException {
    // normalize() removes "." and "..": "htdocs/sub/../ipsum.html" becomes "htdocs/ipsum.html".
    Path file = Path.of("htdocs" + requestedPath(request)).normalize();
    if (!isServable(file)) {
        out.write("HTTP/1.0 404 Not Found\r\n\r\nFile Not Found".getBytes(StandardCharsets.US_ASCII));
        return;
    }
    // Read afresh for every request, as bytes: the page goes out exactly as stored.
    byte[] page = Files.readAllBytes(file);
    out.write("HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.write(page);
}

// The path is the second word of the request line: "GET /ipsum.html HTTP/1.0".
String requestedPath(String request) {
    String requestLine = request.lines().findFirst().orElse("");
    String path = requestLine.split(" ")[1]; // no second word: an exception, no answer
    return path.equals("/") ? "/index.html" : path;
}

// Only a regular file that really lies inside htdocs: no "..", no link may lead out.
boolean isServable(Path file) throws IOException {
    // toRealPath() follows every link: where the file really is. startsWith compares whole
    // folder names, so "htdocs-private" is not inside "htdocs".
    return Files.isRegularFile(file) && file.toRealPath().startsWith(HTDOCS.toRealPath());
}
