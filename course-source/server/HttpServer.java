///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//SOURCES
//| // Step 1: a web server that answers every request with "Hello World". //@ 1
//| // Step 2: a web server that answers every request with the page htdocs/index.html. //@ 2
//| // Step 3: a web server that answers with the file of htdocs that the request names. //@ 3
//| // Step 4: a web server that answers with the file the request names, or 404 Not Found. //@ 4
//| // Step 5: step 4 for many clients at once, where no client can hold up the others. //@ 5
//| // Step 6: complete answers: Date, Content-Type, Content-Length, and HEAD. //@ 6
//| // Step 7: a clear no: HTTP's grammar, and an answer to every request the server cannot serve. //@ 7
//| // Step 8: the target is a URL: percent-decoded, with a query; folders, and hidden files. //@ 8
// Step 9: caching: Last-Modified and ETag, and 304 Not Modified when the client's copy is good. //@ 9
//@ 2-7
//|
//| // The web root: the folder htdocs in the working directory (run from the repository root).
//| final Path HTDOCS = Path.of("htdocs");
//@ end
//@ 5+
// Connections the system keeps waiting for accept(): step 4's 50 are too few for a crowd.
final int BACKLOG = 1000;
//@ end
//@ 2+

//@ end
//| void main(String[] args) throws IOException { //@ 1-4
void main(String[] args) throws IOException, InterruptedException { //@ 5+
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
    //@ 2+
    //| if (!Files.isDirectory(HTDOCS)) { //@ 2-7
    //|     System.err.println("No htdocs folder in " + HTDOCS.toAbsolutePath().getParent() //@ 2-7
    if (!Files.isDirectory(Htdocs.ROOT)) { //@ 8+
        System.err.println("No htdocs folder in " + Htdocs.ROOT.toAbsolutePath().getParent() //@ 8+
                + ": run the server from the repository root.");
        System.exit(1);
    }
    //@ end
    //| try (var server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) { // 127.0.0.1 only //@ 1-4
    try (var server = new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress())) { // 127.0.0.1 only //@ 5+
        IO.println("Listening on port " + server.getLocalPort() + " ...");
        while (true) {
            //| // One connection at a time: accept it, serve it, close it, then the next one. //@ 1-4
            //| try (Socket client = server.accept()) { //@ 1-4
            //|     serve(client); //@ 1-4
            //| } catch (IOException | RuntimeException e) { //@ 1-4
            //|     IO.println("Connection failed: " + e); // only this connection failed: go on //@ 1-4
            //@ 5+
            try {
                Socket client = server.accept();
                // A thread of its own for each connection: a client that waits holds up only itself.
                // Virtual threads cost little memory, so a crowd of idle clients costs little too.
                Thread.ofVirtual().start(() -> serveAndClose(client));
            } catch (IOException e) { // "Too many open files", say: the server is full, not broken
                IO.println("Accept failed: " + e);
                Thread.sleep(100); // until some connections close, rather than failing in a tight loop
            //@ end
            }
        }
    }
}
//@ 5+

void serveAndClose(Socket client) {
    try (client) {
        serve(client);
    } catch (IOException | RuntimeException e) {
        IO.println("Connection failed: " + e); // only this connection failed: go on
    }
}
//@ end

//@ 1-4
//| void serve(Socket client) throws IOException {
//|     String request = readHead(client);
//|     if (!request.isEmpty()) { // empty: the client left without a word (browsers do this)
//|         IO.println(request); // the head, then an empty line between requests
//|         respond(request, client.getOutputStream());
//|     }
//| }
//|
//| // Reads the head up to the empty line (TCP may cut it in pieces); ISO-8859-1: a char per byte.
//| String readHead(Socket client) throws IOException {
//|     var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
//|     var head = new StringBuilder();
//|     for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
//|         head.append(line).append("\r\n");
//|     }
//|     return head.toString();
//| }
//@ end
//@ 5-6
//| void serve(Socket client) throws IOException {
//|     List<String> head = Request.readHead(new BufferedInputStream(new LimitedInput(client)));
//|     if (!head.isEmpty()) { // empty: the client left without a word (browsers do this)
//|         IO.println(String.join("\r\n", head) + "\r\n"); // the head, then an empty line between requests
//|         respond(head.getFirst(), client.getOutputStream());
//|     }
//| }
//@ end
//@ 1-6
//|
//| // The status line, the empty line that ends the (header-less) head, then the body. //@ 1-5
//| // The file the request names, or 404 Not Found. HEAD gets the head GET would get, no body. //@ 6
//| void respond(String request, OutputStream out) throws IOException {
//|     out.write("HTTP/1.0 200 OK\r\n\r\nHello World".getBytes(StandardCharsets.US_ASCII)); //@ 1
//@ 4-6
//|     // normalize() removes "." and "..": "htdocs/sub/../ipsum.html" becomes "htdocs/ipsum.html".
//|     Path file = Path.of("htdocs" + requestedPath(request)).normalize();
//@ end
//@ 4-5
//|     if (!isServable(file)) {
//|         out.write("HTTP/1.0 404 Not Found\r\n\r\nFile Not Found".getBytes(StandardCharsets.US_ASCII));
//|         return;
//|     }
//@ end
//@ 2-5
//|     // Read afresh for every request, as bytes: the page goes out exactly as stored.
//|     byte[] page = Files.readAllBytes(HTDOCS.resolve("index.html")); //@ 2
//|     // "htdocs" + "/ipsum.html", glued as text, as the article does. A missing file throws //@ 3
//|     // here: the connection closes without an answer (step 4 fixes it). //@ 3
//|     byte[] page = Files.readAllBytes(Path.of("htdocs" + requestedPath(request))); //@ 3
//|     byte[] page = Files.readAllBytes(file); //@ 4
//@ 2-4
//|     out.write("HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
//|     out.write(page);
//@ end
//@ end
//@ 5
//|     try (InputStream page = Files.newInputStream(file)) { // opened first: if that fails, nothing was sent
//|         out.write("HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
//|         page.transferTo(out); // a buffer at a time: a huge file costs no more memory than a small one
//|     }
//@ end
//@ 6
//|     Response response = isServable(file) ? Response.file(file) : Response.text("404 Not Found", "File Not Found");
//|     response.send(out, !request.startsWith("HEAD "));
//@ end
//| }
//@ end
//@ 7+
// Reads a request and answers it: with the file it names, or with an error that says why not.
void serve(Socket client) throws IOException {
    Response response;
    boolean withBody = true;
    try {
        List<String> head = Request.readHead(new BufferedInputStream(new LimitedInput(client)));
        if (head.isEmpty()) {
            return; // the client left without a word (browsers do this)
        }
        IO.println(String.join("\r\n", head) + "\r\n"); // the head, then an empty line between requests
        Request request = Request.parse(head);
        withBody = !request.method().equals("HEAD"); // HEAD: the head GET would get, no body
        response = respond(request);
    } catch (HttpError error) {
        response = error.response(); // never a silent close: the client learns what was wrong
    }
    response.send(client.getOutputStream(), withBody);
}

//@ 7
//| // The file the request names, or 404 Not Found.
//| Response respond(Request request) throws IOException {
//|     // normalize() removes "." and "..": "htdocs/sub/../ipsum.html" becomes "htdocs/ipsum.html".
//|     Path file = Path.of("htdocs" + requestedPath(request.target())).normalize();
//|     return isServable(file) ? Response.file(file) : Response.text("404 Not Found", "File Not Found");
//| }
//@ end
//@ 8+
// The file the target names; for a folder, its index.html, at its URL that ends with "/".
Response respond(Request request) throws IOException, HttpError {
    String path = Htdocs.pathOf(request.target());
    Path file = Htdocs.fileOf(path);
    if (Htdocs.isFolder(file)) {
        if (!path.endsWith("/")) { // else the relative links of its index.html would lead to its parent
            String location = Htdocs.urlOf(file);
            throw new HttpError("301 Moved Permanently", "moved to " + location, "Location: " + location);
        }
        file = file.resolve("index.html");
    }
    if (!Htdocs.isServable(file)) {
        throw new HttpError("404 Not Found", "there is no such file"); // hidden or outside: the same answer
    }
    //| return Response.file(file); //@ 8
    //@ 9+
    Validators validators = Validators.of(file);
    if (validators.match(request.headers())) { // the client's copy is still good: no body (RFC 9110 §15.4.5)
        return new Response("304 Not Modified", validators.headers(), InputStream.nullInputStream());
    }
    return Response.file(file).with(validators.headers());
    //@ end
}
//@ end
//@ end
//@ 3-7
//|
//| // The path is the second word of the request line: "GET /ipsum.html HTTP/1.0". //@ 3-6
//| String requestedPath(String request) { //@ 3-6
//| // The file a target names: "/" means "/index.html". //@ 7
//| String requestedPath(String path) { //@ 7
//|     String requestLine = request.lines().findFirst().orElse(""); //@ 3-4
//|     String path = requestLine.split(" ")[1]; // no second word: an exception, no answer //@ 3-4
//|     String path = request.split(" ")[1]; // no second word: an exception, no answer //@ 5-6
//|     return path.equals("/") ? "/index.html" : path;
//| }
//@ end
//@ 4-7
//|
//| // Only a regular file that really lies inside htdocs: no "..", no link may lead out.
//| boolean isServable(Path file) throws IOException {
//|     // toRealPath() follows every link: where the file really is. startsWith compares whole
//|     // folder names, so "htdocs-private" is not inside "htdocs".
//|     return Files.isRegularFile(file) && file.toRealPath().startsWith(HTDOCS.toRealPath());
//| }
//@ end
