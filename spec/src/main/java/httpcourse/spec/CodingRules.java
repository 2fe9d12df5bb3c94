package httpcourse.spec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for the header fields of step 17's answers (compression), and the hints for a body
 * that a client cannot decode, or that it was not to get. Beside {@link HeaderRules}, which holds the rules of
 * steps 6 to 16.
 */
final class CodingRules {

    private CodingRules() {
    }

    /** Content-Encoding: gzip, where a check's own hint says why (a misread Accept-Encoding, say). */
    static HeaderRule contentEncodingGzip(Hint.Id id, String why) {
        HeaderRule usual = contentEncodingGzip();
        return new HeaderRule(usual.name(), true, usual.accepts(), usual.expected(), (got, c) -> got == null
                && Codings.looksGzipped(c.actual()) ? usual.hint().apply(null, c) : new Hint(id, why));
    }

    /**
     * The value GET's answer had for this header field, {@code value}, or none when it had none:
     * HEAD's answer has the head GET's has (RFC 9110 §9.3.2).
     */
    static HeaderRule same(String name, String value, String why) {
        return new HeaderRule(name, value != null, (got, c) -> got.equalsIgnoreCase(value),
                c -> value == null ? "(none)" : value, (got, c) -> new Hint(Hint.Id.GZIP_HEAD_DIFFERS, "GET's answer"
                        + (value == null ? " has no " + name : " says " + name + ": " + value) + "; HEAD's "
                        + (got == null ? "has none" : "says " + got) + ". " + why));
    }

    /** Content-Encoding: gzip, when the client accepts it and the file gains from it. */
    static HeaderRule contentEncodingGzip() {
        return new HeaderRule("Content-Encoding", true, (got, c) -> got.equalsIgnoreCase("gzip")
                || got.equalsIgnoreCase("x-gzip"), c -> "gzip", (got, c) -> got == null && Codings.looksGzipped(c.actual())
                ? new Hint(Hint.Id.GZIP_UNSAID, "The body is gzip, but the head does not say so: without"
                        + " \"Content-Encoding: gzip\" the client takes the compressed bytes for the file itself"
                        + " (RFC 9110 §8.4).")
                : new Hint(Hint.Id.GZIP_MISSING, "The client accepts gzip (Accept-Encoding), and this is text of"
                        + " 1 KiB or more, which gzip shrinks to a third or less: send it compressed, with"
                        + " \"Content-Encoding: gzip\" (RFC 9110 §8.4.1.3)" + (got == null ? "." : "; got \"" + got
                        + "\", which is not gzip.")));
    }

    /** Vary: Accept-Encoding (or *), with every answer whose form depends on Accept-Encoding. */
    static HeaderRule vary() {
        return new HeaderRule("Vary", true, (got, c) -> Arrays.stream(got.split(",")).map(String::strip)
                .anyMatch(name -> name.equalsIgnoreCase("Accept-Encoding") || name.equals("*")),
                c -> "Accept-Encoding", (got, c) -> new Hint(Hint.Id.VARY_MISSING, "This file goes out compressed"
                        + " or not, as Accept-Encoding says: say so with \"Vary: Accept-Encoding\" in every answer"
                        + " for it, compressed or not, 304 too (RFC 9110 §12.5.5). Without it, a cache between"
                        + " server and browsers keeps one answer and hands gzip to a client that cannot read it,"
                        + " or the whole text to one that asked for less" + (got == null ? "." : "; got \"" + got
                        + "\".")));
    }

    /**
     * How a compressed body is framed: in chunks (Transfer-Encoding: chunked, no Content-Length),
     * or with the Content-Length of the compressed bytes.
     */
    static List<HeaderRule> framing() {
        HeaderRule length = new HeaderRule("Content-Length", false, (got, c) -> !Codings.isChunked(c.actual())
                && Codings.isGzip(c.actual()) && got.equals(String.valueOf(c.actual().body().length)),
                c -> Codings.isChunked(c.actual()) ? "(none: the body comes in chunks)" : Codings.isGzip(c.actual())
                        ? String.valueOf(c.actual().body().length) : "(the compressed length, or none with chunks)",
                (got, c) -> new Hint(Hint.Id.GZIP_FRAMING, Codings.isChunked(c.actual())
                        ? "Content-Length comes with Transfer-Encoding: chunked. A body in chunks has no length: send"
                                + " one or the other, never both (RFC 9112 §6.2)."
                        : "Content-Length is the length of the bytes sent, the compressed ones (" + c.actual().body().length
                                + " here), not the file's: " + got + ". Compressed as it is sent, a body's length is"
                                + " not known at its start: send it in chunks, without Content-Length."));
        HeaderRule chunked = new HeaderRule("Transfer-Encoding", false, (got, c) -> got.equalsIgnoreCase("chunked"),
                c -> "chunked", (got, c) -> new Hint(Hint.Id.GZIP_FRAMING, "Transfer-Encoding says how the body is"
                        + " framed; this server's only framing is \"chunked\" (RFC 9112 §7); got \"" + got + "\"."));
        return List.of(length, chunked);
    }

    /** No Content-Encoding: the file as it is, where this request gets it so. */
    static HeaderRule asStored() {
        return new HeaderRule("Content-Encoding", false, (got, c) -> false, c -> "(none: the file as it is)",
                (got, c) -> new Hint(Hint.Id.GZIP_NOT_WORTH_IT, "The head says Content-Encoding: " + got + ", where"
                        + " this request gets the file as it is: compress only text of 1 KiB or more, for a client"
                        + " whose Accept-Encoding accepts gzip, and then say so."));
    }

    /** ETag: the file's own, {@code etag}, on an answer that sends the file's bytes as they are, whatever Accept-Encoding says. */
    static HeaderRule plainEtag(String etag) {
        return new HeaderRule("ETag", true, (got, c) -> got.equals(etag), c -> etag, (got, c) -> got == null
                ? HeaderRules.etag().hint().apply(null, c) : new Hint(Hint.Id.GZIP_TAG_ON_PLAIN_BYTES, "This answer"
                + " sends the file's bytes as they are, with ETag: " + got + "; asked without Accept-Encoding, the file"
                + " has " + etag + ". A tag names the bytes sent: an answer sent as it is keeps the file's own tag,"
                + " whatever Accept-Encoding says; only the compressed answer has a tag of its own. Else a client that"
                + " has the file gets it again, 200, for its own tag, and a part (206) carries the compressed answer's."));
    }

    /** No Transfer-Encoding: the request is HTTP/1.0, whose clients know no chunks. */
    static HeaderRule noChunks() {
        return new HeaderRule("Transfer-Encoding", false, (got, c) -> false, c -> "(none: HTTP/1.0 knows no chunks)",
                (got, c) -> new Hint(Hint.Id.CHUNKS_TO_HTTP10, "The request is HTTP/1.0, whose clients know no"
                        + " chunks: a server MUST NOT send them Transfer-Encoding (RFC 9112 §6.1). Send the file as"
                        + " it is (as nginx does: gzip_http_version 1.1), or compressed with its Content-Length."));
    }

    /** Neither Content-Length nor chunks, on a connection that stays open. */
    static Hint unframed() {
        return new Hint(Hint.Id.GZIP_FRAMING, "A compressed body has neither Content-Length nor chunks, and the"
                + " connection stays open: the client cannot tell where the body ends, and waits. Send it in chunks"
                + " (Transfer-Encoding: chunked): each with its length in hex, then the last, empty one, \"0\\r\\n"
                + "\\r\\n\" (RFC 9112 §7.1).");
    }

    /**
     * A compressed answer to a request whose Accept-Encoding names neither identity nor "*" (the last one on its
     * connection: a kept connection's requests go one by one), from a server that sends the same request's answer
     * as it is once the list names identity too: the file as it is taken for refused where the list is silent on
     * it (its default read from "*", as gzip's is). Every request that accepts gzip then gets even a small page
     * compressed, an earlier step's browser too: this one hint stands for those checks, whose own hints would blame
     * the size rule. {@link FailureReport} asks it first.
     */
    static Optional<Hint> identityTakenAsRefused(Exchange exchange, ServerState server, boolean stopped) {
        HttpResponse got = HttpResponse.parse(exchange.response());
        String request = Requests.lastHead(new String(exchange.request(), StandardCharsets.ISO_8859_1));
        String accepted = request == null ? null : Requests.value(request, "Accept-Encoding");
        if (stopped || accepted == null || !Codings.isGzip(got) || accepted.contains("*")
                || accepted.toLowerCase(Locale.ROOT).contains("identity")) {
            return Optional.empty();
        }
        String named = accepted + ", identity";
        HttpResponse probe = server.probes().answerTo(Requests.withField(request, "Accept-Encoding", named));
        if (!probe.code().equals(got.code()) || Codings.isGzip(probe)) {
            return Optional.empty();
        }
        return Optional.of(new Hint(Hint.Id.IDENTITY_DEFAULT_WRONG, "Accept-Encoding: \"" + accepted + "\" got the"
                + " file gzip-compressed, and \"" + named + "\" gets it as it is: the server takes the file as it is"
                + " for refused when the list does not name identity. It is accepted unless the client refuses it:"
                + " \"identity;q=0\", or \"*;q=0\" where identity is not named (RFC 9110 §12.5.3). A coding the list"
                + " does not name has the weight of \"*\"; without \"*\", that is 0 for gzip, but 1 for identity."));
    }

    /** What stops a client from reading the compressed body as {@code content}; null when nothing does. */
    static Hint bodyHint(HttpResponse actual, byte[] content) {
        if (Codings.isChunked(actual)) {
            Codings.Decoded chunks = Codings.dechunk(actual.body());
            if (!chunks.ok()) {
                return new Hint(Hint.Id.CHUNKS_WRONG, "The chunks cannot be read: " + chunks.problem() + ". Each chunk"
                        + " is its length in hex, \\r\\n, that many bytes, \\r\\n; the last one is \"0\\r\\n\\r\\n\""
                        + " (RFC 9112 §7.1).");
            }
        }
        Codings.Decoded decoded = Codings.decode(actual);
        if (!decoded.ok()) {
            return new Hint(Hint.Id.GZIP_BODY_WRONG, "The body says gzip, but gunzip cannot read it: "
                    + decoded.problem() + ".");
        }
        if (!Arrays.equals(decoded.bytes(), content)) {
            return new Hint(Hint.Id.GZIP_BODY_WRONG, "Decoded, the body is not the file: " + decoded.bytes().length
                    + " bytes where the file has " + content.length + ", the first difference at byte "
                    + Arrays.mismatch(decoded.bytes(), content) + ". Compress the file's bytes as they are, all"
                    + " of them.");
        }
        return null;
    }
}
