package httpcourse.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes the source files of every step from the one annotated source in course-source/server,
 * as Crafting Interpreters makes each chapter's code from its final code. The annotated source
 * is the last step's code, which compiles as it is; each line says in which steps it exists:
 *
 * <pre>
 * //@file 7+                   first line of a file: the file exists from step 7 on
 * //@ 5+        ... //@ end    the lines between exist from step 5 on
 * //@ 2-9       ... //@ end    from step 2 to step 9 (blocks nest; an inner block narrows)
 * code();  //@ 3               this line exists in step 3 only
 * //| oldCode();               a line of earlier steps only: the last step has it as a comment
 * </pre>
 *
 * A line with no marker exists wherever its file and blocks exist. In HttpServer.java, the line
 * that starts with //SOURCES is written for each step: it names that step's other files (for
 * jbang), or disappears when there are none.
 */
final class StepSources {

    private static final Pattern FILE_MARKER = Pattern.compile("^//@file\\s+(\\S+)\\s*$");
    private static final Pattern BLOCK_MARKER = Pattern.compile("^\\s*//@\\s+(\\S+)\\s*$");
    private static final Pattern LINE_MARKER = Pattern.compile("^(.*\\S)\\s+//@\\s+(\\S+)\\s*$");
    private static final Pattern OLD_LINE = Pattern.compile("^(\\s*)//\\|(?: (.*))?$");
    private static final Pattern RANGE = Pattern.compile("(\\d+)(\\+|-(\\d+))?");
    static final String MAIN_FILE = "HttpServer.java";
    private static final String SOURCES = "//SOURCES";

    /** Steps {@code first} to {@code last}, both included. */
    record Range(int first, int last) {
        boolean has(int step) {
            return first <= step && step <= last;
        }

        Range narrowedTo(Range inner) {
            return new Range(Math.max(first, inner.first), Math.min(last, inner.last));
        }

        boolean isEmpty() {
            return first > last;
        }

        /** "5", "5+" (from 5 to the last step), "2-9". */
        static Range parse(String text, int lastStep) {
            Matcher m = RANGE.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("\"" + text + "\" is not a range of steps: write 5, 5+ or 2-9");
            }
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2) == null ? first : m.group(2).equals("+") ? lastStep : Integer.parseInt(m.group(3));
            if (first < 1 || last > lastStep || first > last) {
                throw new IllegalArgumentException("\"" + text + "\" is not a range of steps between 1 and " + lastStep);
            }
            return new Range(first, last);
        }
    }

    /** One line of a step file, the steps it exists in, and where it stands in the source. */
    record Line(String text, Range range, int number) {
    }

    /** One annotated file: its name, the steps it exists in, its lines. */
    record SourceFile(String name, Range range, List<Line> lines) {
    }

    /** What is wrong in the annotated source, every problem with its file and line. */
    static final class BadSource extends RuntimeException {
        BadSource(List<String> problems) {
            super("The annotated source in course-source/server has mistakes (see course-source/README.md):\n  "
                    + String.join("\n  ", problems));
        }
    }

    private StepSources() {
    }

    /** Reads every .java file of {@code folder}; throws BadSource with all the mistakes found. */
    static List<SourceFile> read(Path folder, int lastStep) {
        List<SourceFile> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files.add(parse(path.getFileName().toString(), Files.readAllLines(path, StandardCharsets.UTF_8),
                        lastStep, problems));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new BadSource(problems);
        }
        return files;
    }

    static SourceFile parse(String name, List<String> text, int lastStep, List<String> problems) {
        Range whole = new Range(1, lastStep);
        int start = 0;
        Matcher fileMarker = FILE_MARKER.matcher(text.isEmpty() ? "" : text.get(0));
        if (fileMarker.matches()) {
            whole = range(fileMarker, name, 1, lastStep, problems, whole);
            start = 1;
        }
        Deque<Range> blocks = new ArrayDeque<>();
        Deque<Integer> opened = new ArrayDeque<>();
        List<Line> lines = new ArrayList<>();
        for (int i = start; i < text.size(); i++) {
            String line = text.get(i);
            int number = i + 1;
            Range enclosing = blocks.isEmpty() ? whole : blocks.peek();
            Matcher block = BLOCK_MARKER.matcher(line);
            if (block.matches()) {
                if (block.group(1).equals("end")) {
                    if (blocks.isEmpty()) {
                        problems.add(name + ":" + number + ": //@ end closes no block");
                    } else {
                        blocks.pop();
                        opened.pop();
                    }
                } else {
                    blocks.push(narrowed(enclosing, range(block, name, number, lastStep, problems, enclosing),
                            name, number, problems));
                    opened.push(number);
                }
                continue;
            }
            Range range = enclosing;
            Matcher marked = LINE_MARKER.matcher(line);
            if (marked.matches() && !marked.group(1).strip().startsWith("//@")) {
                range = narrowed(enclosing, range(marked, name, number, lastStep, problems, enclosing),
                        name, number, problems);
                line = marked.group(1);
            }
            Matcher old = OLD_LINE.matcher(line);
            boolean isOld = old.matches();
            if (isOld) {
                line = old.group(1) + (old.group(2) == null ? "" : old.group(2));
            }
            if (isOld && range.has(lastStep)) {
                problems.add(name + ":" + number + ": a //| line is code of earlier steps only, but this one is in"
                        + " the last step " + lastStep + ": narrow its range, or make it a line of code");
            } else if (!isOld && !line.isBlank() && !range.has(lastStep)) {
                problems.add(name + ":" + number + ": this line is not in the last step " + lastStep
                        + ", so it must be a //| line (the source is the last step's code, and must compile)");
            }
            lines.add(new Line(line, range, number));
        }
        opened.forEach(number -> problems.add(name + ":" + number + ": this block has no //@ end"));
        return new SourceFile(name, whole, lines);
    }

    private static Range range(Matcher marker, String name, int number, int lastStep, List<String> problems,
                               Range fallback) {
        try {
            return Range.parse(marker.group(marker.groupCount()), lastStep);
        } catch (IllegalArgumentException e) {
            problems.add(name + ":" + number + ": " + e.getMessage());
            return fallback;
        }
    }

    private static Range narrowed(Range enclosing, Range inner, String name, int number, List<String> problems) {
        Range range = enclosing.narrowedTo(inner);
        if (range.isEmpty() || !range.equals(inner)) {
            problems.add(name + ":" + number + ": steps " + show(inner) + " reach outside the enclosing steps "
                    + show(enclosing) + ": the lines would never be in those steps");
        }
        return range.isEmpty() ? enclosing : range;
    }

    private static String show(Range range) {
        return range.first() == range.last() ? String.valueOf(range.first()) : range.first() + "-" + range.last();
    }

    /** The files of one step, by name, each as its lines. */
    static Map<String, List<String>> step(List<SourceFile> files, int step) {
        Map<String, List<String>> out = new TreeMap<>();
        for (SourceFile file : files) {
            if (file.range().has(step)) {
                out.put(file.name(), file.lines().stream().filter(line -> line.range().has(step))
                        .map(Line::text).toList());
            }
        }
        List<String> others = out.keySet().stream().filter(name -> !name.equals(MAIN_FILE)).toList();
        out.computeIfPresent(MAIN_FILE, (name, lines) -> lines.stream()
                .flatMap(line -> !line.startsWith(SOURCES) ? Stream.of(line)
                        : others.isEmpty() ? Stream.empty() : Stream.of(SOURCES + " " + String.join(" ", others)))
                .toList());
        return out;
    }

    /** The step folders of the repository, from the root pom's modules: step number to folder name. */
    static Map<Integer, String> stepFolders(Path root) {
        Map<Integer, String> steps = new TreeMap<>();
        try {
            Matcher module = Pattern.compile("<module>(step(\\d+)-[^<]+)</module>")
                    .matcher(Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8));
            while (module.find()) {
                steps.put(Integer.parseInt(module.group(2)), module.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return steps;
    }

    /** What every step folder must hold: "stepN-name/src/main/java/File.java" to its lines. */
    static Map<String, List<String>> allSteps(Path root) {
        Map<Integer, String> folders = stepFolders(root);
        int last = folders.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<SourceFile> files = read(root.resolve("course-source/server"), last);
        Map<String, List<String>> all = new LinkedHashMap<>();
        folders.forEach((step, folder) -> step(files, step).forEach((name, lines) ->
                all.put(folder + "/src/main/java/" + name, lines)));
        return all;
    }
}
