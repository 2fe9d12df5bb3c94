package httpcourse.spec;

import static httpcourse.spec.Check.check;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Step 17: compression (RFC 9110 §8.4, §12.5.3). Text of 1 KiB or more (text/*, JSON, SVG, WASM)
 * goes out gzip-compressed when the request's Accept-Encoding accepts gzip: a list of codings,
 * each with a weight, where q=0 means "not this one" and "*" stands for the codings it does not
 * name; any file goes compressed when the client refuses it as it is (identity;q=0). The answer
 * says Content-Encoding: gzip and Vary: Accept-Encoding; its length is not known before its end,
 * so it comes in chunks (or, from a server that compressed it before, with its Content-Length),
 * but never chunked to HTTP/1.0. It has an ETag of its own, by which 304 answers; HEAD gets the
 * head GET gets. A small file, a photo, other bytes, and any range go as they are.
 */
public final class CompressionChecks {

    private CompressionChecks() {
    }

    private static final String BOOK = SiteFiles.BOOK;
    private static final String SMALL = "/ipsum.html"; // WebRoot's: a few hundred bytes

    /** Why a misread Accept-Encoding is wrong: NEGOTIATION's, and IDENTITY_REFUSED's where "*" accepts gzip. */
    private static final String MISREAD = "Accept-Encoding is a list of codings, each with a weight, q=1 when none is"
            + " given: q=0 means \"not this one\", any other weight \"this one will do\"; \"*\" stands for every coding"
            + " the list does not name; names and q ignore letter case (RFC 9110 §12.5.3, §12.4.2). Read the list, not"
            + " the text: \"gzip;q=0\" contains \"gzip\" and refuses it; strip the spaces after each comma, and around"
            + " each \";\" (\"gzip ; q=0\" is gzip;q=0).";

    /** Why a small file, or one that does not shrink, goes as it is: ONLY_WHAT_SHRINKS's, and GZIP's small file. */
    private static final String NOT_WORTH_IT = "gzip shrinks text, but not a file of a few hundred bytes (its own"
            + " header and trailer take 18, and the answer fits one packet anyway), nor a photo, a video or an archive,"
            + " which are compressed already: compressing them costs time for nothing, or makes them larger. Compress"
            + " only text (text/*, JSON, SVG, WASM) of 1 KiB or more.";

    public static final Check GZIP = check("compresses text of 1 KiB or more when the client accepts gzip:"
            + " Content-Encoding: gzip, Vary: Accept-Encoding, and a body that decodes to the file", c -> {
        for (String path : List.of(BOOK, SiteFiles.STYLE, SiteFiles.DATA)) {
            c.inCase(path, () -> c.check(c.send(get(path, "Accept-Encoding: gzip")), c.gzipped(path)
                    .when("GET " + path + " with Accept-Encoding: gzip")));
        }
        // A folder's index.html, as its file: a choice made on the folder, before its index.html is found, misses it.
        c.inCase("/big/, a folder, its index.html", () -> {
            Timed folder = c.send(get("/big/", "Accept-Encoding: gzip"));
            boolean onlyTheFile = !Codings.isGzip(HttpResponse.parse(folder.exchange().response()))
                    && Codings.isGzip(HttpResponse.parse(c.send(get(SiteFiles.BIG_INDEX, "Accept-Encoding: gzip"))
                    .exchange().response()));
            c.check(folder, (onlyTheFile ? c.gzipped(SiteFiles.BIG_INDEX, CodingRules.contentEncodingGzip(
                    Hint.Id.GZIP_DECIDED_ON_FOLDER, "GET /big/index.html is compressed, and /big/, the same file, is"
                    + " not: the choice was made on the folder (its type, its size), before its index.html was found."
                    + " Decide once the file to send is known.")) : c.gzipped(SiteFiles.BIG_INDEX))
                    .when("GET /big/ with Accept-Encoding: gzip"));
        });
        // Exactly 1 KiB: "1 KiB or more" includes it (a limit written > where >= was meant misses it).
        String kib = "/one-kib.html";
        c.webRoot().replacePage(kib, ("<p>" + "A line said again. ".repeat(60)).substring(0, 1020)
                .concat("</p>").getBytes(StandardCharsets.US_ASCII));
        c.inCase(kib + ", exactly 1024 bytes", () -> c.check(c.send(get(kib, "Accept-Encoding: gzip")),
                c.gzipped(kib).when("GET " + kib + " (1024 bytes) with Accept-Encoding: gzip")));
        c.inCase("two answers on one connection, the first compressed", () -> {
            try (RawConnection connection = c.server().open()) {
                KeepAliveChecks.checkNext(c, connection, 1, Requests.http11("GET", BOOK, "Accept-Encoding: gzip"),
                        c.gzipped(BOOK).when("GET " + BOOK + " with Accept-Encoding: gzip, the connection kept"));
                KeepAliveChecks.checkNext(c, connection, 2, Requests.http11("GET", SMALL, "Accept-Encoding: gzip"),
                        plain(c, SMALL).when("the next request on the connection: GET " + SMALL)
                                .bytesBecause(Hint.Id.GZIP_NOT_WORTH_IT, NOT_WORTH_IT));
            }
        });
    });

    public static final Check NEGOTIATION = check("reads Accept-Encoding as codings with weights: q=0 refuses"
            + " one, \"*\" stands for the others, names in any letter case; a weight that is no number loses no"
            + " answer", c -> {
        for (String accepted : List.of("gzip;q=0.5, br", "br, *", "GZIP", "deflate, gzip;q=0.001", "*;q=0.1")) {
            c.inCase("Accept-Encoding: " + accepted, () -> c.check(c.send(get(BOOK, "Accept-Encoding: " + accepted)),
                    c.gzipped(BOOK, CodingRules.contentEncodingGzip(Hint.Id.ACCEPT_ENCODING_MISREAD, MISREAD))
                            .when("Accept-Encoding: " + accepted)));
        }
        for (String refused : List.of("gzip;q=0", "br, deflate", "gzip;q=0, *", "gzip; q=0", "gzip ;q=0", "gzip;Q=0",
                "gzip;q=0.000", "identity")) {
            c.inCase("Accept-Encoding: " + refused, () -> c.check(c.send(get(BOOK, "Accept-Encoding: " + refused)),
                    plain(c, BOOK).when("Accept-Encoding: " + refused).bytesBecause(Hint.Id.ACCEPT_ENCODING_MISREAD,
                            MISREAD)));
        }
        // A weight that is no number: ignored (step 17), or a 400; never an answer lost.
        Timed odd = c.send(get(BOOK, "Accept-Encoding: gzip;q=high"));
        String status = UploadChecks.status(odd.exchange());
        if (!status.matches("[24]\\d\\d")) {
            throw FailureReport.failure("Accept-Encoding: gzip;q=high got " + (status.equals("(none)") ? "no answer"
                    : status) + ".", null, odd.reply(), List.of(new Hint(Hint.Id.ACCEPT_ENCODING_MISREAD, "A weight"
                    + " is a number from 0 to 1 with up to three decimals (RFC 9110 §12.4.2), but a client may send"
                    + " anything: read it with a pattern, and ignore an element that does not match it (or answer"
                    + " 400), rather than let Double.parseDouble throw.")));
        }
    });

    public static final Check IDENTITY_REFUSED = check("compresses even a small file when the client refuses it"
            + " as it is: identity;q=0, or *;q=0 with gzip named", c -> {
        String why = "The client accepts gzip and refuses the file as it is: \"identity;q=0\" (or \"*;q=0\", where"
                + " identity is not named) says that it cannot take the uncompressed bytes (RFC 9110 §12.5.3). A file"
                + " too small to gain from gzip goes compressed then all the same. (Each element of the list is read"
                + " with the spaces around it stripped: \" identity;q=0\" is identity;q=0.)";
        for (String accepted : List.of("gzip, identity;q=0", "gzip;q=1, *;q=0", "*, identity;q=0")) {
            // The last accepts gzip by "*" alone: a server that fails it, and not the two before, misreads "*".
            Hint.Id id = accepted.startsWith("*") ? Hint.Id.ACCEPT_ENCODING_MISREAD : Hint.Id.IDENTITY_REFUSED_IGNORED;
            String because = accepted.startsWith("*") ? MISREAD : why;
            c.inCase("Accept-Encoding: " + accepted, () -> c.check(c.send(get(SMALL, "Accept-Encoding: " + accepted)),
                    c.gzipped(SMALL, CodingRules.contentEncodingGzip(id, because)).when("Accept-Encoding: "
                            + accepted)));
        }
    });

    public static final Check ONLY_WHAT_SHRINKS = check("leaves as they are, with the file's own ETag, what gzip"
            + " does not shrink: a file under 1 KiB, a JPEG photo, bytes of an unknown type", c -> {
        // Each as it is, with the tag it has without Accept-Encoding: the tag names the bytes sent.
        c.inCase(SMALL + ", a few hundred bytes", () -> c.check(c.send(get(SMALL, "Accept-Encoding: gzip")),
                plain(c, SMALL).without("ETag").with(CodingRules.plainEtag(CachingChecks.etagOf(c, SMALL)))
                        .when("GET " + SMALL + " with Accept-Encoding: gzip").bytesBecause(Hint.Id.GZIP_NOT_WORTH_IT,
                                NOT_WORTH_IT)));
        for (String path : List.of(SiteFiles.PHOTO, "/large.bin")) {
            c.inCase(path, () -> c.check(c.send(get(path, "Accept-Encoding: gzip")), c.file(path).without("ETag")
                    .with(CodingRules.plainEtag(CachingChecks.etagOf(c, path))).when("GET " + path + " with"
                    + " Accept-Encoding: gzip").bytesBecause(Hint.Id.GZIP_NOT_WORTH_IT, NOT_WORTH_IT)));
        }
        c.inCase("If-None-Match: the photo's tag, Accept-Encoding: gzip", () -> {
            String tag = CachingChecks.etagOf(c, SiteFiles.PHOTO);
            c.check(c.send(get(SiteFiles.PHOTO, "Accept-Encoding: gzip\r\nIf-None-Match: " + tag)), Expected
                    .notModified(c.webRoot().page(SiteFiles.PHOTO).length).with(HeaderRules.sameEtag(tag))
                    .with(CodingRules.vary()).when("If-None-Match: " + tag + " (the photo's), Accept-Encoding: gzip")
                    .because(Hint.Id.GZIP_TAG_ON_PLAIN_BYTES, "The photo goes as it is, compressed or not: with its"
                            + " own tag, which the client names, so its copy is good, 304. Ask about 304 with the tag"
                            + " of the answer this request gets: the compressed answer's only where it is compressed,"
                            + " whatever Accept-Encoding says (RFC 9110 §13.1.2)."));
        });
    });

    public static final Check NEVER_FOR_RANGES = check("sends a range of the file's own bytes, never compressed,"
            + " with the file's own ETag, whatever Accept-Encoding says", c -> {
        String why = "A range counts the file's own bytes: a client that resumes a download, or a video that seeks,"
                + " asks for bytes of the file, not of a compressed copy whose bytes change with the compressor."
                + " Serve a request with Range as step 16 does, uncompressed. (nginx, gzip on, sends the whole file"
                + " compressed instead: a server may ignore Range, but then no download resumes.)";
        String tag = CachingChecks.etagOf(c, BOOK); // the file's own: the part's bytes are the file's
        c.check(c.send(get(BOOK, "Accept-Encoding: gzip\r\nRange: bytes=0-99")), c.filePart(BOOK, 0, 99)
                .with(CodingRules.vary()).without("ETag").with(CodingRules.plainEtag(tag))
                .when("Range: bytes=0-99, Accept-Encoding: gzip")
                .because(Hint.Id.GZIP_FOR_RANGE, why).bytesBecause(Hint.Id.GZIP_FOR_RANGE, why));
    });

    public static final Check OWN_ETAG = check("gives the compressed answer an ETag of its own, and answers"
            + " If-None-Match by the tag of what it would send", c -> {
        String plainTag = CachingChecks.etagOf(c, BOOK);
        String zippedTag = zippedEtag(c, plainTag);
        String why = "One file, two answers: the file as it is, and gzip-compressed, each with its own ETag."
                + " If-None-Match names the copy the client has: 304 only when it names the tag of the answer this"
                + " request would get (RFC 9110 §13.1.2).";
        c.inCase("If-None-Match: the compressed answer's tag, Accept-Encoding: gzip", () -> {
            Timed answer = c.send(get(BOOK, "Accept-Encoding: gzip\r\nIf-None-Match: " + zippedTag));
            // The very answer the client has, sent again: its tag known, but the 304 asked another way.
            boolean sameAnswer = !answer.code().equals("304")
                    && zippedTag.equals(HttpResponse.parse(answer.exchange().response()).value("ETag"));
            Hint mistake = sameAnswer ? sameAnswerSent(c, plainTag, zippedTag, why) : new Hint(Hint.Id.GZIP_ETAG_SAME,
                    why);
            c.check(answer, Expected.notModified(c.webRoot().page(BOOK).length).with(HeaderRules.sameEtag(zippedTag))
                    .with(CodingRules.vary()).when("If-None-Match: " + zippedTag + ", Accept-Encoding: gzip")
                    .because(mistake.id(), mistake.text()));
        });
        c.inCase("If-None-Match: the plain file's tag, Accept-Encoding: gzip", () -> c.check(c.send(get(BOOK,
                "Accept-Encoding: gzip\r\nIf-None-Match: " + plainTag)), c.gzipped(BOOK).when("If-None-Match: "
                + plainTag + " (the uncompressed file's), Accept-Encoding: gzip").because(Hint.Id.GZIP_ETAG_SAME,
                why)));
        c.inCase("If-None-Match: the compressed answer's tag, no Accept-Encoding", () -> c.check(c.send(get(BOOK,
                "If-None-Match: " + zippedTag)), plain(c, BOOK).when("If-None-Match: " + zippedTag + " (the"
                + " compressed answer's), without Accept-Encoding").because(Hint.Id.GZIP_ETAG_SAME, why)));
    });

    public static final Check HEAD_AS_GET = check("answers HEAD with Accept-Encoding: gzip with the head GET gets:"
            + " the same Content-Encoding, Vary, ETag and framing, no body", c -> {
        Timed get = c.send(get(BOOK, "Accept-Encoding: gzip"));
        c.check(get, c.gzipped(BOOK).when("GET " + BOOK + " with Accept-Encoding: gzip"));
        HttpResponse got = HttpResponse.parse(get.exchange().response());
        String head = Requests.http11Closing("HEAD", BOOK, "Accept-Encoding: gzip");
        String why = "HEAD gets the head GET would get, without the body (RFC 9110 §9.3.2): compressed too, so"
                + " Content-Encoding: gzip, Vary, the compressed answer's ETag, and the same framing (chunked, or the"
                + " compressed length). Decide on compression before, and apart from, sending the body.";
        Expected expected = c.gzipped(BOOK, CodingRules.contentEncodingGzip(Hint.Id.GZIP_HEAD_DIFFERS, why))
                .without("ETag").with(CodingRules.same("ETag", got.value("ETag"), why));
        c.check(c.send(head), expected.withoutBodyAs(got, why).when("HEAD " + BOOK + " with Accept-Encoding: gzip"));
    });

    public static final Check NO_CHUNKS_FOR_HTTP10 = check("sends no chunks to HTTP/1.0: the file as it is, or"
            + " compressed with its Content-Length", c -> {
        Timed answer = c.send("GET " + BOOK + " HTTP/1.0\r\nAccept-Encoding: gzip\r\n\r\n");
        boolean compressed = Codings.isGzip(HttpResponse.parse(answer.exchange().response()));
        c.check(answer, compressed ? c.gzipped(BOOK).without("Transfer-Encoding").with(CodingRules.noChunks())
                .when("GET " + BOOK + " HTTP/1.0, Accept-Encoding: gzip") : plain(c, BOOK).when("GET " + BOOK
                + " HTTP/1.0, Accept-Encoding: gzip"));
    });

    public static final List<Check> ALL = List.of(GZIP, NEGOTIATION, IDENTITY_REFUSED, ONLY_WHAT_SHRINKS,
            NEVER_FOR_RANGES, OWN_ETAG, HEAD_AS_GET, NO_CHUNKS_FOR_HTTP10);

    /** The compressed answer's ETag: the same twice, and not the plain file's {@code plainTag}. */
    private static String zippedEtag(Checking c, String plainTag) {
        String etag = null;
        for (int i = 0; i < 2; i++) {
            Timed answer = c.send(get(BOOK, "Accept-Encoding: gzip"));
            c.check(answer, c.gzipped(BOOK).when("GET " + BOOK + " with Accept-Encoding: gzip"));
            String again = HttpResponse.parse(answer.exchange().response()).value("ETag");
            boolean unstable = etag != null && !etag.equals(again);
            if (unstable || weakly(again).equals(weakly(plainTag))) {
                throw FailureReport.failure(unstable ? "GET " + BOOK + " compressed, twice, the file unchanged: two"
                        + " ETags, " + etag + " then " + again + "." : "The compressed answer has the ETag of the file as"
                        + " it is, " + plainTag + (again.equals(plainTag) ? "" : ", only marked weak: " + again) + ".",
                        null, answer.reply(), List.of(new Hint(Hint.Id.GZIP_ETAG_SAME, "The compressed answer's bytes"
                        + " are not the file's: they need a tag of their own (RFC 9110 §8.8.3), the same for as long as"
                        + " the file does not change. With one tag for both, a cache that holds one of them hears 304"
                        + " for the other, and keeps bytes the client cannot read, or did not ask for. W/ alone is not"
                        + " enough: If-None-Match compares weakly, and W/\"x\" is then the same tag as \"x\" (RFC"
                        + " 9110 §8.8.3.2; nginx does just that). Add something inside the quotes, as Apache's"
                        + " \"-gzip\".")));
            }
            etag = again;
        }
        return etag;
    }

    /**
     * Why the compressed answer came whole, with the very tag the client sent, {@code zippedTag}: one more request
     * tells. The plain file's tag gets 304: the 304 was asked before compression was chosen, with that tag. The
     * compressed tag with a second W/ gets it: the client's tags lose their W/, the server's own keeps it.
     */
    private static Hint sameAnswerSent(Checking c, String plainTag, String zippedTag, String why) {
        if (c.send(get(BOOK, "Accept-Encoding: gzip\r\nIf-None-Match: " + plainTag)).code().equals("304")) {
            return new Hint(Hint.Id.NOT_MODIFIED_BEFORE_GZIP, "The answer is the compressed one, with the very tag"
                    + " the client sent: the client's copy is good. The server asked whether it is before it chose to"
                    + " compress, with the plain file's tag. Choose first, then ask with the tag of the answer this"
                    + " request gets (RFC 9110 §13.1.2).");
        }
        if (zippedTag.startsWith("W/") && c.send(get(BOOK, "Accept-Encoding: gzip\r\nIf-None-Match: W/"
                + zippedTag)).code().equals("304")) {
            return new Hint(Hint.Id.IF_NONE_MATCH_OWN_WEAK, "The answer is the compressed one, with the very tag the"
                    + " client sent, " + zippedTag + ", and came whole, where W/" + zippedTag + " (one W/ more) gets"
                    + " 304: the server takes W/ off the client's tags, and compares them with its own tag as it is, W/"
                    + " and all, so its own weak tag never matches. If-None-Match compares weakly, both tags without W/ (RFC"
                    + " 9110 §8.8.3.2): take W/ off the server's tag too.");
        }
        return new Hint(Hint.Id.GZIP_ETAG_SAME, why);
    }

    /** A tag as If-None-Match compares it: without W/ (RFC 9110 §8.8.3.2). */
    private static String weakly(String etag) {
        return etag.replaceFirst("^W/", "");
    }

    /** The file as it is, with Vary: Accept-Encoding, since another request would get it compressed. */
    static Expected plain(Checking c, String path) {
        return c.file(path).with(CodingRules.vary());
    }

    /** GET {@code path} in HTTP/1.1 with these header lines, the connection closing after it. */
    static String get(String path, String headers) {
        return Requests.http11Closing("GET", path, headers);
    }
}
