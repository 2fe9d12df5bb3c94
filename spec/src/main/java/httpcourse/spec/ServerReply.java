package httpcourse.spec;

/**
 * What the server under test did with one request, and the server itself: a failure report
 * also says whether the server is still running and what it printed.
 */
public record ServerReply(Exchange exchange, ServerState server) {

    /** The answer's status code, "404"; empty without an answer. */
    public String code() {
        return HttpResponse.parse(exchange.response()).code();
    }
}
