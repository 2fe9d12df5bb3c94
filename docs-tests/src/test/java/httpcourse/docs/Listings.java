package httpcourse.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code blocks of the course text that stand for real files. A marker comment, which
 * GitHub does not show, stands on the line just before the block:
 *
 * <pre>
 * &lt;!-- listing: step1-hello/src/main/java/HttpServer.java --&gt;   the whole file
 * &lt;!-- diff: step1-hello/src/main/java/HttpServer.java step2-index/src/main/java/HttpServer.java --&gt;
 *                                                                  the unified diff of the two files
 * &lt;!-- diff: step4-404/src/main/java step5-many-clients/src/main/java --&gt;
 *                                                                  the diff of two folders, file by file (diff -ruN)
 * &lt;!-- excerpt: step4-404/src/main/java/HttpServer.java --&gt;     some lines, in a row, of the file
 * &lt;!-- snippet --&gt;                                                code to type, not a copy of a file
 * &lt;!-- checks: step5 --&gt;                                         the checks step 5 adds to step 4's, from its spec
 * </pre>
 *
 * Paths are written from the repository root. A listing or diff block must equal the file or
 * the diff (see {@link UnifiedDiff}) line for line; {@code -Ddocs.update=true} rewrites them.
 * An excerpt must appear in the file exactly, as consecutive lines; it is never rewritten
 * (which lines to show is a choice a person makes). Every ```java and ```diff block needs
 * one of these markers, so that no unchecked copy of the code hides in the text.
 */
final class Listings {

    enum Kind { LISTING, DIFF, EXCERPT, SNIPPET, CHECKS }

    /** A marker, where it is, and the code block after it (empty if there is none yet). */
    record Block(Path doc, int markerIndex, Kind kind, List<String> paths,
                 int openIndex, int closeIndex, List<String> shown) {

        boolean hasCode() {
            return openIndex >= 0;
        }

        /** Where the marker is, as a student finds it: "docs/02-step1-hello.md, line 57". */
        String where() {
            return Repo.show(doc) + ", line " + (markerIndex + 1);
        }

        String describe() {
            return switch (kind) {
                case LISTING -> "the listing of " + paths.get(0) + " is the real file";
                case DIFF -> "the diff from " + paths.get(0) + " to " + paths.get(1) + " is the real diff";
                case EXCERPT -> "the excerpt of " + paths.get(0) + " appears in the real file";
                case SNIPPET -> "the snippet is followed by a code block";
                case CHECKS -> "the checks of " + paths.get(0) + " are those of its spec";
            };
        }
    }

    /** A marker that cannot be read: the test reports the reason. */
    record BadMarker(Path doc, int lineIndex, String reason) {
        String where() {
            return Repo.show(doc) + ", line " + (lineIndex + 1);
        }
    }

    static final String UPDATE_COMMAND = "./mvnw -q test -am -pl docs-tests -Dtest=ListingsTest -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true";

    private static final Pattern ANY_MARKER = Pattern.compile("^\\s*<!--\\s*(listing|diff|excerpt|snippet|checks)\\b.*");
    private static final Pattern CHECKS = Pattern.compile("^<!--\\s*checks:\\s*(step\\d+)\\s*-->\\s*$");
    private static final Pattern MARKER =
            Pattern.compile("^<!--\\s*(listing|diff|excerpt):\\s*(\\S+)(?:\\s+(\\S+))?\\s*-->\\s*$");
    private static final Pattern SNIPPET = Pattern.compile("^<!--\\s*snippet\\b.*-->\\s*$");
    static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})\\s*([\\w+-]*).*$");
    private static final Pattern CHECKED_LANGUAGE = Pattern.compile("java|diff");

    private Listings() {
    }

    /** Everything in one Markdown file: its marked blocks and the problems found on the way. */
    record Scan(List<Block> blocks, List<BadMarker> problems) {
    }

    static Scan scan(Path doc) {
        List<String> lines = Repo.lines(doc);
        List<Block> blocks = new ArrayList<>();
        List<BadMarker> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                // A code block with no marker before it: fine for transcripts and diagrams,
                // not for Java or diffs, which must say which file they come from.
                int close = closingFence(lines, i, fence.group(1));
                if (CHECKED_LANGUAGE.matcher(fence.group(2)).matches()) {
                    problems.add(new BadMarker(doc, i, "this ```" + fence.group(2) + " block has no marker on the"
                            + " line before it. Put <!-- listing: PATH -->, <!-- diff: OLD NEW -->,"
                            + " <!-- excerpt: PATH --> or <!-- snippet --> (code to type, not a copy of a file) there."));
                }
                if (close < 0) {
                    problems.add(new BadMarker(doc, i, "this code block is never closed with " + fence.group(1) + "."));
                    return new Scan(blocks, problems);
                }
                i = close;
                continue;
            }
            if (!ANY_MARKER.matcher(line).matches()) {
                continue;
            }
            Kind kind;
            List<String> paths;
            Matcher marker = MARKER.matcher(line);
            Matcher checks = CHECKS.matcher(line);
            if (SNIPPET.matcher(line).matches()) {
                kind = Kind.SNIPPET;
                paths = List.of();
            } else if (checks.matches()) {
                kind = Kind.CHECKS;
                paths = List.of(checks.group(1));
            } else if (marker.matches()) {
                kind = Kind.valueOf(marker.group(1).toUpperCase());
                paths = marker.group(3) == null ? List.of(marker.group(2)) : List.of(marker.group(2), marker.group(3));
                int wanted = kind == Kind.DIFF ? 2 : 1;
                if (paths.size() != wanted) {
                    problems.add(new BadMarker(doc, i, "a " + marker.group(1) + " marker names " + wanted
                            + (wanted == 1 ? " file" : " files") + ", here it names " + paths.size() + ": " + line));
                    continue;
                }
                Optional<String> missing = paths.stream().filter(p -> kind == Kind.DIFF
                        ? !Files.exists(Repo.ROOT.resolve(p)) : !Files.isRegularFile(Repo.ROOT.resolve(p))).findFirst();
                if (missing.isPresent()) {
                    problems.add(new BadMarker(doc, i, "the marker names " + missing.get()
                            + ", but there is no such file (paths are written from the repository root)."));
                    continue;
                }
            } else {
                problems.add(new BadMarker(doc, i, "a marker must look like <!-- listing: PATH -->,"
                        + " <!-- diff: OLD NEW -->, <!-- excerpt: PATH -->, <!-- snippet --> or <!-- checks: stepN -->,"
                        + " not: " + line));
                continue;
            }
            Matcher open = i + 1 < lines.size() ? FENCE.matcher(lines.get(i + 1)) : null;
            if (open == null || !open.matches()) {
                blocks.add(new Block(doc, i, kind, paths, -1, -1, List.of()));
                continue;
            }
            int close = closingFence(lines, i + 1, open.group(1));
            if (close < 0) {
                problems.add(new BadMarker(doc, i + 1, "this code block is never closed with " + open.group(1) + "."));
                return new Scan(blocks, problems);
            }
            blocks.add(new Block(doc, i, kind, paths, i + 1, close, List.copyOf(lines.subList(i + 2, close))));
            i = close;
        }
        return new Scan(blocks, problems);
    }

    /** The index of the line that closes the block opened at {@code open}, or -1. */
    private static int closingFence(List<String> lines, int open, String fence) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (closes(lines.get(j), fence)) {
                return j;
            }
        }
        return -1;
    }

    /** Whether the line closes a code block opened with {@code fence}: the same character, at least as many. */
    static boolean closes(String line, String fence) {
        String s = line.strip();
        return s.length() >= fence.length() && s.chars().allMatch(c -> c == fence.charAt(0));
    }

    /** What a listing or a diff block must hold. */
    static List<String> expected(Block block) {
        return switch (block.kind()) {
            case LISTING -> Repo.lines(Repo.ROOT.resolve(block.paths().get(0)));
            case DIFF -> Files.isDirectory(Repo.ROOT.resolve(block.paths().get(0)))
                    ? UnifiedDiff.diffFolders(block.paths().get(0), block.paths().get(1))
                    : UnifiedDiff.diff(
                    block.paths().get(0), Repo.lines(Repo.ROOT.resolve(block.paths().get(0))),
                    block.paths().get(1), Repo.lines(Repo.ROOT.resolve(block.paths().get(1))));
            case CHECKS -> SpecChecks.of(block.paths().get(0)).stream().map(name -> "- " + name).toList();
            case EXCERPT, SNIPPET -> throw new IllegalArgumentException("no fixed content for " + block.kind());
        };
    }

    /** Null if the block is right, else a message that says what differs and how to fix it. */
    static String check(Block block) {
        if (!block.hasCode()) {
            return block.where() + ": the marker must stand on the line just before a code block (```)."
                    + (block.kind() != Kind.EXCERPT && block.kind() != Kind.SNIPPET
                    ? " To add the block, run:\n    " + UPDATE_COMMAND : "");
        }
        return switch (block.kind()) {
            case SNIPPET -> null;
            case EXCERPT -> checkExcerpt(block);
            case LISTING, DIFF, CHECKS -> checkCopy(block);
        };
    }

    private static String checkCopy(Block block) {
        List<String> expected = expected(block);
        List<String> shown = block.shown();
        if (shown.equals(expected)) {
            return null;
        }
        int at = 0;
        while (at < shown.size() && at < expected.size() && shown.get(at).equals(expected.get(at))) {
            at++;
        }
        String source = switch (block.kind()) {
            case LISTING -> "the file";
            case DIFF -> "the real diff";
            default -> "the spec";
        };
        return block.where() + ": " + switch (block.kind()) {
            case LISTING -> "the listing of " + block.paths().get(0) + " is not the same as the file.";
            case DIFF -> "the diff from " + block.paths().get(0) + " to " + block.paths().get(1) + " is not the real diff.";
            default -> "the checks of " + block.paths().get(0) + " are not those of its spec.";
        }
                + "\n  First difference: line " + (at + 1) + " of the code block (line " + (block.openIndex() + at + 2)
                + " of " + Repo.show(block.doc()) + ")"
                + "\n    in the doc:  " + lineOrEnd(shown, at)
                + "\n    in " + source + ": " + lineOrEnd(expected, at)
                + "\n  To copy the real code into the docs, run:"
                + "\n    " + UPDATE_COMMAND
                + "\n  then re-read the text around the block: it may still describe the old code.";
    }

    private static String checkExcerpt(Block block) {
        List<String> file = Repo.lines(Repo.ROOT.resolve(block.paths().get(0)));
        List<String> shown = block.shown();
        if (!shown.isEmpty() && Collections.indexOfSubList(file, shown) >= 0) {
            return null;
        }
        // Say which line of the excerpt is no longer in the file, if one is not.
        String lost = shown.stream().filter(l -> !file.contains(l)).findFirst()
                .map(l -> "\n  This line is not in the file any more:\n    " + quote(l))
                .orElse("\n  Every line is still in the file, but not in this order, or not next to each other.");
        return block.where() + ": the excerpt of " + block.paths().get(0) + " is not a run of lines of the file." + lost
                + "\n  Find the code in " + block.paths().get(0) + " and paste its current lines into the block"
                + " (excerpts are not rewritten automatically: a person chooses which lines to show).";
    }

    private static String lineOrEnd(List<String> lines, int index) {
        return index < lines.size() ? quote(lines.get(index)) : "(the block ends here)";
    }

    private static String quote(String line) {
        return "\"" + line + "\"";
    }

    /**
     * Rewrites every listing, diff and checks block of the doc from the real files, adding the block
     * if the marker has none yet. Returns how many blocks changed.
     */
    static int update(Path doc) {
        String text = Repo.read(doc);
        List<String> lines = text.lines().toList();
        List<Block> blocks = scan(doc).blocks();
        List<String> out = new ArrayList<>();
        int changed = 0;
        int next = 0;
        for (Block block : blocks) {
            if (block.kind() == Kind.EXCERPT || block.kind() == Kind.SNIPPET) {
                continue;
            }
            List<String> expected = expected(block);
            if (block.hasCode() && block.shown().equals(expected)) {
                continue;
            }
            out.addAll(lines.subList(next, block.markerIndex() + 1));
            String fence = block.hasCode() ? fenceOf(lines.get(block.openIndex())) : "```";
            fence = longEnough(fence, expected);
            String language = block.hasCode() ? lines.get(block.openIndex()).replaceFirst("^[`~]+", "")
                    : block.kind() == Kind.DIFF ? "diff" : block.kind() == Kind.CHECKS ? "text" : language(block.paths().get(0));
            out.add(fence + language);
            out.addAll(expected);
            out.add(fence);
            next = block.hasCode() ? block.closeIndex() + 1 : block.markerIndex() + 1;
            changed++;
        }
        if (changed > 0) {
            out.addAll(lines.subList(next, lines.size()));
            Repo.write(doc, out, Repo.lineEnding(text));
        }
        return changed;
    }

    private static String fenceOf(String openingLine) {
        Matcher m = FENCE.matcher(openingLine);
        return m.matches() ? m.group(1) : "```";
    }

    /** A fence longer than any run of the same character that starts a line of the content. */
    private static String longEnough(String fence, List<String> content) {
        char c = fence.charAt(0);
        int longest = 0;
        for (String line : content) {
            String s = line.strip();
            int run = 0;
            while (run < s.length() && s.charAt(run) == c) {
                run++;
            }
            longest = Math.max(longest, run);
        }
        return fence.length() > longest ? fence : String.valueOf(c).repeat(longest + 1);
    }

    private static String language(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (extension) {
            case "java" -> "java";
            case "html", "htm" -> "html";
            case "xml" -> "xml";
            case "json" -> "json";
            case "md" -> "markdown";
            default -> "text";
        };
    }
}
