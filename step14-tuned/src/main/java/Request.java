import module java.base;

/** A request's head, read as HTTP's grammar says (RFC 9112): what the client asks for, and how. */
record Request(String method, String target, String version, Map<String, String> headers) {

    // A token (RFC 9110 §5.6.2) names a method or a header field.
    static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    // method SP request-target SP HTTP-version: single spaces; the target is visible ASCII.
    static final Pattern REQUEST_LINE = Pattern.compile("(" + TOKEN + ") ([\\x21-\\x7E]+) (HTTP/\\d\\.\\d)");
    // Name:value, no space before the colon; the value holds no control byte but the tab.
    static final Pattern HEADER_LINE = Pattern.compile("(" + TOKEN + "):([\\t\\x20-\\x7E\\x80-\\xFF]*)");
    // The methods HTTP defines (RFC 9110 §9, RFC 5789), but GET and HEAD.
    static final Set<String> OTHER_METHODS = Set.of("POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
    static final long CHUNKED = -1;

    /** The head's lines, up to the empty line that ends it; none when the client left without a word. */
    static List<String> readHead(InputStream in) throws IOException, HttpError {
        List<String> head = new ArrayList<>();
        try {
            for (String line = readLine(in); line != null; line = readLine(in)) {
                if (!line.isEmpty()) {
                    head.add(line);
                } else if (!head.isEmpty()) {
                    break; // an empty line before the request line is ignored (RFC 9112 §2.2)
                }
            }
        } catch (SocketTimeoutException idle) {
            if (!head.isEmpty()) {
                throw idle;
            }
            return head; // no request came in time: the connection was idle, and closes quietly
        } catch (LimitedInput.TooLarge e) {
            // Too long in the request line: its target is (RFC 9112 §3); later: the header lines (RFC 6585 §5).
            throw new HttpError(head.isEmpty() ? "414 URI Too Long" : "431 Request Header Fields Too Large",
                    "the request head is longer than " + LimitedInput.SIZE + " bytes");
        }
        return head;
    }

    /**
     * One line, without its CRLF or its bare LF, which RFC 9112 §2.2 lets a server accept. A bare
     * CR stays in the line, and makes it malformed (BufferedReader.readLine would end the line there).
     */
    static String readLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                return line.isEmpty() ? null : line.toString(); // the client closed the connection
            }
            line.append((char) b); // ISO-8859-1: each byte is one char, nothing lost or guessed
        }
        int last = line.length() - 1;
        return last >= 0 && line.charAt(last) == '\r' ? line.substring(0, last) : line.toString();
    }

    /** The request the head says, or the error that says what is wrong with it. */
    static Request parse(List<String> head) throws HttpError {
        Matcher requestLine = REQUEST_LINE.matcher(head.getFirst());
        if (!requestLine.matches()) {
            throw new HttpError("400 Bad Request", "the request line is not METHOD TARGET HTTP/x.y");
        }
        String version = requestLine.group(3);
        if (!version.startsWith("HTTP/1.")) { // 1.0 and 1.1, and a later 1.x read as 1.1 (RFC 9110 §2.5)
            throw new HttpError("505 HTTP Version Not Supported", "this server speaks HTTP/1.0 and HTTP/1.1");
        }
        Map<String, String> headers = new HashMap<>();
        for (String line : head.subList(1, head.size())) {
            Matcher header = HEADER_LINE.matcher(line);
            if (!header.matches()) {
                throw new HttpError("400 Bad Request", "a header line is not Name: value");
            }
            // Names are case-insensitive (RFC 9110 §5.1); a field sent twice is one list (§5.3).
            headers.merge(header.group(1).toLowerCase(Locale.ROOT), header.group(2).strip(), (a, b) -> a + ", " + b);
        }
        String host = headers.get("host"); // every HTTP/1.1 request names its host, once (RFC 9112 §3.2)
        if (!version.equals("HTTP/1.0") && (host == null || host.contains(","))) {
            throw new HttpError("400 Bad Request", "an HTTP/1.1 request needs one Host header");
        }
        return new Request(requestLine.group(1), requestLine.group(2), version, headers);
    }

    /** A file server sends files: GET and HEAD. The other methods HTTP defines get 405, unknown ones 501. */
    void requireGetOrHead() throws HttpError {
        if (OTHER_METHODS.contains(method)) {
            throw new HttpError("405 Method Not Allowed", "this server only sends files", "Allow: GET, HEAD");
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new HttpError("501 Not Implemented", "no such method here: " + method);
        }
    }

    /** Whether the client asks to keep the connection (RFC 9112 §9.3): never with close; 1.0 if keep-alive. */
    boolean wantsToKeepOpen() {
        // "Connection: Keep-Alive, Upgrade": a list of options, whose names ignore letter case.
        List<String> options = Stream.of(headers.getOrDefault("connection", "").split(","))
                .map(option -> option.strip().toLowerCase(Locale.ROOT)).toList();
        return !options.contains("close") && (!version.equals("HTTP/1.0") || options.contains("keep-alive"));
    }

    /**
     * Where the body ends (RFC 9112 §6.3): after Content-Length bytes, or after its last chunk
     * (CHUNKED); with neither, there is none. Any doubt is a 400: a server that reads one length
     * where a proxy before it read another finds a request that proxy never saw, smuggled in a body.
     */
    long bodyLength() throws HttpError {
        String transferEncoding = headers.get("transfer-encoding");
        String contentLength = headers.get("content-length");
        if (transferEncoding != null) {
            if (contentLength != null || version.equals("HTTP/1.0")) {
                throw new HttpError("400 Bad Request", "Transfer-Encoding with Content-Length, or in HTTP/1.0");
            }
            if (!transferEncoding.matches("(?i)(.*,)?[ \\t]*chunked")) {
                throw new HttpError("400 Bad Request", "no body length: chunked is not the last coding");
            }
            if (!transferEncoding.equalsIgnoreCase("chunked")) {
                throw new HttpError("501 Not Implemented", "this server knows no transfer coding but chunked");
            }
            return CHUNKED;
        }
        if (contentLength != null && !contentLength.matches("\\d{1,18}")) { // "5, 6" too: sent twice
            throw new HttpError("400 Bad Request", "Content-Length is not one number");
        }
        return contentLength == null ? 0 : Long.parseLong(contentLength);
    }
}
