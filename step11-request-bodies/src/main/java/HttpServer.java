///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//SOURCES Body.java Htdocs.java HttpError.java LimitedInput.java MediaTypes.java Request.java Response.java Validators.java
// Step 11: request bodies, framed by Content-Length or in chunks, read to be forgotten.

// Connections the system keeps waiting for accept(): step 4's 50 are too few for a crowd.
final int BACKLOG = 1000;
// After 1000 requests (nginx's default), a connection closes: its client takes its turn like others.
final int REQUESTS_PER_CONNECTION = 1000;

void main(String[] args) throws IOException, InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
    if (!Files.isDirectory(Htdocs.ROOT)) {
        System.err.println("No htdocs folder in " + Htdocs.ROOT.toAbsolutePath().getParent()
                + ": run the server from the repository root.");
        System.exit(1);
    }
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor(); // a new virtual thread per task
    try (var server = new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress())) { // 127.0.0.1 only
        IO.println("Listening on port " + server.getLocalPort() + " ...");
        while (true) {
            try {
                Socket client = server.accept();
                // A thread of its own for each connection: a client that waits holds up only itself.
                // Virtual threads cost little memory, so a crowd of idle clients costs little too.
                threads.execute(() -> serveAndClose(client));
            } catch (IOException e) { // "Too many open files", say: the server is full, not broken
                IO.println("Accept failed: " + e);
                Thread.sleep(100); // until some connections close, rather than failing in a tight loop
            }
        }
    }
}

void serveAndClose(Socket client) {
    try (client) {
        serve(client);
    } catch (IOException | RuntimeException e) {
        IO.println("Connection failed: " + e); // only this connection failed: go on
    }
}

// The requests of a connection, answered in turn, until the client closes it, asks for the close,
// or a limit closes it (RFC 9112 §9.3). With pipelining, the next request may have come already.
void serve(Socket client) throws IOException {
    var in = new LimitedInput(client); // one buffer for the connection: it may hold the next request already
    var out = new BufferedOutputStream(client.getOutputStream()); // an answer leaves in as few packets as it can
    for (int count = 1; serveRequest(in, out, count == REQUESTS_PER_CONNECTION); count++) {
        out.flush();
        in.startRequest();
    }
    out.flush();
    closeGently(client, in);
}

// Closes without losing the end of the last answer (RFC 9112 §9.6): first our side, so the client
// reads the answer to its end; then the client's bytes (a body not read, requests sent with this
// one) are read and forgotten until it closes too, within TIME and Body.LIMIT. Closed with bytes
// unread, a socket sends a reset instead, and the client may lose the answer.
void closeGently(Socket client, LimitedInput in) {
    try {
        client.shutdownOutput();
        in.startRequest();
        in.startBody(Body.LIMIT);
        in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException timedOutOrTooMuch) {
        // the socket closes now, in any case
    }
}

// Reads a request and answers it: with the file, or with an error that says why not. True: keep open.
boolean serveRequest(LimitedInput in, OutputStream out, boolean last) throws IOException {
    Response response;
    boolean withBody = true;
    boolean keepOpen = false;
    try {
        List<String> head = Request.readHead(in);
        if (head.isEmpty()) {
            return false; // the client closed the connection, or left it idle too long
        }
        IO.println(String.join("\r\n", head) + "\r\n"); // the head, then an empty line between requests
        withBody = !head.getFirst().startsWith("HEAD "); // HEAD: a head alone, even an error's from parse
        Request request = Request.parse(head);
        // Set before respond: its 404 keeps the connection; an unreadable head, or body, closes it.
        keepOpen = Body.skip(request, in) && request.wantsToKeepOpen() && !last;
        response = respond(request);
    } catch (HttpError error) {
        response = error.response(); // never a silent close: the client learns what was wrong
    }
    response.with(List.of(keepOpen ? "Connection: keep-alive" : "Connection: close")).send(out, withBody);
    return keepOpen;
}

// The file the target names; for a folder, its index.html, at its URL that ends with "/".
Response respond(Request request) throws IOException, HttpError {
    request.requireGetOrHead();
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
    Validators validators = Validators.of(file);
    if (validators.match(request.headers())) { // the client's copy is still good: no body (RFC 9110 §15.4.5)
        return new Response("304 Not Modified", validators.headers(), InputStream.nullInputStream());
    }
    return Response.file(file).with(validators.headers());
}
