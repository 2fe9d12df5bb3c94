package httpcourse.docs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links and images of a Markdown file, and whether each one points somewhere.
 * Links to the web ("https:", "mailto:") are not checked: the tests must work offline.
 */
final class Links {

    /** One link or image: the line it is on (1-based) and its target as written. */
    record Link(Path doc, int line, String target, boolean image) {
        String where() {
            return Repo.show(doc) + ", line " + line;
        }
    }

    // [text](target "title") and ![alt](target); the text may not hold brackets.
    private static final Pattern INLINE = Pattern.compile("(!?)\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    // [name]: target  (a reference definition)
    private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?.*$");
    // <img src="..."> and <a href="...">
    private static final Pattern HTML = Pattern.compile("<(img|a)\\b[^>]*?\\b(?:src|href)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE_SPAN = Pattern.compile("(`+).+?\\1");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,}).*$");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final Pattern GITHUB_LINE_ANCHOR = Pattern.compile("L\\d+(-L\\d+)?");

    private Links() {
    }

    /** The lines that are prose: code blocks (listings, transcripts, diagrams) are blanked out. */
    static List<String> prose(Path doc) {
        return prose(doc, false);
    }

    /** As {@link #prose(Path)}; with {@code keepCode}, `code spans` stay (headings need them for anchors). */
    static List<String> prose(Path doc, boolean keepCode) {
        List<String> lines = Repo.lines(doc);
        List<String> prose = new ArrayList<>(lines.size());
        String openFence = null;
        for (String line : lines) {
            Matcher fence = FENCE.matcher(line);
            if (openFence == null && fence.matches()) {
                openFence = fence.group(1);
                prose.add("");
            } else if (openFence != null) {
                if (Listings.closes(line, openFence)) {
                    openFence = null;
                }
                prose.add("");
            } else {
                prose.add(keepCode ? line : CODE_SPAN.matcher(line).replaceAll(""));
            }
        }
        return prose;
    }

    static List<Link> links(Path doc) {
        List<String> prose = prose(doc);
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < prose.size(); i++) {
            String line = prose.get(i);
            Matcher m = INLINE.matcher(line);
            while (m.find()) {
                links.add(new Link(doc, i + 1, m.group(2), !m.group(1).isEmpty()));
            }
            m = REFERENCE.matcher(line);
            if (m.matches()) {
                links.add(new Link(doc, i + 1, m.group(1), false));
            }
            m = HTML.matcher(line);
            while (m.find()) {
                links.add(new Link(doc, i + 1, m.group(2), m.group(1).equalsIgnoreCase("img")));
            }
        }
        return links;
    }

    /** Null if the link leads somewhere, else why not and how to fix it. */
    static String check(Link link) {
        String target = link.target();
        if (target.isEmpty()) {
            return link.where() + ": a link with no target: ()";
        }
        if (SCHEME.matcher(target).matches()) {
            return null; // a web address: not checked offline
        }
        String pathPart = target;
        String anchor = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            pathPart = target.substring(0, hash);
            anchor = target.substring(hash + 1);
        }
        int query = pathPart.indexOf('?');
        if (query >= 0) {
            pathPart = pathPart.substring(0, query);
        }
        pathPart = URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file;
        if (pathPart.isEmpty()) {
            file = link.doc();
        } else if (pathPart.startsWith("/")) {
            file = Repo.ROOT.resolve(pathPart.substring(1)); // GitHub reads "/" as the repository root
        } else {
            file = link.doc().toAbsolutePath().getParent().resolve(pathPart);
        }
        file = file.normalize();
        String kind = link.image() ? "image" : "link";
        if (!file.startsWith(Repo.ROOT)) {
            return link.where() + ": the " + kind + " " + target + " leads outside the repository.";
        }
        if (!Files.exists(file)) {
            return link.where() + ": the " + kind + " " + target + " points to " + Repo.show(file)
                    + ", which does not exist. Fix the path (it is relative to " + Repo.show(link.doc().getParent())
                    + "/) or add the file" + (link.image() ? " (screenshots come from the browser tests)." : ".");
        }
        if (anchor == null || anchor.isEmpty()) {
            return null;
        }
        if (!file.toString().endsWith(".md")) {
            return GITHUB_LINE_ANCHOR.matcher(anchor).matches() ? null
                    : link.where() + ": the anchor #" + anchor + " only works on a Markdown file or as #L12 on a source file.";
        }
        Set<String> anchors = anchors(file);
        if (anchors.contains(anchor)) {
            return null;
        }
        return link.where() + ": the " + kind + " " + target + " names the heading #" + anchor
                + ", but " + Repo.show(file) + " has no heading with that anchor."
                + "\n  Its anchors are: " + String.join(", ", anchors)
                + "\n  (GitHub makes an anchor from a heading: lower case, spaces become '-',"
                + " punctuation other than '-' and '_' is dropped.)";
    }

    /** The anchors GitHub gives the headings of a Markdown file, in order. */
    static Set<String> anchors(Path doc) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(doc, true)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String slug = slug(m.group(2));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }

    /** GitHub's rule: the heading's text, lower case, spaces to '-', punctuation except '-' and '_' dropped. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // a link: keep its text
                .replaceAll("<[^>]+>", "");                                   // an HTML tag: drop it
        StringBuilder slug = new StringBuilder();
        text.toLowerCase().codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c)) {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }
}
