//@file 6+
import module java.base;

/** What a file holds, told by its extension: the names of IANA's media types registry. */
final class MediaTypes {

    // Any other extension is application/octet-stream: bytes, which a browser offers to save.
    static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("css", "text/css"), Map.entry("js", "text/javascript"),
            Map.entry("txt", "text/plain"), Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"), Map.entry("wasm", "application/wasm"));

    /** The Content-Type of a file. A text says charset=utf-8 only when true, else the browser guesses. */
    //| static String of(Path file) throws IOException { //@ 6-13
    static String of(Path file, byte[] bytes) throws IOException { // bytes: the file's, read already; or null //@ 14+
        //@ 6-16
        //| String name = file.getFileName().toString();
        //| int dot = name.lastIndexOf('.');
        //| String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT); // .PNG is .png
        //| String type = BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
        //@ end
        String type = byExtension(file); //@ 17+
        //| return type.startsWith("text/") && isUtf8(file) ? type + "; charset=utf-8" : type; //@ 6-13
        boolean utf8 = type.startsWith("text/") && (bytes != null ? isUtf8(bytes) : isUtf8(file)); //@ 14+
        return utf8 ? type + "; charset=utf-8" : type; //@ 14+
    }

    //@ 17+
    /** The type its extension names, without a charset. */
    static String byExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT); // .PNG is .png
        return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
    }

    //@ end
    /** Whether the file is UTF-8 text: a strict decoder reads it, and reports bytes that are not. */
    static boolean isUtf8(Path file) throws IOException {
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            text.transferTo(Writer.nullWriter());
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
    //@ 14+

    /** The same for bytes in memory: a new decoder reports what is not UTF-8, where new String() would replace it. */
    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
    //@ end
}
