package httpcourse.spec;

import java.time.Duration;

/**
 * One request sent over a raw socket and everything that came back.
 *
 * @param request  the exact bytes of the request (none of them sent when the connection was refused)
 * @param response the exact bytes received, until the server closed the connection (or not)
 * @param ending   how the exchange ended
 * @param waited   how long the client waited for the end
 * @param quiet    whether the wait for the close was to end {@link LeftOpen#QUIET} after the last byte,
 *                 not at the response timeout: the server had left a connection open before
 */
public record Exchange(byte[] request, byte[] response, Ending ending, Duration waited, boolean quiet) {

    public Exchange(byte[] request, byte[] response, Ending ending, Duration waited) {
        this(request, response, ending, waited, false);
    }

    /** How the response ended. HTTP/1.0 without Content-Length: the body ends when the server closes. */
    public enum Ending {
        /** The server closed the connection: the response is complete. */
        CLOSED,
        /** The server kept the connection open past the response timeout. */
        NOT_CLOSED,
        /** The connection was reset (the server crashed or closed abruptly). */
        RESET,
        /**
         * The client read one whole response, by its Content-Length, and stopped there: the
         * connection stays open for the next request (HTTP/1.1's persistent connections).
         */
        KEPT_OPEN,
        /** Nobody accepted the connection: the server is not running. */
        REFUSED
    }

    /** Nothing came back, and the server ended the connection: closed it, or reset it. */
    public boolean closedWithoutAnswer() {
        return response.length == 0 && (ending == Ending.CLOSED || ending == Ending.RESET);
    }

    /** Nothing came back but a refusal or a reset: maybe the server is gone. */
    public boolean endedWithoutAnyAnswer() {
        return ending == Ending.REFUSED || (ending == Ending.RESET && response.length == 0);
    }
}
