package httpcourse.spec;

import java.time.Instant;

/**
 * A server's reply and the clock around it, for the checks of a Date header: the server's Date
 * must lie between the second the request was sent and the moment the answer had arrived. Both
 * ends are read on this machine's clock, which the server shares, so the bracket never fails by luck.
 *
 * @param reply    what was sent and received, and by which server
 * @param sent     read before the connection was opened
 * @param received read after the server closed the connection
 */
public record Timed(ServerReply reply, Instant sent, Instant received) {

    public Exchange exchange() {
        return reply.exchange();
    }

    /** The answer's status code, "404"; empty without an answer. */
    public String code() {
        return reply.code();
    }
}
