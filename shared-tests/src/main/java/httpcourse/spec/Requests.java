package httpcourse.spec;

/** The requests the specs send, written out byte for byte. */
public final class Requests {

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
