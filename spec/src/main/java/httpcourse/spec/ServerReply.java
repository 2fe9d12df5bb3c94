package httpcourse.spec;

/**
 * What the server under test did with one request, and the server itself: a failure report
 * also says whether the server is still running and what it printed.
 */
public record ServerReply(Exchange exchange, ServerState server) {
}
