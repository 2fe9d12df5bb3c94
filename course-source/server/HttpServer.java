///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//SOURCES
import sun.misc.Signal; //@ 12+
//@ 12+

//@ end
//| // Step 1: a web server that answers every request with "Hello World". //@ 1
//| // Step 2: a web server that answers every request with the page htdocs/index.html. //@ 2
//| // Step 3: a web server that answers with the file of htdocs that the request names. //@ 3
//| // Step 4: a web server that answers with the file the request names, or 404 Not Found. //@ 4
//| // Step 5: step 4 for many clients at once, where no client can hold up the others. //@ 5
//| // Step 6: complete answers: Date, Content-Type, Content-Length, and HEAD. //@ 6
//| // Step 7: a clear no: HTTP's grammar, and an answer to every request the server cannot serve. //@ 7
//| // Step 8: the target is a URL: percent-decoded, with a query; folders, and hidden files. //@ 8
//| // Step 9: caching: Last-Modified and ETag, and 304 Not Modified when the client's copy is good. //@ 9
//| // Step 10: HTTP/1.1 keep-alive: one connection, many requests, pipelined or not. //@ 10
//| // Step 11: request bodies, framed by Content-Length or in chunks, read to be forgotten. //@ 11
//| // Step 12: a graceful stop: SIGTERM or Ctrl+C, and every connection already accepted gets its answer. //@ 12
//| // Step 13: a server to leave running: a write timeout, an access log, and every resource bounded. //@ 13
//| // Step 14: measured and tuned: each answer says how long it took, and the server does less for it. //@ 14
//| // Step 15: uploads: PUT writes a file of htdocs/uploads, which GET then serves, whole or not at all. //@ 15
//| // Step 16: byte ranges: a part of a file, for a download that resumes and a video that seeks. //@ 16
// Step 17: compression: text goes out gzip-compressed, in chunks, when the client can read it. //@ 17
//@ 2+

//@ end
//@ 2-7
//| // The web root: the folder htdocs in the working directory (run from the repository root).
//| final Path HTDOCS = Path.of("htdocs");
//@ end
//@ 5+
// Connections the system keeps waiting for accept(): step 4's 50 are too few for a crowd.
final int BACKLOG = 1000;
//@ end
//@ 10+
// After 1000 requests (nginx's default), a connection closes: its client takes its turn like others.
final int REQUESTS_PER_CONNECTION = 1000;
//@ end
//@ 12+
// A stop lets the answers under way finish, for 5 s at most: docker stop waits 10 s, then kills.
final Duration GRACE_PERIOD = Duration.ofSeconds(5);
volatile long stopAsked; // System.nanoTime() of the stop signal; 0 until then
// The open connections: at a stop, those waiting for a request are closed at once.
final Set<Connection> connections = ConcurrentHashMap.newKeySet();
//@ end
//@ 13+
// At most 10 000 connections at once: the next one accepted, and those behind it in the system's
// queue, wait for one to end.
final Semaphore connectionSlots = new Semaphore(10_000);
// A client that reads nothing blocks the write of its answer: sockets time out reads, never writes.
final Duration WRITE_TIME_LIMIT = Duration.ofSeconds(10);
//@ end
//@ 2+

//@ end
//| void main(String[] args) throws IOException { //@ 1-4
//@ 14+
// The accept loop in a virtual thread too: a new connection's thread starts on the same carrier, a third less CPU.
void main(String[] args) throws InterruptedException {
    Thread.ofVirtual().start(() -> {
        try {
            acceptConnections(args);
        } catch (IOException | InterruptedException e) { // the port taken, say: as a failed main would
            e.printStackTrace();
            System.exit(1);
        }
    }).join();
}

void acceptConnections(String[] args) throws IOException, InterruptedException {
//@ end
//| void main(String[] args) throws IOException, InterruptedException { //@ 5-13
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
    Files.createDirectories(Upload.FOLDER); // where clients may write: htdocs/uploads //@ 15+
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor(); // a new virtual thread per task //@ 5+
    //| try (var server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) { // 127.0.0.1 only //@ 1-4
    try (var server = new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress())) { // 127.0.0.1 only //@ 5+
        handleStopSignals(); //@ 12+
        startWatchdog(); //@ 13+
        IO.println("Listening on port " + server.getLocalPort() + " ...");
        server.setSoTimeout(100); // accept() returns now and then, to see a stop //@ 12+
        //| while (true) { //@ 1-11
        while (stopAsked == 0 || System.nanoTime() - stopAsked < GRACE_PERIOD.toNanos()) { //@ 12+
            //| // One connection at a time: accept it, serve it, close it, then the next one. //@ 1-4
            //| try (Socket client = server.accept()) { //@ 1-4
            //|     serve(client); //@ 1-4
            //| } catch (IOException | RuntimeException e) { //@ 1-4
            //|     IO.println("Connection failed: " + e); // only this connection failed: go on //@ 1-4
            //@ 5+
            try {
                Socket client = server.accept();
                connectionSlots.acquire(); //@ 13+
                // A thread of its own for each connection: a client that waits holds up only itself.
                // Virtual threads cost little memory, so a crowd of idle clients costs little too.
                threads.execute(() -> serveAndClose(client));
            //@ 12+
            } catch (SocketTimeoutException noneWaiting) {
                if (stopAsked != 0) {
                    break; // the system's queue is empty: closing the socket now resets no connection
                }
            //@ end
            } catch (IOException e) { // "Too many open files", say: the server is full, not broken
                IO.println("Accept failed: " + e);
                Thread.sleep(100); // until some connections close, rather than failing in a tight loop
            //@ end
            }
        }
    }
    //@ 12+
    stop(threads);
    //@ end
}
//@ 5+

void serveAndClose(Socket client) {
    try (client) {
        serve(client);
    } catch (IOException | RuntimeException e) {
        IO.println("Connection failed: " + e); // only this connection failed: go on
    //@ 13+
    } finally {
        connectionSlots.release();
    //@ end
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
//@ 10+
// The requests of a connection, answered in turn, until the client closes it, asks for the close,
// or a limit closes it (RFC 9112 §9.3). With pipelining, the next request may have come already.
void serve(Socket client) throws IOException {
    String clientIp = client.getInetAddress().getHostAddress(); //@ 13+
    //@ 14+
    // Each answer is flushed whole: Nagle's algorithm would hold its end until the client's delayed ACK (~40 ms).
    client.setTcpNoDelay(true);
    //@ end
    var connection = new Connection(client); //@ 12+
    var in = new LimitedInput(client); // one buffer for the connection: it may hold the next request already
    //| var out = new BufferedOutputStream(client.getOutputStream()); // an answer leaves in as few packets as it can //@ 10-12
    var out = new BufferedOutputStream(connection.output()); // an answer leaves in as few packets as it can //@ 13+
    //@ 10-11
    //| for (int count = 1; serveRequest(in, out, count == REQUESTS_PER_CONNECTION); count++) {
    //|     out.flush();
    //|     in.startRequest();
    //| }
    //| out.flush();
    //| closeGently(client, in); //@ 11
    //@ end
    //@ 12+
    connections.add(connection);
    try {
        // A new connection's first request is always read: it may have come already. Between two
        // requests, a connection is idle, and a stop closes it (Connection.awaitRequest).
        for (int count = 1; (count == 1 || connection.awaitRequest(in, () -> stopAsked != 0))
                //| && serveRequest(in, out, count == REQUESTS_PER_CONNECTION); count++) { //@ 12
                && serveRequest(in, out, count == REQUESTS_PER_CONNECTION, clientIp); count++) { //@ 13+
            out.flush();
            in.startRequest();
        }
        out.flush();
    } finally {
        connections.remove(connection); // its answers are sent: the stop does not wait for it
    }
    closeGently(client, in);
    //@ end
}
//@ 12+

// Handles SIGTERM (kill, docker stop, systemd) and SIGINT (Ctrl+C): the first one asks for a graceful
// stop; a second one, during the stop, ends the server at once. sun.misc.Signal is the JDK's one way
// to handle a signal and stay in control: after a shutdown hook, the JVM exits, whatever happens.
void handleStopSignals() {
    for (String name : List.of("TERM", "INT")) {
        Signal.handle(new Signal(name), signal -> {
            if (stopAsked != 0) {
                IO.println("Stopped at once: SIG" + signal.getName() + " during the stop");
                Runtime.getRuntime().halt(128 + signal.getNumber()); // the status of a process killed by it
            }
            IO.println("Stopping (SIG" + signal.getName() + "): up to " + GRACE_PERIOD.toSeconds() + " s for answers");
            stopAsked = System.nanoTime();
            connections.forEach(Connection::closeIfIdle); // after stopAsked: see Connection.awaitRequest
        });
    }
}

// The end of a stop, once the server socket is closed: the answers under way are finished, each
// closing its connection, for what is left of the grace period; the rest are cut.
void stop(ExecutorService threads) throws InterruptedException {
    threads.shutdown();
    long nanosLeft = GRACE_PERIOD.toNanos() - (System.nanoTime() - stopAsked);
    threads.awaitTermination(Math.max(nanosLeft, 0), TimeUnit.NANOSECONDS);
    AccessLog.OUT.flush(); // the lines of the last answers //@ 14+
    IO.println(connections.isEmpty() ? "Stopped." : "Stopped; " + connections.size() + " answer(s) cut short.");
}
//@ end
//@ 13+

// Every second, cuts the connections whose write has waited more than WRITE_TIME_LIMIT: their
// client reads nothing, and would keep a thread, and its answer's buffers, for ever.
void startWatchdog() {
    Thread.ofVirtual().start(() -> {
        while (true) {
            connections.forEach(connection -> connection.abortIfWriteStuck(WRITE_TIME_LIMIT));
            AccessLog.OUT.flush(); // and writes the access log's lines of that second //@ 14+
            try {
                Thread.sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                return;
            }
        }
    });
}
//@ end
//@ 11+

// Closes without losing the end of the last answer (RFC 9112 §9.6): first our side, so the client
// reads the answer to its end; then the client's bytes (a body not read, requests sent with this
// one) are read and forgotten until it closes too, within TIME and Body.LIMIT. Closed with bytes
// unread, a socket sends a reset instead, and the client may lose the answer.
void closeGently(Socket client, LimitedInput in) {
    try {
        //@ 14+
        if (in.clientDone && in.available() == 0) { // as nginx: nothing came, and nothing will
            return; // closed at once, without waiting for the client to close first
        }
        //@ end
        client.shutdownOutput();
        in.startRequest();
        in.startBody(Body.LIMIT);
        in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException timedOutOrTooMuch) {
        // the socket closes now, in any case
    }
}
//@ end

//@ end
//@ 7+
//| // Reads a request and answers it: with the file it names, or with an error that says why not. //@ 7-9
//| void serve(Socket client) throws IOException { //@ 7-9
// Reads a request and answers it: with the file, or with an error that says why not. True: keep open. //@ 10+
//| boolean serveRequest(LimitedInput in, OutputStream out, boolean last) throws IOException { //@ 10-12
boolean serveRequest(LimitedInput in, OutputStream out, boolean last, String clientIp) throws IOException { //@ 13+
    Response response;
    boolean withBody = true;
    boolean keepOpen = false; //@ 10+
    String requestLine = null; //@ 13+
    boolean upload = false; // a PUT, whose body goes to a file: see Upload //@ 15+
    long started = System.nanoTime(); // reset when the request's head has come: its wait does not count //@ 14+
    try {
        //| List<String> head = Request.readHead(new BufferedInputStream(new LimitedInput(client))); //@ 7-9
        List<String> head = Request.readHead(in); //@ 10+
        if (head.isEmpty()) {
            //| return; // the client left without a word (browsers do this) //@ 7-9
            return false; // the client closed the connection, or left it idle too long //@ 10+
        }
        //| IO.println(String.join("\r\n", head) + "\r\n"); // the head, then an empty line between requests //@ 7-12
        requestLine = head.getFirst(); //@ 13+
        started = System.nanoTime(); //@ 14+
        withBody = !head.getFirst().startsWith("HEAD "); // HEAD: a head alone, even an error's from parse
        Request request = Request.parse(head);
        //@ 10+
        //| // Set before respond: its 404 keeps the connection; an unreadable head above closes it. A body, //@ 10
        //| // which this server does not read, would be read as the next request: close after it. //@ 10
        //| keepOpen = request.wantsToKeepOpen() && !request.hasBody() && !last; //@ 10
        // Set before respond: its 404 keeps the connection; an unreadable head, or body, closes it. //@ 11+
        //| keepOpen = Body.skip(request, in) && request.wantsToKeepOpen() && !last; //@ 11
        //| keepOpen = Body.skip(request, in) && request.wantsToKeepOpen() && !last && stopAsked == 0; //@ 12-13
        //@ 14+
        //| boolean bodyRead = Body.skip(request, in); //@ 14
        upload = request.method().equals("PUT"); //@ 15+
        boolean bodyRead = upload || Body.skip(request, in); // an upload's body is read into its file //@ 15+
        in.clientDone = bodyRead && !request.wantsToKeepOpen(); // it asked for the close: it sends nothing more
        keepOpen = bodyRead && request.wantsToKeepOpen() && !last && stopAsked == 0;
        //@ end
        //@ end
        //| response = respond(request); //@ 7-14
        response = upload ? Upload.put(request, in, out) : respond(request); //@ 15+
    } catch (HttpError error) {
        response = error.response(); // never a silent close: the client learns what was wrong
        keepOpen &= !upload; // a refused upload's body was not read: the connection closes //@ 15+
    }
    //| response.send(client.getOutputStream(), withBody); //@ 7-9
    //@ 10+
    //| response.with(List.of(keepOpen ? "Connection: keep-alive" : "Connection: close")).send(out, withBody); //@ 10-12
    //@ 13+
    long bodyBytes = -1; // logged as "-" when the answer fails on its way
    try {
        //| bodyBytes = response.with(List.of(keepOpen ? "Connection: keep-alive" : "Connection: close")) //@ 13
        //@ 14+
        // How long the server took, up to its answer's head (W3C Server Timing): browsers show it.
        String took = "Server-Timing: app;dur=" + (System.nanoTime() - started) / 1000 / 1000.0; // µs, as ms: 0.123
        bodyBytes = response.with(List.of(keepOpen ? "Connection: keep-alive" : "Connection: close", took))
        //@ end
                .send(out, withBody);
    } finally { // every request gets its line, even one whose client left
        //| IO.println(AccessLog.line(clientIp, requestLine, response.status(), bodyBytes)); //@ 13
        AccessLog.OUT.println(AccessLog.line(clientIp, requestLine, response.status(), bodyBytes)); //@ 14+
    }
    //@ end
    return keepOpen;
    //@ end
}

//@ 7
//| // The file the request names, or 404 Not Found.
//| Response respond(Request request) throws IOException, HttpError {
//|     request.requireGetOrHead();
//|     // normalize() removes "." and "..": "htdocs/sub/../ipsum.html" becomes "htdocs/ipsum.html".
//|     Path file = Path.of("htdocs" + requestedPath(request.target())).normalize();
//|     return isServable(file) ? Response.file(file) : Response.text("404 Not Found", "File Not Found");
//| }
//@ end
//@ 8+
// The file the target names; for a folder, its index.html, at its URL that ends with "/".
Response respond(Request request) throws IOException, HttpError {
    request.requireGetOrHead();
    String path = Htdocs.pathOf(request.target());
    Path file = Htdocs.fileOf(path);
    //| if (Htdocs.isFolder(file)) { //@ 8-13
    BasicFileAttributes attributes = Htdocs.attributesOf(file); // one stat, for every question below //@ 14+
    if (Htdocs.isFolder(file, attributes)) { //@ 14+
        if (!path.endsWith("/")) { // else the relative links of its index.html would lead to its parent
            String location = Htdocs.urlOf(file);
            throw new HttpError("301 Moved Permanently", "moved to " + location, "Location: " + location);
        }
        file = file.resolve("index.html");
        attributes = Htdocs.attributesOf(file); //@ 14+
    }
    //| if (!Htdocs.isServable(file)) { //@ 8-13
    if (!Htdocs.isServable(file, attributes)) { //@ 14+
        throw new HttpError("404 Not Found", "there is no such file"); // hidden or outside: the same answer
    }
    //| return Response.file(file); //@ 8
    //@ 9+
    //| Validators validators = Validators.of(file); //@ 9-13
    Validators validators = Validators.of(attributes); //@ 14+
    //@ 17+
    boolean gzip = Compression.chosen(request, file, attributes.size());
    validators = gzip ? validators.gzipped() : validators; // the compressed bytes have a tag of their own
    //@ end
    if (validators.match(request.headers())) { // the client's copy is still good: no body (RFC 9110 §15.4.5)
        return new Response("304 Not Modified", validators.headers(), InputStream.nullInputStream());
    }
    //| return Response.file(file).with(validators.headers()); //@ 9-15
    //| return Ranges.part(request, Response.file(file), validators).with(validators.headers()); //@ 16
    Response whole = Response.file(file); //@ 17+
    return (gzip ? Compression.gzip(whole) : Ranges.part(request, whole, validators)).with(validators.headers()); //@ 17+
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
