package httpcourse.grader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A hostile submission for {@link SandboxAttackTest}: a server that first attacks its grader,
 * then serves (prints "Listening on port N", answers 200 to any request), so that it is graded
 * like any other. Its first argument names the attack; the last one is the port, which the
 * grader appends. What it learns it prints, one line per attempt: {@code ATTACK <what>: DONE
 * <detail>} when the attempt worked, {@code ATTACK <what>: BLOCKED <why>} when it did not. Each
 * attack also tries something the sandbox allows, in the same way, to show that the attack
 * itself works.
 *
 * <p>The places to attack come from targets.properties, beside the class's package: a real
 * attacker would guess them, this one knows them, which is the worst case. Run by the test in
 * the grader's sandbox, compiled: this class is copied into the submission's folder.
 */
public final class AttackingServer {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private AttackingServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[args.length - 1]);
        if (args[0].equals("hold")) {
            hold(Integer.parseInt(args[1]));
            return;
        }
        Properties targets = new Properties();
        try (InputStream in = Files.newInputStream(classFolder().resolve("targets.properties"))) {
            targets.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        switch (args[0]) {
            case "escape" -> escape(targets);
            case "disk" -> disk(Integer.parseInt(targets.getProperty("disk.files")),
                    Integer.parseInt(targets.getProperty("disk.mib")));
            case "memory" -> memory(Integer.parseInt(targets.getProperty("memory.children")),
                    Integer.parseInt(targets.getProperty("memory.mib")));
            case "processes" -> processes(Integer.parseInt(targets.getProperty("processes")), targets.getProperty("mark"));
            default -> throw new IllegalArgumentException("no such attack: " + args[0]);
        }
        serve(port);
    }

    /** Tries to get out: capabilities, mounts, namespaces, sysctls, the grader's processes and files. */
    private static void escape(Properties targets) throws IOException {
        String mark = targets.getProperty("mark");
        Path own = classFolder();
        OUT.println("ATTACK capabilities: " + Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII).stream()
                .filter(line -> line.startsWith("CapEff:")).findFirst().orElse("none"));
        OUT.println("ATTACK sees /: " + String.join(",", list(Path.of("/"))));
        command("remount / read-write", "mount", "-o", "remount,rw", "/");
        command("remount its submission read-write", "mount", "-o", "remount,bind,rw", own.toString());
        command("mount a tmpfs on its submission", "mount", "-t", "tmpfs", "none", own.toString());
        command("become root in a new user namespace", "unshare", "-Ur", "true");
        String ratelimit = Files.readString(Path.of("/proc/sys/kernel/printk_ratelimit"), StandardCharsets.US_ASCII);
        write("sysctl kernel.printk_ratelimit", Path.of("/proc/sys/kernel/printk_ratelimit"), ratelimit); // its own value
        long grader = Long.parseLong(targets.getProperty("grader.pid"));
        OUT.println("ATTACK see the grader's process " + grader + ": "
                + ProcessHandle.of(grader).filter(p -> p.info().commandLine().orElse("").contains("java"))
                .map(p -> "DONE " + p.info().commandLine().orElse("")).orElse("BLOCKED not there"));
        for (String file : targets.getProperty("read").split(",")) {
            read(Path.of(file));
        }
        read(own.resolve("targets.properties")); // allowed: its own submission
        for (String folder : targets.getProperty("write").split(",")) {
            write("write into " + folder, Path.of(folder, "pwned-" + mark + ".txt"), "pwned");
        }
        write("write into its own folder", Path.of("pwned-" + mark + ".txt").toAbsolutePath(), "mine"); // allowed
    }

    /** Fills its folder with files each under the size limit of one file. */
    private static void disk(int files, int mebibytes) {
        byte[] chunk = new byte[1 << 20];
        long written = 0;
        String stop = "none";
        for (int i = 1; i <= files && stop.equals("none"); i++) {
            try (OutputStream out = Files.newOutputStream(Path.of("fill-" + i + ".bin"))) {
                for (int mib = 0; mib < mebibytes; mib++) {
                    out.write(chunk);
                    written += chunk.length;
                }
            } catch (IOException e) {
                stop = e.getMessage();
            }
        }
        OUT.println("ATTACK disk: wrote " + (written >> 20) + " MiB of " + files * mebibytes + " (" + stop + ")");
    }

    /**
     * Holds memory in several child processes, each under the limit of one process. Each child
     * says when it holds all of its part; then every child still alive is asked to answer (a
     * child the kernel killed cannot): those hold their part at the same time. One child starts
     * once the one before holds its part or was killed: four taking theirs at once, on a busy
     * machine, were once all killed, the memory of the first ones killed not yet given back.
     */
    private static void memory(int count, int mebibytes) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<Process> children = new ArrayList<>();
        List<BufferedReader> answers = new ArrayList<>();
        int held = 0;
        for (int i = 0; i < count; i++) {
            Process child = new ProcessBuilder(java, "-Xmx" + (mebibytes + 200) + "m", "-cp",
                    System.getProperty("java.class.path"), AttackingServer.class.getName(), "hold",
                    Integer.toString(mebibytes), "0").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader answer = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            children.add(child);
            answers.add(answer);
            held += "held".equals(answer.readLine()) ? 1 : 0; // null: killed first
        }
        int holding = 0;
        for (int i = 0; i < count; i++) {
            try {
                OutputStream ask = children.get(i).getOutputStream();
                ask.write("ping\n".getBytes(StandardCharsets.US_ASCII));
                ask.flush();
                String answer = answers.get(i).readLine();
                holding += answer != null && answer.startsWith("pong") ? 1 : 0;
            } catch (IOException killed) {
                // its pipe is closed: the kernel killed it
            }
        }
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS); // a fail-safe: a killed process is gone at once
        }
        OUT.println("ATTACK memory: " + holding + " of " + count + " children held " + mebibytes + " MiB each at once ("
                + held + " got there)");
    }

    /** A child of {@link #memory}: takes {@code mebibytes} and touches every page, then answers until told to stop. */
    private static void hold(int mebibytes) throws IOException {
        // The kernel is to stop a child first, not the server: a higher score makes it the first choice.
        Files.writeString(Path.of("/proc/self/oom_score_adj"), "1000", StandardCharsets.US_ASCII);
        List<byte[]> memory = new ArrayList<>();
        for (int i = 0; i < mebibytes / 4; i++) {
            byte[] part = new byte[4 << 20];
            for (int page = 0; page < part.length; page += 4096) {
                part[page] = 1;
            }
            memory.add(part);
        }
        OUT.println("held");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            OUT.println("pong " + memory.size()); // still holding
        }
    }

    /**
     * Forks as many sleeping processes as it can, up to {@code count}; sh stops at the first fork
     * that fails, having printed how many it started. Then it ends them, to go on serving. They
     * sleep {@code mark} seconds: a process left behind would show it.
     */
    private static void processes(int count, String mark) throws IOException, InterruptedException {
        // sh waits for a word first: the JVM makes a thread to watch each child once it started, and
        // would find no room left for it if sh had used up the budget already.
        Process sh = new ProcessBuilder("sh", "-c", "read go; i=0; while [ $i -lt " + count + " ]; do"
                + " sleep " + mark + " </dev/null >/dev/null 2>&1 & i=$((i+1)); echo $i; done").redirectErrorStream(true)
                .start();
        try (OutputStream go = sh.getOutputStream()) {
            go.write("go\n".getBytes(StandardCharsets.US_ASCII));
        }
        String last = "0";
        String failure = "none";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(sh.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.matches("\\d+")) {
                    last = line;
                } else {
                    failure = line;
                }
            }
        }
        sh.waitFor();
        List<ProcessHandle> sleeping = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(command -> command.endsWith("/sleep")).orElse(false)).toList();
        sleeping.forEach(ProcessHandle::destroyForcibly);
        // Polled, not onExit(): that takes a thread per process, and the budget is what ran out.
        long failSafe = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sleeping.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < failSafe) {
            Thread.sleep(10);
        }
        OUT.println("ATTACK processes: started " + last + " of " + count + " (" + failure + ")");
    }

    private static void command(String what, String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int status = process.waitFor();
            OUT.println("ATTACK " + what + ": " + (status == 0 ? "DONE" : "BLOCKED exit status " + status + ", "
                    + output.replace('\n', ' ')));
        } catch (IOException | InterruptedException e) {
            OUT.println("ATTACK " + what + ": BLOCKED " + e);
        }
    }

    private static void read(Path file) {
        try {
            OUT.println("ATTACK read " + file + ": DONE " + Files.readString(file, StandardCharsets.UTF_8).length() + " chars");
        } catch (IOException e) {
            OUT.println("ATTACK read " + file + ": BLOCKED " + e);
        }
    }

    private static void write(String what, Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            OUT.println("ATTACK " + what + ": DONE");
        } catch (IOException e) {
            OUT.println("ATTACK " + what + ": BLOCKED " + e);
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    /** The folder this class was loaded from: the submission's. */
    private static Path classFolder() {
        try {
            return Path.of(AttackingServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers 200 to every request, one connection at a time: enough to be started and graded. */
    private static void serve(int port) throws IOException {
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            OUT.println("Listening on port " + server.getLocalPort());
            while (true) {
                try (Socket client = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        // the request's head: read, not used
                    }
                    client.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // one client's trouble: go on with the next
                }
            }
        }
    }
}
