///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//SOURCES Htdocs.java HttpError.java LimitedInput.java MediaTypes.java Request.java Response.java
// Step 8: the target is a URL: percent-decoded, with a query; folders, and hidden files.

// Connections the system keeps waiting for accept(): step 4's 50 are too few for a crowd.
final int BACKLOG = 1000;

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
        withBody = !head.getFirst().startsWith("HEAD "); // HEAD: a head alone, even an error's from parse
        Request request = Request.parse(head);
        response = respond(request);
    } catch (HttpError error) {
        response = error.response(); // never a silent close: the client learns what was wrong
    }
    response.send(client.getOutputStream(), withBody);
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
    return Response.file(file);
}
