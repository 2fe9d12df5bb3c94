package httpcourse.spec;

/**
 * What the course's server can do, and the step that teaches it: from that step on, the checks
 * expect it of every answer ({@link Checking} builds each step's expected answers from these).
 */
public enum Feature {
    /** Step 2: the page htdocs/index.html instead of Hello World. */
    INDEX_PAGE(2),
    /** Step 3: the file the request line names. */
    NAMED_FILES(3),
    /** Step 4: 404 Not Found for what is not a file inside htdocs. */
    NOT_FOUND(4),
    /** Step 5: many clients at once, heads within limits, files streamed. */
    MANY_CLIENTS(5),
    /** Step 6: Date, Content-Type, Content-Length; HEAD. */
    COMPLETE_ANSWERS(6),
    /** Step 7: HTTP's grammar; 400, 405, 414, 431, 501, 505, each with a short text. */
    CLEAR_NO(7),
    /** Step 8: the target is a URL: percent-decoding, the query, folders, hidden files. */
    URLS(8),
    /** Step 9: Last-Modified and ETag; 304 Not Modified. */
    CACHING(9),
    /** Step 10: HTTP/1.1, connections kept open, pipelining. */
    KEEP_ALIVE(10),
    /** Step 11: request bodies read, by Content-Length or chunks. */
    REQUEST_BODIES(11),
    /** Step 12: a graceful stop on SIGTERM and Ctrl+C. */
    GRACEFUL_STOP(12),
    /** Step 13: a write timeout, the access log, bounded resources. */
    UNATTENDED(13),
    /** Step 14: measured and tuned; each answer says how long it took (Server-Timing). */
    TUNED(14),
    /** Step 15: uploads: PUT writes a file of htdocs/uploads, whole or not at all. */
    UPLOADS(15),
    /** Step 16: byte ranges: 206 Partial Content, 416, If-Range. */
    RANGES(16),
    /** Step 17: compression: gzip when Accept-Encoding accepts it; a file as it is says no Content-Encoding. */
    COMPRESSION(17);

    private final int firstStep;

    Feature(int firstStep) {
        this.firstStep = firstStep;
    }

    public int firstStep() {
        return firstStep;
    }
}
