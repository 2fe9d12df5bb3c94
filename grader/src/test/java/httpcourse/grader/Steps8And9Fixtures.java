package httpcourse.grader;

import static httpcourse.grader.KnownWrongServer.edit;
import static httpcourse.grader.KnownWrongServer.in;

import java.util.List;

import httpcourse.spec.Sandbox;

/** The known-wrong servers ({@link KnownWrongServer}) of steps 8 and 9: URLs and caching. */
enum Steps8And9Fixtures implements KnownWrongServer {

    // ---- Step 8: the target is a URL

    /** An escape looked for only while three characters follow the %: one that ends the path gets 400. */
    ESCAPE_AT_THE_END(8, in("Htdocs.java", "i + 2 < path.length()", "i + 3 < path.length() /* FLAW: one too many */")),

    /** The loop moved on by three after an escape, its i++ besides: the character after each escape is lost. */
    ESCAPE_SKIPS_NEXT(8, in("Htdocs.java", "i += 2;", "i += 3; // FLAW: one too far")),

    /** Hidden names tested with charAt(0): the path of htdocs relative to itself is one empty name, which throws. */
    HIDDEN_TEST_BY_CHAR(8, in("Htdocs.java", "if (name.toString().startsWith(\".\")) {",
            "if (name.toString().charAt(0) == '.') { // FLAW: the empty name of htdocs itself")),

    /** The path used as it came: %20 is looked for as "%20". */
    NOT_PERCENT_DECODED(8, in("Htdocs.java", "String decoded = percentDecode(path);",
            "String decoded = path; // FLAW: not decoded")),

    /** The path decoded twice: /100%25.html is looked for as "100%.html" decoded again, a malformed escape. */
    DECODED_TWICE(8, in("Htdocs.java", "String decoded = percentDecode(path);",
            "String decoded = percentDecode(percentDecode(path)); // FLAW: decoded twice")),

    /** URLDecoder, which decodes form data: "+" becomes a space. */
    PLUS_DECODED_AS_SPACE(8, in("Htdocs.java", "String decoded = percentDecode(path);",
            "String decoded = URLDecoder.decode(path, StandardCharsets.UTF_8); // FLAW: form data, not a path")),

    /** The two characters after % never checked: Integer.parseInt reads "+4" and "-1". */
    MALFORMED_ESCAPE_ACCEPTED(8,
            in("Htdocs.java", "i + 2 < path.length() && HexFormat.isHexDigit(path.charAt(i + 1))\n"
                    + "                    && HexFormat.isHexDigit(path.charAt(i + 2))",
                    "i + 2 < path.length() /* FLAW: the two characters not checked */"),
            in("Htdocs.java", "HexFormat.fromHexDigits(path, i + 1, i + 3)",
                    "Integer.parseInt(path, i + 1, i + 3, 16)")),

    /** A name no file can have answered 400: under LANG=C, Java cannot name café.html, which the URL names well. */
    NON_ASCII_NAME_AS_400(8, in("Htdocs.java", "throw new HttpError(\"404 Not Found\", \"there is no such file\");",
            "throw new HttpError(\"400 Bad Request\", \"no file can have this name\"); // FLAW: a 400")),

    /** Bytes that are no UTF-8 replaced with U+FFFD, not refused. */
    NOT_UTF8_ACCEPTED(8, in("Htdocs.java", "StandardCharsets.UTF_8.newDecoder()",
            "StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE) /* FLAW */")),

    /** The query kept in the path, and decoded with it. */
    QUERY_NOT_IGNORED(8, in("Htdocs.java", "int query = pathAndQuery.indexOf('?');",
            "int query = -1; /* FLAW: the query is part of the path */")),

    /** Only a path as target: a whole URL gets 400. */
    ABSOLUTE_FORM_REFUSED(8, in("Htdocs.java", "ABSOLUTE_FORM.matcher(target)",
            "ABSOLUTE_FORM.matcher(\"\") /* FLAW: a URL never matches */")),

    /** The scheme of a whole URL read in lower case only: HTTP://localhost/ipsum.html refused. */
    SCHEME_CASE_SENSITIVE(8, in("Htdocs.java", "Pattern.compile(\"(?i)http://[^/?#]*/?(.*)\");",
            "Pattern.compile(\"http://[^/?#]*/?(.*)\"); // FLAW: the scheme in lower case only")),

    /** The slash after the authority required: http://localhost:8000, whose path is /, gets 400. */
    ABSOLUTE_FORM_NEEDS_A_PATH(8, in("Htdocs.java", "Pattern.compile(\"(?i)http://[^/?#]*/?(.*)\");",
            "Pattern.compile(\"(?i)http://[^/?#]*/(.*)\"); // FLAW: a slash required after the authority")),

    /** Decoded, never normalized: "sub/.." is left in the path, and its ".." counts as a hidden name. */
    NOT_NORMALIZED_AFTER_DECODING(8, in("Htdocs.java", "return Path.of(ROOT + decoded).normalize();",
            "return Path.of(ROOT + decoded); // FLAW: not normalized")),

    /** Only "/" has an index, as in step 7: any other folder's URL gets 404. */
    FOLDER_INDEX_NOT_SERVED(8, edit("file = file.resolve(\"index.html\");",
            "file = path.equals(\"/\") ? file.resolve(\"index.html\") : file; // FLAW: only / has an index")),

    /** A folder without its slash served as it is: its index.html's relative links lead to its parent. */
    FOLDER_NOT_REDIRECTED(8, edit("if (!path.endsWith(\"/\")) {", "if (false) { /* FLAW: no redirect */")),

    /** The folder's slash looked for once decoded: /docs%2F served as the folder, with no redirect. */
    FOLDER_SLASH_DECODED(8, edit("if (!path.endsWith(\"/\")) {",
            "if (!Htdocs.percentDecode(path).endsWith(\"/\")) { // FLAW: %2F taken for the URL's slash")),

    /** An escape's hex digits in capitals only: %2e gets 400, so /ipsum%2ehtml, /sub/%2e%2e/ and /%2ehidden do. */
    HEX_IN_CAPITALS_ONLY(8, in("Htdocs.java", "HexFormat.isHexDigit(path.charAt(i + 1))\n"
            + "                    && HexFormat.isHexDigit(path.charAt(i + 2))", "\"0123456789ABCDEF\".indexOf(path"
            + ".charAt(i + 1)) >= 0 // FLAW: capitals only\n                    && \"0123456789ABCDEF\".indexOf(path"
            + ".charAt(i + 2)) >= 0")),

    /** The escape's bound one too far: "%4" at the path's end reads past it, and the connection ends without a word. */
    ESCAPE_BOUND_PAST_THE_END(8, in("Htdocs.java", "i + 2 < path.length()", "i + 2 <= path.length() /* FLAW */")),

    /** The folder's name encoded as a form's: /my docs/ redirected to /my+docs/ (helper-58). */
    LOCATION_FORM_ENCODED(8, in("Htdocs.java", "URLEncoder.encode(name.toString(), StandardCharsets.UTF_8).replace(\"+\", \"%20\");",
            "URLEncoder.encode(name.toString(), StandardCharsets.UTF_8); // FLAW: a space is +")),

    /** A redirect to the request's own path: //docs gets Location: //docs/, a host named docs. */
    OPEN_REDIRECT(8, edit("String location = Htdocs.urlOf(file);",
            "String location = path + \"/\"; // FLAW: the request's path")),

    /** A redirect to the decoded path: "/my docs/", which is no URL. */
    LOCATION_DECODED(8, edit("String location = Htdocs.urlOf(file);",
            "String location = Htdocs.percentDecode(path) + \"/\"; // FLAW: decoded")),

    /** Only the file's own name looked at: config, in the hidden folder .git, is served. */
    HIDDEN_LAST_NAME_ONLY(8, in("Htdocs.java", "for (Path name : relative) {",
            "for (Path name : List.of(relative.getFileName())) { // FLAW: the folders on the way not looked at")),

    /** The real path's own name alone looked at (Files.isHidden): a link into .git serves what it holds. */
    HIDDEN_REAL_LAST_NAME_ONLY(8, in("Htdocs.java", "!isHidden(root.relativize(real))",
            "!Files.isHidden(real) /* FLAW: the real path's last name only */")),

    /** Hidden names never looked for: .git/config and .env are served. */
    SERVES_HIDDEN_FILES(8, in("Htdocs.java",
            "return real.startsWith(root) && !isHidden(ROOT.relativize(path)) && !isHidden(root.relativize(real));",
            "return real.startsWith(root); // FLAW: hidden names not checked")),

    /** Only the path's first character looked at: /docs/.draft.html, hidden below a folder, is served (helper-58). */
    HIDDEN_BELOW_A_FOLDER(8, in("Htdocs.java", """
                    for (Path name : relative) {
                        if (name.toString().startsWith(".")) {
                            return true;
                        }
                    }
                    return false;
            """, """
                    return relative.toString().startsWith("."); // FLAW: the first name only
            """)),

    /** The query cut at the last "?": a query that holds a "?" leaves a path that names no file (helper-58). */
    QUERY_FROM_THE_LAST_MARK(8, in("Htdocs.java", "int query = pathAndQuery.indexOf('?');",
            "int query = pathAndQuery.lastIndexOf('?'); // FLAW: the last, not the first")),

    // ---- Step 9: caching

    /** The 304 made from the file's whole answer: its body, the opened file, is never sent nor closed (helper-58). */
    FILE_LEFT_OPEN_BY_304(9, edit("""
                Validators validators = Validators.of(file);
                if (validators.match(request.headers())) { // the client's copy is still good: no body (RFC 9110 §15.4.5)
                    return new Response("304 Not Modified", validators.headers(), InputStream.nullInputStream());
                }
                return Response.file(file).with(validators.headers());
            """, """
                Validators validators = Validators.of(file);
                Response response = Response.file(file).with(validators.headers()); // FLAW: opened for a 304 too
                if (validators.match(request.headers())) { // the client's copy is still good: no body (RFC 9110 §15.4.5)
                    return new Response("304 Not Modified", response.headers(), InputStream.nullInputStream());
                }
                return response;
            """)),

    /** If-Modified-Since never read. */
    IF_MODIFIED_SINCE_IGNORED(9, in("Validators.java", "String since = headers.get(\"if-modified-since\");",
            "String since = null; // FLAW: If-Modified-Since never read")),

    /** If-Modified-Since asked in its own letter case of a map whose names were lower-cased: never found. */
    SINCE_NAME_CASE(9, in("Validators.java", "headers.get(\"if-modified-since\")",
            "headers.get(\"If-Modified-Since\") /* FLAW: the name's case, in a lower-cased map */")),

    /** If-Modified-Since compared strictly: 304 only for a file older than the date, not for exactly its time. */
    IF_MODIFIED_SINCE_STRICT(9, in("Validators.java", "!lastModified.isAfter(Instant.from(Response.HTTP_DATE.parse(since)))",
            "lastModified.isBefore(Instant.from(Response.HTTP_DATE.parse(since))) /* FLAW: strict */")),

    /** If-None-Match split at ", ": a list without spaces stays one tag (helper-58). */
    IF_NONE_MATCH_SPLIT_AT_SPACE(9, in("Validators.java", "noneMatch.split(\",\")",
            "noneMatch.split(\", \") /* FLAW: a comma and a space */")),

    /** W/ left out of the whole header's start, before the split: only its first tag may be weak (helper-58). */
    /** YYYY, the year of the week, in the date's pattern: a file of the 31st of December dated a year later (helper-58). */
    LAST_MODIFIED_WEEK_YEAR(9, in("Response.java", "\"EEE, dd MMM yyyy HH:mm:ss 'GMT'\", Locale.US).withZone(ZoneOffset.UTC);",
            "\"EEE, dd MMM YYYY HH:mm:ss 'GMT'\", Locale.US).withZone(ZoneOffset.UTC); // FLAW: the week's year")),

    IF_NONE_MATCH_WEAK_IN_LIST(9, in("Validators.java",
            "Stream.of(noneMatch.split(\",\")).map(tag -> tag.strip().replaceFirst(\"^W/\", \"\"))",
            "Stream.of(noneMatch.replaceFirst(\"^W/\", \"\").split(\",\")).map(tag -> tag.strip()) /* FLAW */")),

    /** The list split at its commas, the spaces after them kept: " \"tag\"" is not the tag. */
    IF_NONE_MATCH_SPACES(9, in("Validators.java", "map(tag -> tag.strip().replaceFirst",
            "map(tag -> /* FLAW: not stripped */ tag.replaceFirst")),

    /** The file's time kept with its fractions of a second, which its Last-Modified drops: never equal. */
    FILE_TIME_NOT_TRUNCATED(9, in("Validators.java", "modified.toInstant().truncatedTo(ChronoUnit.SECONDS)",
            "modified.toInstant() /* FLAW: fractions of a second kept */")),

    /** 304 only for the very time of the file, not for a later one. */
    IF_MODIFIED_SINCE_EQUALITY(9, in("Validators.java",
            "!lastModified.isAfter(Instant.from(Response.HTTP_DATE.parse(since)))",
            "lastModified.equals(Instant.from(Response.HTTP_DATE.parse(since))) /* FLAW: equal only */")),

    /** The dates compared the wrong way round: 304 for a date before the file's time, 200 for one after. */
    IF_MODIFIED_SINCE_REVERSED(9, in("Validators.java", "!lastModified.isAfter(Instant.from(",
            "!lastModified.isBefore(Instant.from( /* FLAW: the wrong way round */")),

    /** 304 for any If-Modified-Since, whatever its date. */
    NOT_MODIFIED_FOR_A_NEWER_FILE(9, in("Validators.java",
            "return since != null && !lastModified.isAfter(Instant.from(Response.HTTP_DATE.parse(since)));",
            "return since != null; // FLAW: any date")),

    /** If-None-Match never read. */
    IF_NONE_MATCH_IGNORED(9, in("Validators.java", "String noneMatch = headers.get(\"if-none-match\");",
            "String noneMatch = null; // FLAW: If-None-Match never read")),

    /** If-None-Match asked in its own letter case of a map whose names were lower-cased: never found. */
    NONE_MATCH_NAME_CASE(9, in("Validators.java", "headers.get(\"if-none-match\")",
            "headers.get(\"If-None-Match\") /* FLAW: the name's case, in a lower-cased map */")),

    /** The client's tags compared without their quotes, with the server's own quoted tag: only * matches. */
    /** A tag with a comma in it, which the server's own split of If-None-Match at commas cuts in two. */
    ETAG_WITH_A_COMMA(9, in("Validators.java", "Long.toHexString(attributes.size()) + \"-\"",
            "Long.toHexString(attributes.size()) + \",\" /* FLAW: a comma */")),

    TAG_QUOTES_STRIPPED(9, in("Validators.java", ".replaceFirst(\"^W/\", \"\")",
            ".replaceFirst(\"^W/\", \"\").replace(\"\\\"\", \"\") /* FLAW: quotes taken off the client's tags only */")),

    /** If-None-Match compared whole with the tag: a list never matches. */
    IF_NONE_MATCH_LIST(9, in("Validators.java", "Stream.of(noneMatch.split(\",\"))",
            "Stream.of(noneMatch) /* FLAW: not split */")),

    /** A weak tag compared strongly: W/"..." never matches. */
    IF_NONE_MATCH_WEAK(9, in("Validators.java", ".replaceFirst(\"^W/\", \"\")", " /* FLAW: W/ kept */")),

    /** If-None-Match: * not matched. */
    IF_NONE_MATCH_STAR(9, in("Validators.java", "tag.equals(etag) || tag.equals(\"*\")",
            "tag.equals(etag) /* FLAW: * forgotten */")),

    /** If-Modified-Since read beside If-None-Match: it overrides the tags. */
    IF_MODIFIED_SINCE_WINS(9, in("Validators.java", "if (noneMatch != null) {",
            "if (noneMatch != null && headers.get(\"if-modified-since\") == null) { // FLAW: the date wins")),

    /** The copy good only when both say so: a matching tag beside an older If-Modified-Since gets the whole file. */
    BOTH_VALIDATORS_ASKED(9, in("Validators.java", """
                        return Stream.of(noneMatch.split(",")).map(tag -> tag.strip().replaceFirst("^W/", ""))
                                .anyMatch(tag -> tag.equals(etag) || tag.equals("*"));
            """, """
                        boolean tagMatches = Stream.of(noneMatch.split(",")).map(tag -> tag.strip().replaceFirst("^W/", ""))
                                .anyMatch(tag -> tag.equals(etag) || tag.equals("*"));
                        String date = headers.get("if-modified-since"); // FLAW: the date asked too, beside the tag
                        try {
                            return tagMatches && (date == null || !lastModified.isAfter(Instant.from(Response.HTTP_DATE.parse(date))));
                        } catch (DateTimeException notAnHttpDate) {
                            return tagMatches;
                        }
            """)),

    /** If-Modified-Since read as the server's local time: hours off, the zone's offset. */
    IF_MODIFIED_SINCE_LOCAL(9, in("Validators.java", "Instant.from(Response.HTTP_DATE.parse(since))",
            "LocalDateTime.parse(since, Response.HTTP_DATE).atZone(ZoneId.systemDefault()).toInstant() /* FLAW */")),

    /** The tags' test the wrong way round: 304 when none matches, the whole file when one does. */
    IF_NONE_MATCH_INVERTED(9, in("Validators.java", ".anyMatch(tag -> tag.equals(etag) || tag.equals(\"*\"));",
            ".noneMatch(tag -> tag.equals(etag) || tag.equals(\"*\")); // FLAW: none for any")),

    /** A tag of the file's length alone: an edit that keeps the length keeps the tag. */
    ETAG_UNCHANGED(9, in("Validators.java",
            "+ \"-\"\n                + Long.toHexString(modified.to(TimeUnit.NANOSECONDS))",
            "/* FLAW: the length alone */")),

    /** A tag of the clock: new for every request, so no copy ever matches it. */
    ETAG_UNSTABLE(9, in("Validators.java", "Long.toHexString(attributes.size())",
            "Long.toHexString(System.nanoTime()) /* FLAW: the clock */")),

    /** A 304 without the ETag (and Last-Modified) a 200 would have. */
    NOT_MODIFIED_WITHOUT_ETAG(9, edit("new Response(\"304 Not Modified\", validators.headers(),",
            "new Response(\"304 Not Modified\", List.of() /* FLAW: no ETag */,")),

    /** A 304 with the Content-Type of an error's text: a cache would keep the page as text. */
    NOT_MODIFIED_AS_TEXT(9, edit("new Response(\"304 Not Modified\", validators.headers(),",
            "new Response(\"304 Not Modified\", Stream.concat(validators.headers().stream(),"
                    + " Stream.of(\"Content-Type: text/plain; charset=utf-8\")).toList() /* FLAW */,")),

    /** Only GET is conditional: HEAD with the file's ETag gets 200. */
    HEAD_NOT_CONDITIONAL(9, edit("if (validators.match(request.headers())) {",
            "if (request.method().equals(\"GET\") && validators.match(request.headers())) { /* FLAW: GET only */")),

    /** The conditions asked before the 404: a hidden file, or one outside htdocs, gets 304 and its validators. */
    CONDITIONAL_BEFORE_NOT_FOUND(9, edit("if (!Htdocs.isServable(file)) {",
            "Validators early = Files.exists(file) ? Validators.of(file) : null; // FLAW: the conditions first\n"
                    + "    if (early != null && early.match(request.headers())) {\n"
                    + "        return new Response(\"304 Not Modified\", early.headers(), InputStream.nullInputStream());\n"
                    + "    }\n    if (!Htdocs.isServable(file)) {")),

    /** The hidden-name rule on the whole real path: under a folder like ~/.projects/, every file is 404. */
    HIDDEN_ABOVE_HTDOCS(8, in("Htdocs.java", "!isHidden(root.relativize(real))",
            "!isHidden(real) /* FLAW: the folders above htdocs too */")),

    /** A file's time written by RFC_1123_DATE_TIME: one digit for days 1 to 9 ("Tue, 3 Jun 2008"). */
    LAST_MODIFIED_RFC_1123(9, in("Validators.java", "\"Last-Modified: \" + Response.HTTP_DATE.format(lastModified)",
            "\"Last-Modified: \" + DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC))")),

    /** Files without their time. */
    NO_LAST_MODIFIED(9, in("Validators.java",
            "return List.of(\"Last-Modified: \" + Response.HTTP_DATE.format(lastModified), \"ETag: \" + etag);",
            "return List.of(\"ETag: \" + etag); // FLAW: no Last-Modified")),

    /** An entity tag without its double quotes. */
    ETAG_WITHOUT_QUOTES(9, in("Validators.java", "String etag = \"\\\"\" + Long.toHexString(attributes.size()) + \"-\"\n"
            + "                + Long.toHexString(modified.to(TimeUnit.NANOSECONDS)) + \"\\\"\";",
            "String etag = Long.toHexString(attributes.size()) + \"-\" // FLAW: no quotes\n"
                    + "                + Long.toHexString(modified.to(TimeUnit.NANOSECONDS));"));


    private final int step;
    private final List<Edit> edits;

    Steps8And9Fixtures(int step, Edit... edits) {
        this.step = step;
        this.edits = List.of(edits);
    }

    @Override
    public int step() {
        return step;
    }

    @Override
    public List<Edit> edits() {
        return edits;
    }

    /** Whether the servers' time zone ({@link Sandbox#SERVERS_OFFSET}, by the hour the tests began) is east of GMT. */
    static boolean eastOfGmt() {
        return Sandbox.SERVERS_OFFSET.getTotalSeconds() > 0;
    }
}
