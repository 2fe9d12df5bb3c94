import module java.base;

/** A request's head: its lines, as bytes, up to the empty line that ends it. */
final class Request {

    /** The head's lines, up to the empty line that ends it; none when the client left without a word. */
    static List<String> readHead(InputStream in) throws IOException {
        List<String> head = new ArrayList<>();
        for (String line = readLine(in); line != null; line = readLine(in)) {
            if (!line.isEmpty()) {
                head.add(line);
            } else if (!head.isEmpty()) {
                break; // an empty line before the request line is ignored (RFC 9112 §2.2)
            }
        }
        return head;
    }

    /**
     * One line, without its CRLF or its bare LF, which RFC 9112 §2.2 lets a server accept. A bare
     * CR stays in the line, and makes it malformed (BufferedReader.readLine would end the line there).
     */
    static String readLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                return line.isEmpty() ? null : line.toString(); // the client closed the connection
            }
            line.append((char) b); // ISO-8859-1: each byte is one char, nothing lost or guessed
        }
        int last = line.length() - 1;
        return last >= 0 && line.charAt(last) == '\r' ? line.substring(0, last) : line.toString();
    }
}
