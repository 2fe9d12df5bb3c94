package httpcourse.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ("diff -u") of two small text files, computed here so that the docs tests
 * can recompute every diff shown in the course and compare it line for line.
 *
 * <p>The format is the one of {@code diff -u --suppress-blank-empty}, with three lines of
 * context, and the file names (no dates) on the "---" and "+++" lines. A blank context line
 * is written as an empty line instead of a single space, so that an editor that trims
 * trailing spaces cannot break a listing. The files are a few hundred lines long at most,
 * so the longest common subsequence is found with the plain quadratic table.
 */
final class UnifiedDiff {

    static final int CONTEXT = 3;

    private enum Kind { SAME, REMOVED, ADDED }

    /** One line of the edit script, with where it stands in each file (0-based). */
    private record Op(Kind kind, String text, int oldIndex, int newIndex) {
    }

    private UnifiedDiff() {
    }

    /**
     * The diff of two folders, as "diff -ruN" shows it: file by file, in name order, a file that
     * one folder lacks compared with an empty one; the files that did not change are left out.
     */
    static List<String> diffFolders(String oldFolder, String newFolder) {
        return fileDiffs(oldFolder, newFolder).stream().flatMap(List::stream).toList();
    }

    /**
     * The diff of two folders or of two files, one list per file that changed, each starting
     * with its two header lines ("---" and "+++").
     */
    private static List<List<String>> fileDiffs(String oldPath, String newPath) {
        if (!java.nio.file.Files.isDirectory(Repo.ROOT.resolve(oldPath))) {
            return List.of(diff(oldPath, linesOf(oldPath), newPath, linesOf(newPath)));
        }
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        names.addAll(fileNames(oldPath));
        names.addAll(fileNames(newPath));
        List<List<String>> out = new ArrayList<>();
        for (String name : names) {
            List<String> oldLines = linesOf(oldPath + "/" + name);
            List<String> newLines = linesOf(newPath + "/" + name);
            if (!oldLines.equals(newLines)) {
                out.add(diff(oldPath + "/" + name, oldLines, newPath + "/" + name, newLines));
            }
        }
        return out;
    }

    /** How big a diff is: its lines that start with "+", and those that start with "-". */
    record Size(int added, int removed) {
    }

    /**
     * The size of the diff of two folders (or files), as the course states it: the lines of the
     * {@code diff -ruN} output that start with "+" or "-", blank ones included, without each file's
     * "---" and "+++" header lines. It is what {@code git diff --stat} counts as insertions and
     * deletions, and what a student counts in the chapter's diff block.
     */
    static Size size(String oldPath, String newPath) {
        int added = 0;
        int removed = 0;
        for (List<String> file : fileDiffs(oldPath, newPath)) {
            for (String line : file.subList(2, file.size())) {
                if (line.startsWith("+")) {
                    added++;
                } else if (line.startsWith("-")) {
                    removed++;
                }
            }
        }
        return new Size(added, removed);
    }

    /**
     * The lines the diff of two folders changes, blank ones not counted: the size the course's
     * budget for a step counts (StepBudgetTest), lines of code and comments added or removed.
     */
    static int changedLines(String oldPath, String newPath) {
        int changed = 0;
        for (List<String> file : fileDiffs(oldPath, newPath)) {
            for (String line : file.subList(2, file.size())) {
                if ((line.startsWith("+") || line.startsWith("-")) && !line.substring(1).isBlank()) {
                    changed++;
                }
            }
        }
        return changed;
    }

    private static List<String> fileNames(String folder) {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(Repo.ROOT.resolve(folder))) {
            return files.filter(java.nio.file.Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> linesOf(String path) {
        java.nio.file.Path file = Repo.ROOT.resolve(path);
        return java.nio.file.Files.isRegularFile(file) ? Repo.lines(file) : List.of();
    }

    static List<String> diff(String oldName, List<String> oldLines, String newName, List<String> newLines) {
        List<Op> ops = editScript(oldLines, newLines);
        List<String> out = new ArrayList<>();
        out.add("--- " + oldName);
        out.add("+++ " + newName);
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == Kind.SAME) {
                i++;
                continue;
            }
            // A hunk: this change, and every later change separated from it by at most
            // 2 * CONTEXT unchanged lines, with CONTEXT unchanged lines around.
            int firstChange = i;
            int lastChange = i;
            for (int j = i + 1; j < ops.size() && j - lastChange <= 2 * CONTEXT; j++) {
                if (ops.get(j).kind() != Kind.SAME) {
                    lastChange = j;
                }
            }
            int start = Math.max(0, firstChange - CONTEXT);
            int end = Math.min(ops.size() - 1, lastChange + CONTEXT);
            out.add(hunkHeader(ops.subList(start, end + 1)));
            for (Op op : ops.subList(start, end + 1)) {
                out.add(switch (op.kind()) {
                    case SAME -> op.text().isEmpty() ? "" : " " + op.text();
                    case REMOVED -> "-" + op.text();
                    case ADDED -> "+" + op.text();
                });
            }
            i = end + 1;
        }
        return out;
    }

    /** "@@ -12,7 +12,9 @@": where the hunk starts in each file (1-based) and how many lines it covers. */
    private static String hunkHeader(List<Op> hunk) {
        int oldCount = (int) hunk.stream().filter(op -> op.kind() != Kind.ADDED).count();
        int newCount = (int) hunk.stream().filter(op -> op.kind() != Kind.REMOVED).count();
        Op first = hunk.get(0);
        return "@@ -" + range(first.oldIndex(), oldCount) + " +" + range(first.newIndex(), newCount) + " @@";
    }

    /** As diff writes it: "start,count", just "start" for one line, and the line before for none. */
    private static String range(int index, int count) {
        if (count == 0) {
            return index + ",0";
        }
        return count == 1 ? String.valueOf(index + 1) : (index + 1) + "," + count;
    }

    /** The shortest way from the old lines to the new: keep the longest common subsequence. */
    private static List<Op> editScript(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        // common[i][j] = length of the longest common subsequence of a[i..] and b[j..]
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new Op(Kind.SAME, a.get(i), i++, j++));
            } else if (j == m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
                ops.add(new Op(Kind.REMOVED, a.get(i), i++, j));
            } else {
                ops.add(new Op(Kind.ADDED, b.get(j), i, j++));
            }
        }
        return ops;
    }
}
