package httpcourse.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The requests the specs send, written out byte for byte. */
public final class Requests {

    /** A token (RFC 9110 §5.6.2): a method, a header field's name, a metric's name. */
    static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    /**
     * A head a server can read (RFC 9112 §2.2, §3, §5): maybe an empty line, which it ignores, then
     * METHOD TARGET HTTP/1.x, then lines Name: value.
     */
    private static final Pattern READABLE = Pattern.compile("(\r?\n)?" + TOKEN + " [!-~]+ HTTP/1\\.\\d\r?\n(" + TOKEN
            + ":[\t -~\u0080-\u00ff]*\r?\n)*\r?\n");

    private static final Pattern HEAD_END = Pattern.compile("\r?\n\r?\n");

    private Requests() {
    }

    /** The smallest valid request, as typed by hand in nc or telnet. */
    public static String get(String path) {
        return "GET " + path + " HTTP/1.0\r\n\r\n";
    }

    /** The article's form submission, in its exact shape. */
    public static String postForm(String path) {
        return "POST " + path + " HTTP/1.0\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 21\r\n"
                + "\r\n"
                + "name=John&surname=Doe";
    }

    /** An HTTP/1.1 request, with the Host header it needs: the connection stays open after it. */
    public static String http11(String method, String path) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    /** The same, asking the server to close the connection after its answer. */
    public static String http11Closing(String method, String path) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    }

    /** An HTTP/1.1 request with more header lines ({@code headers}: CRLF between them, none at the end). */
    public static String http11(String method, String path, String headers) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n\r\n";
    }

    /** The same, asking the server to close the connection after its answer. */
    public static String http11Closing(String method, String path, String headers) {
        return http11(method, path, headers + "\r\nConnection: close");
    }

    /**
     * Whether the client of this request expects the connection to close after the answer
     * (RFC 9112 §9.3): it says "Connection: close", or it is HTTP/1.0 without "keep-alive".
     */
    public static boolean asksToClose(String request) {
        String[] lines = head(request).split("\r?\n");
        boolean http10 = !isHttp11(request);
        boolean close = false;
        boolean keepAlive = false;
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            String[] field = lines[i].split(":", 2);
            if (field.length == 2 && field[0].equalsIgnoreCase("Connection")) {
                for (String option : field[1].split(",")) {
                    close |= option.strip().equalsIgnoreCase("close");
                    keepAlive |= option.strip().equalsIgnoreCase("keep-alive");
                }
            }
        }
        return close || http10 && !keepAlive;
    }

    /**
     * Whether the connection must close after the answer: the client asks for it, or the server
     * cannot read the head, and so cannot tell where the next request starts (RFC 9112 §9.6).
     */
    public static boolean mustClose(String request) {
        return asksToClose(request) || !READABLE.matcher(request).lookingAt();
    }

    /** Whether the request line ends with HTTP/1.1, or a later HTTP/1.x: a server reads it as 1.1 (RFC 9110 §2.5). */
    public static boolean isHttp11(String request) {
        String[] requestLine = requestLine(request);
        return requestLine.length == 3 && requestLine[2].matches("HTTP/1\\.[1-9]");
    }

    /** Whether the request line ends with HTTP/1.0. */
    public static boolean isHttp10(String request) {
        String[] requestLine = requestLine(request);
        return requestLine.length == 3 && requestLine[2].equals("HTTP/1.0");
    }

    /**
     * The words of the request line, after the empty line a server ignores before it: method, target,
     * version (fewer or more when it is malformed).
     */
    static String[] requestLine(String request) {
        return head(request).replaceFirst("^\r?\n", "").split("\r?\n", 2)[0].split(" ");
    }

    /** Whether the head has a field of that name, in any letter case. */
    public static boolean hasField(String request, String name) {
        return value(request, name) != null;
    }

    /** The value of the head's first field of that name, in any letter case, stripped; null when it has none. */
    static String value(String request, String name) {
        String[] lines = head(request).split("\r?\n");
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            String[] field = lines[i].split(":", 2);
            if (field[0].strip().equalsIgnoreCase(name)) {
                return field.length < 2 ? "" : field[1].strip();
            }
        }
        return null;
    }

    /**
     * The last head of requests sent one after another on a connection ({@code sent}: all of them, as an
     * exchange records them); null when none ends, or one has a body, which hides where the next begins.
     */
    static String lastHead(String sent) {
        Matcher end = HEAD_END.matcher(sent);
        String last = null;
        for (int start = 0; end.find(); start = end.end()) {
            last = sent.substring(start, end.end());
            if (hasField(last, "Content-Length") || hasField(last, "Transfer-Encoding")) {
                return null;
            }
        }
        return last;
    }

    /**
     * The request's head again, with {@code name}: {@code value} in place of its own field of that name, and
     * Connection: close: a probe that changes one thing of a request that had no body.
     */
    static String withField(String request, String name, String value) {
        String[] lines = head(request).replaceFirst("^\r?\n", "").split("\r?\n");
        StringBuilder again = new StringBuilder(lines[0]).append("\r\n");
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            String field = lines[i].split(":", 2)[0].strip();
            if (!field.equalsIgnoreCase(name) && !field.equalsIgnoreCase("Connection")) {
                again.append(lines[i]).append("\r\n");
            }
        }
        return again.append(name).append(": ").append(value).append("\r\nConnection: close\r\n\r\n").toString();
    }

    /** The request up to its empty line: not its body, which may be megabytes long. */
    private static String head(String request) {
        int lf = request.indexOf("\n\n");
        int crlf = request.indexOf("\n\r\n");
        int blank = lf < 0 ? crlf : crlf < 0 ? lf : Math.min(lf, crlf);
        return blank < 0 ? request : request.substring(0, blank + 1);
    }

    /** What Firefox sends when you open the page: HTTP/1.1, keep-alive and many headers. */
    public static String firefox(String path) {
        return "GET " + path + " HTTP/1.1\r\n"
                + "Host: localhost:8000\r\n"
                + "User-Agent: Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
                + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
                + "Accept-Language: en-US,en;q=0.5\r\n"
                + "Accept-Encoding: gzip, deflate\r\n"
                + "Connection: keep-alive\r\n"
                + "Upgrade-Insecure-Requests: 1\r\n"
                + "Cache-Control: max-age=0\r\n"
                + "\r\n";
    }
}
