package httpcourse.spec;

import static httpcourse.spec.Check.check;

import java.util.List;

/**
 * Step 14: measured and tuned. Every answer says how long the server took to make it, in a
 * Server-Timing header that browsers' developer tools show ("app;dur=0.52", in milliseconds). From
 * this step on, every check expects it ({@link Checking}); this one names it.
 */
public final class TunedChecks {

    private TunedChecks() {
    }

    public static final Check SERVER_TIMING = check(
            "says in every answer how long it took, with Server-Timing: a file, HEAD, a 304, a 404, a 400", c -> {
                c.inCase("GET /ipsum.html", () -> c.check(c.get("/ipsum.html"), c.file("/ipsum.html")));
                long length = c.webRoot().page("/ipsum.html").length;
                c.inCase("HEAD /ipsum.html", () -> c.check(c.send("HEAD /ipsum.html HTTP/1.0\r\n\r\n"),
                        c.file("/ipsum.html").withoutBody(length)));
                c.inCase("GET /ipsum.html with the ETag it had: 304", () -> {
                    String etag = HttpResponse.parse(c.get("/ipsum.html").exchange().response()).value("ETag");
                    c.check(c.send("GET /ipsum.html HTTP/1.0\r\nIf-None-Match: " + etag + "\r\n\r\n"),
                            Expected.notModified(length));
                });
                c.inCase("GET /missing.html: 404", () -> c.check(c.get("/missing.html"), c.notFound()));
                c.inCase("GET without a path: 400", () -> c.check(c.send("GET\r\n\r\n"), c.error("400 Bad Request")));
            });

    public static final List<Check> ALL = List.of(SERVER_TIMING);
}
