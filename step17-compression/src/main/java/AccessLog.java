import module java.base;

/** The access log in the Common Log Format, which log tools read (Apache's, and nginx's default). */
final class AccessLog {
    // "25/Nov/2026:15:49:56 +0100": the server's time zone, as Apache and nginx write it.
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneId.systemDefault());
    // Lines wait in a buffer, written every second by the watchdog and at the end of a stop: one write for hundreds.
    static final PrintStream OUT = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out),
            64 * 1024), false, StandardCharsets.UTF_8);

    /**
     * One request: who, "-" for two fields nobody uses, when it ended, the request line, the status,
     * the body's bytes. 127.0.0.1 - - [25/Nov/2026:15:49:56 +0100] "GET /ipsum.html HTTP/1.1" 200 435
     */
    static String line(String clientIp, String requestLine, String status, long bodyBytes) {
        return clientIp + " - - [" + TIME.format(Instant.now()) + "] \""
                + (requestLine == null ? "-" : escape(requestLine)) + "\" " + status.substring(0, 3) + " "
                + (bodyBytes > 0 ? bodyBytes : "-");
    }

    /**
     * The client's text, safe to print and to read back: a control byte (ESC starts a terminal's
     * commands), a byte beyond ASCII, a quote (which would end the field) or a backslash becomes
     * \xHH, as in nginx's log.
     */
    static String escape(String text) {
        var safe = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                safe.append("\\x").append(HexFormat.of().toHexDigits((byte) c));
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }
}
