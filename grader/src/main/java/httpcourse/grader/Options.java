package httpcourse.grader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The grader's command line, checked: anything wrong is a {@link UsageException} (exit status 2). */
record Options(boolean help, List<Integer> steps, List<String> command, Integer port, String address,
               Path workdir, Path batch, List<String> template, Path out, int jobs, Grader.Limits limits,
               boolean verbose) {

    static final String USAGE = """
            Grades an HTTP server with this course's specs: every check of a step, a report that says
            why a check failed, and a score.

            Usage:
              grade [OPTIONS] -- COMMAND...
                  Starts the server with COMMAND and grades it, e.g.
                    grade --step 4 -- java alice/HttpServer.java
                    grade --step 2 -- python3 server.py
                  The grader adds a last argument, 0: the server must listen on any free port and
                  print "Listening on port N" with the real port (or use --port, below).
                  The server runs in a new empty folder holding a generated htdocs/; a word of
                  COMMAND that names an existing file or folder is turned into its absolute path.

              grade [OPTIONS] --address HOST:PORT --workdir DIR
                  Grades a server that is already running, started in the folder DIR. DIR must be a
                  folder made for grading (empty): the grader writes htdocs/ and a few files there.

              grade [OPTIONS] --batch SUBMISSIONS --command 'TEMPLATE'
                  Grades every sub-folder of SUBMISSIONS (one per student) and writes gradebook.csv,
                  gradebook.json and one report per student, e.g.
                    grade --batch submissions --step 4 --command 'java {dir}/HttpServer.java'
                  In TEMPLATE, {dir} is the student's folder, relative paths start there too.

            In COMMAND and TEMPLATE, {step} is the step number and a * matches one file or folder
            name, so a copy of this repository is graded step by step with
                  grade -- java 'step{step}-*/src/main/java/HttpServer.java'

            Options:
              --step N|all        the step to grade, 1 to 4, a list (1,2) or all (default: all)
              --port P            the server always listens on port P (the article's uses 8000):
                                  the grader adds no argument and waits until P accepts connections
              --timeout S         seconds a response may take, until the connection closes (default 3)
              --startup-timeout S seconds the server may take to start (default 10)
              --time-limit S      seconds a whole step may take; checks not reached fail (default 60)
              --verbose           every failure report in full (default: the first 3 of each step in
                                  full, then only the first hint of each other one)
              --jobs J            batch: submissions graded side by side (default 2; 1 with --port)
              --out DIR           batch: where the gradebooks and reports go (default: grades)
              --help              this text

            Exit status: 0 every check passed, 1 a check failed, 2 bad usage.
            Every server is stopped when its step ends, with every process it started.
            """;

    /** Parses the command line; steps are checked later against the steps that exist. */
    static Options parse(String... args) throws UsageException {
        Parser p = new Parser(Arrays.asList(args));
        while (p.hasNext()) {
            String arg = p.next();
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--" -> p.command = p.rest();
                case "-h", "--help" -> p.help = true;
                case "--step" -> p.steps = steps(p.value(arg));
                case "--port" -> p.port = (int) number(arg, p.value(arg), 1, 65535);
                case "--address" -> p.address = address(p.value(arg));
                case "--workdir" -> p.workdir = Path.of(p.value(arg)).toAbsolutePath().normalize();
                case "--batch" -> p.batch = Path.of(p.value(arg)).toAbsolutePath().normalize();
                case "--command" -> p.template = List.of(p.value(arg).strip().split("\\s+"));
                case "--out" -> p.out = Path.of(p.value(arg)).toAbsolutePath().normalize();
                case "--jobs" -> p.jobs = (int) number(arg, p.value(arg), 1, 64);
                case "--timeout" -> p.response = seconds(arg, p.value(arg));
                case "--startup-timeout" -> p.startup = seconds(arg, p.value(arg));
                case "--time-limit" -> p.perStep = seconds(arg, p.value(arg));
                case "--verbose", "-v" -> p.verbose = true;
                default -> throw new UsageException(arg.startsWith("-")
                        ? "unknown option " + arg
                        : "unexpected \"" + arg + "\": put the server's command after --, as in: grade -- java HttpServer.java");
            }
        }
        return p.build();
    }

    boolean isBatch() {
        return batch != null;
    }

    boolean isRunningServer() {
        return address != null;
    }

    private static List<Integer> steps(String value) throws UsageException {
        if (value.equals("all")) {
            return List.of();
        }
        List<Integer> steps = new ArrayList<>();
        for (String step : value.split(",")) {
            steps.add((int) number("--step", step, 1, 99));
        }
        return steps;
    }

    private static String address(String value) throws UsageException {
        if (!value.matches("[^:\\s]+:\\d{1,5}")) {
            throw new UsageException("--address needs HOST:PORT, e.g. 127.0.0.1:8000 (got \"" + value + "\")");
        }
        return value;
    }

    private static Duration seconds(String option, String value) throws UsageException {
        return Duration.ofMillis((long) (number(option, value, 0.1, 3600) * 1000));
    }

    private static double number(String option, String value, double min, double max) throws UsageException {
        try {
            double number = Double.parseDouble(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException(option.replaceAll("=.*", "") + " needs a number from " + plain(min)
                + " to " + plain(max) + " (got \"" + value + "\")");
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }

    /** The parsing state: what the command line said so far. */
    private static final class Parser {
        private final List<String> args;
        private int next;
        boolean help;
        boolean verbose;
        List<Integer> steps = List.of();
        List<String> command;
        List<String> template;
        Integer port;
        String address;
        Path workdir;
        Path batch;
        Path out;
        int jobs = Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors() / 2));
        Duration startup = Grader.Limits.DEFAULT.startup();
        Duration response = Grader.Limits.DEFAULT.response();
        Duration perStep = Grader.Limits.DEFAULT.perStep();

        Parser(List<String> args) {
            this.args = args;
        }

        boolean hasNext() {
            return next < args.size();
        }

        String next() {
            return args.get(next++);
        }

        /** The option's value: after "=" in "--step=4", or the next argument in "--step 4". */
        String value(String option) throws UsageException {
            if (option.startsWith("--") && option.contains("=")) {
                return option.substring(option.indexOf('=') + 1);
            }
            if (!hasNext()) {
                throw new UsageException(option + " needs a value");
            }
            return next();
        }

        List<String> rest() {
            List<String> rest = List.copyOf(args.subList(next, args.size()));
            next = args.size();
            return rest;
        }

        Options build() throws UsageException {
            if (help) {
                return new Options(true, steps, command, port, address, workdir, batch, template, out, jobs, null, verbose);
            }
            int modes = (command != null ? 1 : 0) + (address != null ? 1 : 0) + (batch != null ? 1 : 0);
            if (modes != 1) {
                throw new UsageException(modes == 0
                        ? "which server? Give its command after --, or --address, or --batch"
                        : "give only one of: a command after --, --address, --batch");
            }
            if (command != null && command.isEmpty()) {
                throw new UsageException("the command after -- is empty");
            }
            if ((address != null) != (workdir != null)) {
                throw new UsageException("--address and --workdir go together: the running server's address,"
                        + " and the folder it was started in");
            }
            if ((batch != null) != (template != null)) {
                throw new UsageException("--batch and --command go together: the folder of submissions, and the"
                        + " command that starts one, e.g. --command 'java {dir}/HttpServer.java'");
            }
            if (out != null && batch == null) {
                throw new UsageException("--out is for --batch only");
            }
            if (address != null && port != null) {
                throw new UsageException("--port is for a server the grader starts; --address already has the port");
            }
            Path gradebooks = out != null ? out : Path.of("grades").toAbsolutePath();
            int parallel = port != null ? 1 : jobs; // servers on one fixed port cannot run side by side
            return new Options(false, steps, command, port, address, workdir, batch, template, gradebooks, parallel,
                    new Grader.Limits(startup, response, perStep), verbose);
        }
    }

    /** A mistake on the command line: the message says what to write instead. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
