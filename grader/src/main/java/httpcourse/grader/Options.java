package httpcourse.grader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The grader's command line, read by picocli (its usage help comes from these annotations).
 * {@link #parse} checks what picocli cannot (options that go together, ranges): anything wrong
 * is a {@link CommandLine.ParameterException}, reported with exit status 2.
 */
@Command(name = "grade", sortOptions = false, usageHelpWidth = 100,
        headerHeading = "",
        header = {
                "Grades an HTTP server with this course's specs: every check of a step, a report that says",
                "why a check failed, and a score."},
        synopsisHeading = "%nUsage:%n",
        customSynopsis = {
                "  grade [OPTIONS] -- COMMAND...",
                "      Starts the server with COMMAND and grades it, e.g.",
                "        grade --step 4 -- java alice/HttpServer.java",
                "        grade --step 2 -- python3 server.py",
                "      The grader adds a last argument, 0: the server must listen on any free port and",
                "      print \"Listening on port N\" with the real port (or use --port, below).",
                "      The server runs in a new empty folder holding a generated htdocs/; a word of",
                "      COMMAND that names an existing file or folder is turned into its absolute path.",
                "",
                "  grade [OPTIONS] --address HOST:PORT --workdir DIR",
                "      Grades a server that is already running, started in the folder DIR. DIR must be a",
                "      folder made for grading (empty): the grader writes htdocs/ and a few files there.",
                "",
                "  grade [OPTIONS] --batch SUBMISSIONS --command 'TEMPLATE'",
                "      Grades every sub-folder of SUBMISSIONS (one per student) and writes gradebook.csv,",
                "      gradebook.json and one report per student, e.g.",
                "        grade --batch submissions --step 4 --command 'java {dir}/HttpServer.java'",
                "      In TEMPLATE, {dir} is the student's folder, relative paths start there too.",
                "",
                "  grade --gradescope-zip autograder.zip [OPTIONS] --command 'TEMPLATE'",
                "      Writes Gradescope's autograder: setup.sh, run_autograder, this grader and its specs;",
                "      run_autograder grades /autograder/submission with these OPTIONS (--gradescope).",
                "",
                "  grade --prairielearn-image DIR [OPTIONS] [--command 'TEMPLATE']",
                "      Writes a Docker build folder for PrairieLearn's external grading: a Dockerfile",
                "      (eclipse-temurin:25, this grader, its specs) whose entrypoint grades /grade/student",
                "      with these OPTIONS and those it is given (--prairielearn).",
                "",
                "In COMMAND and TEMPLATE, {step} is the step number and a * matches one file or folder",
                "name, so a copy of this repository is graded step by step with",
                "        grade -- java 'step{step}-*/src/main/java/HttpServer.java'",
                "",
                "On Linux, every server runs in a sandbox (bubblewrap): it sees the system read-only and",
                "its own files only, may write only in its own folder, and every process it starts ends",
                "with it. --no-sandbox turns the sandbox off: only for code you trust."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%n",
        footer = {
                "Exit status: 0 every check passed, 1 a check failed, 2 bad usage.",
                "Every server is stopped when its step ends, with every process it started."})
final class Options {

    @Option(names = "--step", paramLabel = "N|all",
            description = "the step to grade: a number, a list (1,2) or all (default: all)")
    private String steps = "all";

    @Option(names = "--check", paramLabel = "WORDS", description = {
            "only the checks whose name holds WORDS (letter case aside), e.g. --check '404';",
            "may be given several times: to run again just the checks you are fixing"})
    private List<String> checks = new ArrayList<>();

    @Option(names = "--port", paramLabel = "P", description = {
            "the server always listens on port P (the article's uses 8000):",
            "the grader adds no argument and waits until P accepts connections"})
    private Integer port;

    @Option(names = "--address", paramLabel = "HOST:PORT", description = "a running server's address (with --workdir)")
    private String address;

    @Option(names = "--workdir", paramLabel = "DIR", description = "the folder the running server was started in")
    private Path workdir;

    @Option(names = "--batch", paramLabel = "SUBMISSIONS", description = "grade every sub-folder (with --command)")
    private Path batch;

    @Option(names = "--command", paramLabel = "TEMPLATE", description = "batch, platforms: the command that starts a submission")
    private String template;

    // --points, --gradescope, --gradescope-zip, --visibility, --prairielearn, --prairielearn-image
    @Mixin
    private PlatformOptions platforms = new PlatformOptions();

    @Option(names = "--timeout", paramLabel = "S",
            description = "seconds a response may take, until the connection closes (default 5; once a server has"
                    + " left one open, 1 s after its last byte)")
    private double responseSeconds = Grader.Limits.DEFAULT.response().toMillis() / 1000.0;

    @Option(names = "--startup-timeout", paramLabel = "S",
            description = "seconds the server may take to start (default 30)")
    private double startupSeconds = Grader.Limits.DEFAULT.startup().toMillis() / 1000.0;

    @Option(names = {"-v", "--verbose"}, description = {
            "every failure report in full (default: the first 3 of each step in",
            "full, then only the first hint of each other one)"})
    private boolean verbose;

    @Option(names = "--jobs", paramLabel = "J", description = {
            "steps graded side by side, each with its own server (with --batch: submissions);",
            "default: twice the cores, 4 to 8 (the servers mostly wait); 1 with --port or --address"})
    private int jobs = Math.min(8, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));

    @Option(names = "--out", paramLabel = "DIR", description = "batch: where the gradebooks and reports go (default: grades)")
    private Path out;

    @Option(names = "--no-sandbox", description = "run the servers without the sandbox: only for code you trust")
    private boolean noSandbox;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    private boolean help;

    // The server's command: everything after "--", or from the first word that is not an option.
    @Parameters(paramLabel = "COMMAND", hidden = true)
    private List<String> command = new ArrayList<>();

    private List<String> originalArgs = List.of();

    /** Reads the command line; steps are checked later, against the steps that exist. */
    static Options parse(CommandLine commandLine, String... args) {
        // An unknown option before "--" is reported by parse(), in the words of this grader.
        commandLine.setUnmatchedOptionsArePositionalParams(true);
        // The first word that is not an option starts the server's command, with or without "--"
        // (some shells, PowerShell among them, may drop a "--" on its way to the program).
        commandLine.setStopAtPositional(true);
        CommandLine.ParseResult result = commandLine.parseArgs(args);
        Options options = commandLine.getCommand();
        options.originalArgs = List.copyOf(result.originalArgs());
        if (!options.help) {
            options.check(commandLine, result.originalArgs());
        }
        return options;
    }

    private void check(CommandLine commandLine, List<String> args) {
        int endOfOptions = args.indexOf("--");
        if (!command.isEmpty() && command.get(0).startsWith("-")) {
            throw usage(commandLine, "unknown option " + command.get(0));
        }
        if (address != null && !address.matches("[^:\\s]+:\\d{1,5}")) {
            throw usage(commandLine, "--address needs HOST:PORT, e.g. 127.0.0.1:8000 (got \"" + address + "\")");
        }
        boolean hasCommand = endOfOptions >= 0 || !command.isEmpty();
        int modes = (hasCommand ? 1 : 0) + (address != null ? 1 : 0) + (batch != null ? 1 : 0) + platforms.modes();
        if (modes != 1) {
            throw usage(commandLine, modes == 0 ? "which server? Give its command after --, or --address, or --batch"
                    + " (or --gradescope, --gradescope-zip, --prairielearn, --prairielearn-image)"
                    : "give only one of: a command after --, --address, --batch, --gradescope, --gradescope-zip,"
                    + " --prairielearn, --prairielearn-image");
        }
        platforms.check(commandLine, template != null, !checks.isEmpty(), batch != null);
        if (endOfOptions >= 0 && command.isEmpty()) {
            throw usage(commandLine, "the command after -- is empty");
        }
        if ((address != null) != (workdir != null)) {
            throw usage(commandLine, "--address and --workdir go together: the running server's address,"
                    + " and the folder it was started in");
        }
        if (batch != null && template == null || template != null && batch == null && platforms.modes() == 0) {
            throw usage(commandLine, "--batch and --command go together: the folder of submissions, and the"
                    + " command that starts one, e.g. --command 'java {dir}/HttpServer.java'");
        }
        if (!checks.isEmpty() && batch != null) {
            throw usage(commandLine, "--check is for one server: a batch grades every check");
        }
        if (out != null && batch == null) {
            throw usage(commandLine, "--out is for --batch only");
        }
        if (address != null && port != null) {
            throw usage(commandLine, "--port is for a server the grader starts; --address already has the port");
        }
        inRange(commandLine, "--port", port == null ? 1 : port, 1, 65535);
        inRange(commandLine, "--jobs", jobs, 1, 64);
        inRange(commandLine, "--timeout", responseSeconds, 0.1, 3600);
        inRange(commandLine, "--startup-timeout", startupSeconds, 0.1, 3600);
        steps(commandLine);
    }

    /** The platform whose container this grader runs in (--gradescope, --prairielearn), or null. */
    Platforms.Layout platform() {
        return platforms.platform();
    }

    /** What to build for a platform (--gradescope-zip, --prairielearn-image), or null. */
    Bundles.Kind bundle() {
        return platforms.bundle();
    }

    Path bundleTarget() {
        return platforms.bundleTarget();
    }

    String visibility() {
        return platforms.visibility();
    }

    /**
     * The options given, but the one that builds a bundle: the bundle grades with them. They are
     * written as given (a --jobs given is kept, a default one is decided where the grading runs).
     */
    List<String> gradingArgs() {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < originalArgs.size(); i++) {
            String arg = originalArgs.get(i);
            if (arg.equals("--gradescope-zip") || arg.equals("--prairielearn-image")) {
                i++; // and its value
            } else if (!arg.startsWith("--gradescope-zip=") && !arg.startsWith("--prairielearn-image=")) {
                args.add(arg);
            }
        }
        return args;
    }

    /** The points of the steps graded; a step named by --points N=P must be graded. */
    Scoring scoring(List<Integer> steps, CommandLine commandLine) {
        return platforms.scoring(steps, commandLine);
    }

    boolean help() {
        return help;
    }

    boolean isBatch() {
        return batch != null;
    }

    boolean isRunningServer() {
        return address != null;
    }

    boolean sandbox() {
        return !noSandbox;
    }

    boolean verbose() {
        return verbose;
    }

    /** The steps asked for, in order; empty for "all". */
    List<Integer> steps(CommandLine commandLine) {
        if (steps.equals("all")) {
            return List.of();
        }
        List<Integer> numbers = new ArrayList<>();
        for (String step : steps.split(",")) {
            try {
                numbers.add(inRange(commandLine, "--step", Integer.parseInt(step.strip()), 1, 99));
            } catch (NumberFormatException notANumber) {
                throw usage(commandLine, "--step needs a number from 1 to 99 (got \"" + step + "\")");
            }
        }
        return numbers;
    }

    List<String> command() {
        return List.copyOf(command);
    }

    Integer port() {
        return port;
    }

    String address() {
        return address;
    }

    Path workdir() {
        return workdir.toAbsolutePath().normalize();
    }

    Path batch() {
        return batch.toAbsolutePath().normalize();
    }

    List<String> template() {
        return List.of(template.strip().split("\\s+"));
    }

    Path out() {
        return (out != null ? out : Path.of("grades")).toAbsolutePath().normalize();
    }

    /** Servers on one fixed port cannot run side by side, nor can steps share a running server. */
    int jobs() {
        return port != null || address != null ? 1 : jobs;
    }

    List<String> checks() {
        return List.copyOf(checks);
    }

    Grader.Limits limits() {
        return new Grader.Limits(seconds(startupSeconds), seconds(responseSeconds));
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis((long) (seconds * 1000));
    }

    private static <N extends Number> N inRange(CommandLine commandLine, String option, N value, double min, double max) {
        if (value.doubleValue() < min || value.doubleValue() > max) {
            throw usage(commandLine, option + " needs a number from " + plain(min) + " to " + plain(max)
                    + " (got " + plain(value.doubleValue()) + ")");
        }
        return value;
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }

    static CommandLine.ParameterException usage(CommandLine commandLine, String message) {
        return new CommandLine.ParameterException(commandLine, message);
    }
}
