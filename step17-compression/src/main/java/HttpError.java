import module java.base;

/** A request answered with a short text, not a file: the status, why (for the text), any header needed. */
final class HttpError extends Exception {
    private final String status;
    private final String[] headers;

    HttpError(String status, String why, String... headers) {
        super(why);
        this.status = status;
        this.headers = headers;
    }

    /** The answer that says what was wrong: "400 Bad Request: a header line is not Name: value". */
    Response response() {
        return Response.text(status, status + ": " + getMessage()).with(List.of(headers));
    }
}
