///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//SOURCES AccessLog.java Body.java Compression.java Connection.java Htdocs.java HttpError.java LimitedInput.java MediaTypes.java Ranges.java Request.java Response.java Upload.java Validators.java
import sun.misc.Signal;

// Step 17: compression: text goes out gzip-compressed, in chunks, when the client can read it.

// Connections the system keeps waiting for accept(): step 4's 50 are too few for a crowd.
final int BACKLOG = 1000;
// After 1000 requests (nginx's default), a connection closes: its client takes its turn like others.
final int REQUESTS_PER_CONNECTION = 1000;
// A stop lets the answers under way finish, for 5 s at most: docker stop waits 10 s, then kills.
final Duration GRACE_PERIOD = Duration.ofSeconds(5);
volatile long stopAsked; // System.nanoTime() of the stop signal; 0 until then
// The open connections: at a stop, those waiting for a request are closed at once.
final Set<Connection> connections = ConcurrentHashMap.newKeySet();
// At most 10 000 connections at once: the next one accepted, and those behind it in the system's
// queue, wait for one to end.
final Semaphore connectionSlots = new Semaphore(10_000);
// A client that reads nothing blocks the write of its answer: sockets time out reads, never writes.
final Duration WRITE_TIME_LIMIT = Duration.ofSeconds(10);

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
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
    if (!Files.isDirectory(Htdocs.ROOT)) {
        System.err.println("No htdocs folder in " + Htdocs.ROOT.toAbsolutePath().getParent()
                + ": run the server from the repository root.");
        System.exit(1);
    }
    Files.createDirectories(Upload.FOLDER); // where clients may write: htdocs/uploads
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor(); // a new virtual thread per task
    try (var server = new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress())) { // 127.0.0.1 only
        handleStopSignals();
        startWatchdog();
        IO.println("Listening on port " + server.getLocalPort() + " ...");
        server.setSoTimeout(100); // accept() returns now and then, to see a stop
        while (stopAsked == 0 || System.nanoTime() - stopAsked < GRACE_PERIOD.toNanos()) {
            try {
                Socket client = server.accept();
                connectionSlots.acquire();
                // A thread of its own for each connection: a client that waits holds up only itself.
                // Virtual threads cost little memory, so a crowd of idle clients costs little too.
                threads.execute(() -> serveAndClose(client));
            } catch (SocketTimeoutException noneWaiting) {
                if (stopAsked != 0) {
                    break; // the system's queue is empty: closing the socket now resets no connection
                }
            } catch (IOException e) { // "Too many open files", say: the server is full, not broken
                IO.println("Accept failed: " + e);
                Thread.sleep(100); // until some connections close, rather than failing in a tight loop
            }
        }
    }
    stop(threads);
}

void serveAndClose(Socket client) {
    try (client) {
        serve(client);
    } catch (IOException | RuntimeException e) {
        IO.println("Connection failed: " + e); // only this connection failed: go on
    } finally {
        connectionSlots.release();
    }
}

// The requests of a connection, answered in turn, until the client closes it, asks for the close,
// or a limit closes it (RFC 9112 §9.3). With pipelining, the next request may have come already.
void serve(Socket client) throws IOException {
    String clientIp = client.getInetAddress().getHostAddress();
    // Each answer is flushed whole: Nagle's algorithm would hold its end until the client's delayed ACK (~40 ms).
    client.setTcpNoDelay(true);
    var connection = new Connection(client);
    var in = new LimitedInput(client); // one buffer for the connection: it may hold the next request already
    var out = new BufferedOutputStream(connection.output()); // an answer leaves in as few packets as it can
    connections.add(connection);
    try {
        // A new connection's first request is always read: it may have come already. Between two
        // requests, a connection is idle, and a stop closes it (Connection.awaitRequest).
        for (int count = 1; (count == 1 || connection.awaitRequest(in, () -> stopAsked != 0))
                && serveRequest(in, out, count == REQUESTS_PER_CONNECTION, clientIp); count++) {
            out.flush();
            in.startRequest();
        }
        out.flush();
    } finally {
        connections.remove(connection); // its answers are sent: the stop does not wait for it
    }
    closeGently(client, in);
}

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
    AccessLog.OUT.flush(); // the lines of the last answers
    IO.println(connections.isEmpty() ? "Stopped." : "Stopped; " + connections.size() + " answer(s) cut short.");
}

// Every second, cuts the connections whose write has waited more than WRITE_TIME_LIMIT: their
// client reads nothing, and would keep a thread, and its answer's buffers, for ever.
void startWatchdog() {
    Thread.ofVirtual().start(() -> {
        while (true) {
            connections.forEach(connection -> connection.abortIfWriteStuck(WRITE_TIME_LIMIT));
            AccessLog.OUT.flush(); // and writes the access log's lines of that second
            try {
                Thread.sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                return;
            }
        }
    });
}

// Closes without losing the end of the last answer (RFC 9112 §9.6): first our side, so the client
// reads the answer to its end; then the client's bytes (a body not read, requests sent with this
// one) are read and forgotten until it closes too, within TIME and Body.LIMIT. Closed with bytes
// unread, a socket sends a reset instead, and the client may lose the answer.
void closeGently(Socket client, LimitedInput in) {
    try {
        if (in.clientDone && in.available() == 0) { // as nginx: nothing came, and nothing will
            return; // closed at once, without waiting for the client to close first
        }
        client.shutdownOutput();
        in.startRequest();
        in.startBody(Body.LIMIT);
        in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException timedOutOrTooMuch) {
        // the socket closes now, in any case
    }
}

// Reads a request and answers it: with the file, or with an error that says why not. True: keep open.
boolean serveRequest(LimitedInput in, OutputStream out, boolean last, String clientIp) throws IOException {
    Response response;
    boolean withBody = true;
    boolean keepOpen = false;
    String requestLine = null;
    boolean upload = false; // a PUT, whose body goes to a file: see Upload
    long started = System.nanoTime(); // reset when the request's head has come: its wait does not count
    try {
        List<String> head = Request.readHead(in);
        if (head.isEmpty()) {
            return false; // the client closed the connection, or left it idle too long
        }
        requestLine = head.getFirst();
        started = System.nanoTime();
        withBody = !head.getFirst().startsWith("HEAD "); // HEAD: a head alone, even an error's from parse
        Request request = Request.parse(head);
        // Set before respond: its 404 keeps the connection; an unreadable head, or body, closes it.
        upload = request.method().equals("PUT");
        boolean bodyRead = upload || Body.skip(request, in); // an upload's body is read into its file
        in.clientDone = bodyRead && !request.wantsToKeepOpen(); // it asked for the close: it sends nothing more
        keepOpen = bodyRead && request.wantsToKeepOpen() && !last && stopAsked == 0;
        response = upload ? Upload.put(request, in, out) : respond(request);
    } catch (HttpError error) {
        response = error.response(); // never a silent close: the client learns what was wrong
        keepOpen &= !upload; // a refused upload's body was not read: the connection closes
    }
    long bodyBytes = -1; // logged as "-" when the answer fails on its way
    try {
        // How long the server took, up to its answer's head (W3C Server Timing): browsers show it.
        String took = "Server-Timing: app;dur=" + (System.nanoTime() - started) / 1000 / 1000.0; // µs, as ms: 0.123
        bodyBytes = response.with(List.of(keepOpen ? "Connection: keep-alive" : "Connection: close", took))
                .send(out, withBody);
    } finally { // every request gets its line, even one whose client left
        AccessLog.OUT.println(AccessLog.line(clientIp, requestLine, response.status(), bodyBytes));
    }
    return keepOpen;
}

// The file the target names; for a folder, its index.html, at its URL that ends with "/".
Response respond(Request request) throws IOException, HttpError {
    request.requireGetOrHead();
    String path = Htdocs.pathOf(request.target());
    Path file = Htdocs.fileOf(path);
    BasicFileAttributes attributes = Htdocs.attributesOf(file); // one stat, for every question below
    if (Htdocs.isFolder(file, attributes)) {
        if (!path.endsWith("/")) { // else the relative links of its index.html would lead to its parent
            String location = Htdocs.urlOf(file);
            throw new HttpError("301 Moved Permanently", "moved to " + location, "Location: " + location);
        }
        file = file.resolve("index.html");
        attributes = Htdocs.attributesOf(file);
    }
    if (!Htdocs.isServable(file, attributes)) {
        throw new HttpError("404 Not Found", "there is no such file"); // hidden or outside: the same answer
    }
    Validators validators = Validators.of(attributes);
    boolean gzip = Compression.chosen(request, file, attributes.size());
    validators = gzip ? validators.gzipped() : validators; // the compressed bytes have a tag of their own
    if (validators.match(request.headers())) { // the client's copy is still good: no body (RFC 9110 §15.4.5)
        return new Response("304 Not Modified", validators.headers(), InputStream.nullInputStream());
    }
    Response whole = Response.file(file);
    return (gzip ? Compression.gzip(whole) : Ranges.part(request, whole, validators)).with(validators.headers());
}
