package httpcourse.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the course text says about the size of a diff, checked against the real steps. A size is
 * always stated in one phrasing, which names the two folders (or files), with the numbers after:
 *
 * <pre>
 * `diff -ruN step15-uploads/src/main/java step16-ranges/src/main/java` (57 lines added, 3 removed)
 * </pre>
 *
 * The words may be wrapped across lines. The numbers are counted as {@link UnifiedDiff#size}
 * does: the lines of the diff that start with "+" or "-", blank ones included, without the
 * "---" and "+++" lines that name each file ({@code git diff --stat} counts the same). Any other
 * way to give a diff's size in prose ("87 lines added", "12 changed lines", "a diff of 40 lines")
 * is reported, so that no hand-written number can go stale unseen. Code blocks are not read.
 * {@code -Ddocs.update=true} rewrites the numbers.
 */
final class DiffSizes {

    /** The one phrasing: the command in backticks, then the two counts in parentheses. */
    static final Pattern STATEMENT = Pattern.compile(
            "`diff\\s+-ruN\\s+([^\\s`]+)\\s+([^\\s`]+)`(\\s*)\\((\\d+)(\\s+)lines?(\\s+)added,(\\s+)(\\d+)(\\s+)removed\\)");

    /** A diff's size given some other way, which the test cannot check. */
    static final Pattern LOOSE = Pattern.compile("(?i)\\b\\d+\\s+(?:lines?\\s+(?:added|removed|changed|inserted|deleted)"
            + "|(?:changed|added|removed)\\s+lines?|insertions?|deletions?)\\b"
            + "|\\bdiff\\s+of\\s+\\d+\\s+lines?\\b|\\b\\d+-line\\s+diff\\b");

    /** One statement of a diff's size, where it is in the doc, and what it says. */
    record Statement(Path doc, int line, int start, int end, String oldPath, String newPath,
                     int added, int removed, String text) {

        String where() {
            return Repo.show(doc) + ", line " + line;
        }
    }

    /** A size the test cannot check, or a statement that names a path that does not exist. */
    record Problem(Path doc, int line, String reason) {
        String where() {
            return Repo.show(doc) + ", line " + line;
        }
    }

    record Scan(List<Statement> statements, List<Problem> problems) {
    }

    private DiffSizes() {
    }

    static Scan scan(Path doc) {
        String text = Repo.read(doc);
        String prose = withoutCodeBlocks(text);
        List<Statement> statements = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Matcher m = STATEMENT.matcher(prose);
        while (m.find()) {
            int line = lineOf(prose, m.start());
            String missing = !Files.exists(Repo.ROOT.resolve(m.group(1))) ? m.group(1)
                    : !Files.exists(Repo.ROOT.resolve(m.group(2))) ? m.group(2) : null;
            if (missing != null) {
                problems.add(new Problem(doc, line, "the diff's size names " + missing
                        + ", but there is no such folder or file (paths are written from the repository root)."));
                continue;
            }
            statements.add(new Statement(doc, line, m.start(), m.end(), m.group(1), m.group(2),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(8)), m.group()));
        }
        Matcher loose = LOOSE.matcher(prose);
        while (loose.find()) {
            int at = loose.start();
            if (statements.stream().anyMatch(s -> s.start() <= at && at < s.end())) {
                continue;
            }
            problems.add(new Problem(doc, lineOf(prose, at), "\"" + loose.group().replaceAll("\\s+", " ")
                    + "\" gives a diff's size in a way the docs tests cannot check. Say it as "
                    + "`diff -ruN OLD NEW` (N lines added, M removed), with the two folders, and run:\n    "
                    + Listings.UPDATE_COMMAND));
        }
        return new Scan(statements, problems);
    }

    /** The real size of the diff the statement names. */
    static UnifiedDiff.Size real(Statement statement) {
        return UnifiedDiff.size(statement.oldPath(), statement.newPath());
    }

    /** Null if the statement gives the real size, else what the numbers should be and how to fix them. */
    static String check(Statement statement) {
        UnifiedDiff.Size real = real(statement);
        if (real.added() == statement.added() && real.removed() == statement.removed()) {
            return null;
        }
        return statement.where() + ": `diff -ruN " + statement.oldPath() + " " + statement.newPath() + "` is "
                + real.added() + " lines added, " + real.removed() + " removed, but the text says "
                + statement.added() + " added, " + statement.removed() + " removed."
                + "\n  (Counted as the diff block shows it: lines that start with + or -, blank ones too,"
                + " without the ---/+++ lines that name the files; git diff --stat counts the same.)"
                + "\n  To write the real numbers into the docs, run:"
                + "\n    " + Listings.UPDATE_COMMAND;
    }

    /** Writes the real numbers into every statement of the doc. Returns how many changed. */
    static int update(Path doc) {
        String text = Repo.read(doc);
        StringBuilder out = new StringBuilder();
        int next = 0;
        int changed = 0;
        for (Statement statement : scan(doc).statements()) {
            UnifiedDiff.Size real = real(statement);
            if (real.added() == statement.added() && real.removed() == statement.removed()) {
                continue;
            }
            Matcher m = STATEMENT.matcher(statement.text());
            if (!m.matches()) {
                throw new IllegalStateException(statement.where() + ": cannot read " + statement.text());
            }
            out.append(text, next, statement.start());
            out.append(statement.text(), 0, m.start(4)).append(real.added())
                    .append(m.group(5)).append(real.added() == 1 ? "line" : "lines")
                    .append(statement.text(), m.start(6), m.start(8)).append(real.removed())
                    .append(statement.text(), m.end(8), statement.text().length());
            next = statement.end();
            changed++;
        }
        if (changed > 0) {
            out.append(text, next, text.length());
            try {
                Files.writeString(doc, out.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return changed;
    }

    /**
     * The text with the content of every fenced code block turned into spaces, so that offsets
     * and line numbers stay those of the file: a transcript may say "87 insertions(+)".
     */
    static String withoutCodeBlocks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String fence = null;
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            end = end < 0 ? text.length() : end + 1;
            String line = text.substring(at, end);
            String bare = line.strip();
            boolean keep;
            if (fence == null) {
                Matcher open = Listings.FENCE.matcher(bare);
                if (open.matches()) {
                    fence = open.group(1);
                }
                keep = true;
            } else if (Listings.closes(bare, fence)) {
                fence = null;
                keep = true;
            } else {
                keep = false;
            }
            out.append(keep ? line : line.replaceAll("[^\r\n]", " "));
            at = end;
        }
        return out.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
