package httpcourse.spec;

import static httpcourse.spec.SandboxLimits.CPU_SECONDS;
import static httpcourse.spec.SandboxLimits.DISK_BYTES;
import static httpcourse.spec.SandboxLimits.FILE_BYTES;
import static httpcourse.spec.SandboxLimits.JAVA_OPTIONS_IN_SANDBOX;
import static httpcourse.spec.SandboxLimits.MEMORY_BUDGET_BYTES;
import static httpcourse.spec.SandboxLimits.MEMORY_BYTES;
import static httpcourse.spec.SandboxLimits.PROCESSES;
import static httpcourse.spec.SandboxLimits.SHARED_MEMORY_BYTES;
import static httpcourse.spec.SandboxLimits.countsProcessesPerUserNamespace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where a server under test runs. {@link #NONE}: as any program of the person who runs the
 * specs (the course's own servers, in the step modules). {@link #bubblewrap}: in a sandbox, for
 * code nobody has read (the grader's default, on Linux), made with bubblewrap
 * (<a href="https://github.com/containers/bubblewrap">bwrap</a>):
 *
 * <ul>
 *   <li>it runs as user 65534 (nobody) in a user namespace of its own, with no capability, and
 *       may make no further user namespace: it cannot gain one. Run by root, bwrap first drops
 *       to user 65534 of the machine (setpriv): root mapped into a namespace keeps the powers of
 *       root's user id over what checks the id, not the capabilities (global sysctls in /proc/sys,
 *       services that trust a peer whose id is 0);</li>
 *   <li>it sees an allow-list: the system's programs and libraries (/usr, /bin, /lib...) and the
 *       few files of /etc that programs read, read-only; a minimal passwd, group and hosts; the
 *       folders the caller shows (the submission), the JDK and the program's installation,
 *       read-only; its working folder, read-write. Nothing else: not /home, /root, /opt, /srv,
 *       /var, /run, /sys, nor the rest of /tmp. A place the caller hides is covered even inside a
 *       shown folder;</li>
 *   <li>its working folder is the only place it may write to, besides a small /dev/shm; as root,
 *       the folder is a tmpfs of {@link SandboxLimits#DISK_BYTES} ({@link DiskBudget}), which the spec shares;</li>
 *   <li>all its processes together have budgets of memory and processes, where the machine lets
 *       this process make control groups ({@link Cgroups}), and each process the limits below
 *       (prlimit) everywhere: see {@link #limitations()} for what this machine does not allow;</li>
 *   <li>it has its own process namespace: when the sandbox ends, every process the server
 *       started ends with it, daemons included, and so does the sandbox when the JVM that started
 *       it dies, even by {@code kill -9};</li>
 *   <li>it shares the network, so that the specs reach it on 127.0.0.1;</li>
 *   <li>it gets a fresh environment (no tokens, no agents).</li>
 * </ul>
 */
public final class Sandbox {

    /** The user (and group) a server runs as: nobody, inside and, when root grades, outside too. */
    public static final int USER = SandboxView.NOBODY;

    /**
     * The locale a Java server formats in, with the sandbox or without: German, as on a laptop in
     * Berlin. HTTP's day and month names are English on every machine, and a formatter given no
     * locale writes the machine's ("Sa., 05 Dez. 2026"): here it shows, not only in Berlin. Only
     * the format's locale: the JVM's and javac's messages stay in English.
     */
    public static final Locale SERVERS_LOCALE = Locale.GERMANY;
    /**
     * The time zone of every server (TZ), with the sandbox or without: hours away from GMT, so that a Date
     * written in local time shows on a machine set to UTC, as CI and grading platforms are; and where it is
     * afternoon (14:00 or 15:00 when the grader starts), so that a log's hh (1 to 12) for HH shows at any
     * hour. A fixed offset, Etc/GMT-3 for GMT+3 (POSIX's sign), never 12 h: a Date 12 h off means hh.
     */
    public static final String SERVERS_TIME_ZONE = afternoonZone(Instant.now());
    /** The offset from GMT of {@link #SERVERS_TIME_ZONE}, a fixed one: "+03:00", "-08:00". */
    public static final ZoneOffset SERVERS_OFFSET = ZoneId.of(SERVERS_TIME_ZONE).getRules().getOffset(Instant.now());

    static String afternoonZone(Instant now) {
        int ahead = Math.floorMod(14 - now.atZone(ZoneOffset.UTC).getHour(), 24); // where it is 14:00 now
        if (ahead % 12 == 0) {
            ahead++; // not GMT itself, nor 12 h from it: 15:00 there
        }
        int offset = ahead > 14 ? ahead - 24 : ahead; // the zones run from GMT-12 to GMT+14
        return "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset); // POSIX's sign: Etc/GMT-3 is GMT+3
    }

    private static final String LOCALE_OPTIONS = "-Duser.language.format=" + SERVERS_LOCALE.getLanguage()
            + " -Duser.country.format=" + SERVERS_LOCALE.getCountry();

    /** No sandbox: the server runs as any other program (the specs' default). */
    public static final Sandbox NONE = new Sandbox(false, List.of(), List.of());

    private static volatile Optional<String> unavailable;
    private static volatile Machine machine;
    /** What each working folder got (a control group, a tmpfs), until {@link #release}. */
    private static final Map<Path, Prepared> PREPARED = new ConcurrentHashMap<>();

    private final boolean on;
    private final List<Path> shown;
    private final List<Path> hidden;

    private Sandbox(boolean on, List<Path> shown, List<Path> hidden) {
        this.on = on;
        this.shown = List.copyOf(shown);
        this.hidden = List.copyOf(hidden);
    }

    /**
     * A bubblewrap sandbox.
     *
     * @param shown  folders and files the server may read (its submission), read-only; never / nor
     *               a folder at the top (/tmp, /home...), which would undo the allow-list
     * @param hidden places to cover even where they lie inside a shown folder (the other
     *               submissions, the grades, the grader's files); a hidden place that is itself
     *               shown stays shown
     */
    public static Sandbox bubblewrap(Collection<Path> shown, Collection<Path> hidden) {
        return new Sandbox(true, List.copyOf(shown), List.copyOf(hidden));
    }

    public boolean isOn() {
        return on;
    }

    /** What the caller shows, read-only. */
    public List<Path> shown() {
        return shown;
    }

    /** What the caller hides inside what it shows. */
    public List<Path> hidden() {
        return hidden;
    }

    /**
     * Why a sandbox cannot be made on this machine, in words that say what to do; empty when it
     * can. Checked once (it runs bwrap), then remembered.
     */
    public static Optional<String> unavailable() {
        if (unavailable == null) {
            unavailable = SandboxAvailability.findWhyUnavailable();
        }
        return unavailable;
    }

    /**
     * What the sandbox cannot enforce on this machine, each in a sentence with what still holds:
     * the budgets of all a server's processes together (no control groups here), the total size of
     * its folder (not root). Empty where it enforces everything. For the grader to say once.
     */
    public static List<String> limitations() {
        Machine here = machine();
        List<String> notes = new ArrayList<>();
        if (!budgetsAllProcesses()) {
            notes.add("The sandbox cannot budget the memory and processes of all a server's processes together here: "
                    + here.cgroupsWhyNot() + ". Each process still has its own limit of " + (MEMORY_BYTES >> 20)
                    + " MiB of memory" + (countsProcessesPerUserNamespace()
                    ? ", and the sandbox a limit of " + PROCESSES + " processes and threads." : ".")
                    + " As root, outside a container, the grader makes control groups (v1 or v2).");
        }
        if (!Programs.bwrapKnows("--disable-userns")) {
            notes.add("This bubblewrap is older than 0.8.0: it cannot stop a server from making a user namespace of"
                    + " its own, where it would hold capabilities over that namespace only, nor limit /dev/shm to "
                    + (SHARED_MEMORY_BYTES >> 20) + " MiB. Install bubblewrap 0.8.0 or later.");
        }
        here.diskWhyNot().ifPresent(why -> notes.add("A server's folder has no total size here: " + why
                + ". Each file it writes is still limited to " + (FILE_BYTES >> 20) + " MiB, not their sum."
                + " As root, its folder is a tmpfs of " + (DISK_BYTES >> 20) + " MiB."));
        return notes;
    }

    /** Whether this machine lets the sandbox budget the memory and processes of all a server's processes together. */
    public static boolean budgetsAllProcesses() {
        return machine().cgroups().isPresent();
    }

    /** Whether this machine lets the sandbox give a server's folder a total size (root: a tmpfs). */
    public static boolean budgetsTheFolder() {
        return machine().root() && machine().diskWhyNot().isEmpty();
    }

    /**
     * Whether {@code workingDirectory} has a total size of its own now, which the spec shares: the
     * tmpfs {@link #wrap} mounted on it (as root), until {@link #release}. A check may fill it from
     * outside, to see what a server does with a full disk.
     */
    public static boolean budgets(Path workingDirectory) {
        Prepared prepared = PREPARED.get(workingDirectory.toAbsolutePath().normalize());
        return prepared != null && prepared.mounted();
    }

    /**
     * The command that runs {@code command} in this sandbox, with {@code workingDirectory} as its
     * folder, and SIGINT handled as by default (see {@link #sigintAsDefault}). The first time for a
     * folder, gives it its budgets (a control group, a tmpfs), which {@link #release} takes back.
     */
    public List<String> wrap(List<String> command, Path workingDirectory) throws IOException {
        if (!on) {
            // A program that does not exist keeps failing to start, as ProcessBuilder reports it.
            return Programs.findProgram(command.get(0)).isEmpty() ? command
                    : Stream.concat(Programs.sigintAsDefault().stream(), command.stream()).toList();
        }
        Path program = Programs.findProgram(command.get(0))
                .orElseThrow(() -> new NoSuchFileException(command.get(0), null, "no such program on the PATH"));
        Path work = workingDirectory.toAbsolutePath().normalize();
        Machine here = machine();
        Prepared prepared = prepare(work, here);

        List<String> server = new ArrayList<>(List.of("--chdir", work.toString(), "--",
                "prlimit", "--data=" + MEMORY_BYTES));
        if (countsProcessesPerUserNamespace()) {
            server.add("--nproc=" + PROCESSES);
        }
        server.addAll(List.of("--cpu=" + CPU_SECONDS + ":" + (CPU_SECONDS + 5), "--fsize=" + FILE_BYTES, "--core=0",
                "--"));
        server.addAll(Programs.sigintAsDefault());
        server.add(program.toString());
        server.addAll(command.subList(1, command.size()));

        List<String> wrapped = new ArrayList<>(List.of("bwrap"));
        if (here.root()) {
            // Root's bwrap arranges what is seen (it may read every source); a second bwrap, as nobody, isolates.
            // The first one's process namespace holds the second: when the JVM dies, it takes all with it (the
            // second bwrap's own --die-with-parent is lost on the way: setpriv's change of user clears it).
            wrapped.addAll(List.of("--unshare-pid", "--die-with-parent"));
            wrapped.addAll(new SandboxView(shown, hidden).arguments(program, work, here.etc()));
            wrapped.addAll(List.of("--dev", "/dev", "--bind", "/proc", "/proc", // a whole /proc, for the inner to mount its own
                    "--remount-ro", "/", "--",
                    "setpriv", "--reuid=" + USER, "--regid=" + USER, "--clear-groups", "--inh-caps=-all",
                    "--bounding-set=-all", "--",
                    "bwrap"));
            wrapped.addAll(userNamespace());
            wrapped.addAll(List.of("--ro-bind", "/", "/"));
            wrapped.addAll(ownDevicesAndFolder(work));
        } else {
            wrapped.addAll(userNamespace());
            wrapped.addAll(new SandboxView(shown, hidden).arguments(program, work, here.etc()));
            wrapped.addAll(ownDevicesAndFolder(work));
            wrapped.addAll(List.of("--remount-ro", "/"));
        }
        wrapped.addAll(List.of("--unshare-pid", "--unshare-ipc", "--unshare-uts", "--hostname", "localhost",
                "--unshare-cgroup-try",
                "--die-with-parent", // the sandbox dies with the JVM that started it
                "--new-session")); // no access to the grader's terminal
        wrapped.addAll(server);
        return prepared.group().map(group -> group.join(wrapped)).orElse(wrapped);
    }

    /**
     * Gives back what {@link #wrap} gave a working folder: kills whatever still runs in its control
     * group, removes the group, unmounts its tmpfs (what the server wrote there is gone). Nothing
     * for a folder that got nothing. {@link TemporaryFolders#delete} calls it.
     */
    public static void release(Path workingDirectory) {
        Path work = workingDirectory.toAbsolutePath().normalize();
        Prepared prepared = PREPARED.remove(work);
        if (prepared == null) {
            return;
        }
        prepared.group().ifPresent(Cgroups.Group::release);
        if (prepared.mounted()) {
            DiskBudget.unmount(work);
        }
    }

    /** Releases every folder (the JVM is ending), and the JVM's own control group. */
    static void releaseAll() {
        List.copyOf(PREPARED.keySet()).forEach(Sandbox::release);
        Machine here = machine;
        if (here != null) {
            here.cgroups().ifPresent(Cgroups::close);
        }
    }

    /**
     * Takes back what graders killed by kill -9 left (their processes die with them, not their
     * tmpfs and control groups): done once when a JVM first makes a sandbox, and by the tests.
     */
    static void removeLeftovers() {
        if (DiskBudget.isRoot()) {
            DiskBudget.unmountLeftovers();
        }
        machine().cgroups().ifPresent(cgroups -> {
            try {
                cgroups.removeLeftovers();
            } catch (IOException e) {
                // the groups are there still: empty, they cost nothing
            }
        });
    }

    /** What this machine lets the sandbox do, found once. */
    private record Machine(boolean root, Optional<Cgroups> cgroups, String cgroupsWhyNot, Optional<String> diskWhyNot,
                           Path etc) {
    }

    /** What a working folder got. */
    private record Prepared(Optional<Cgroups.Group> group, boolean mounted) {
    }

    private static Machine machine() {
        if (machine == null) {
            synchronized (Sandbox.class) {
                if (machine == null) {
                    if (DiskBudget.isRoot()) {
                        DiskBudget.unmountLeftovers(); // a grader killed by kill -9 could not
                    }
                    Cgroups.Detection cgroups = Cgroups.detect(MEMORY_BUDGET_BYTES, PROCESSES);
                    machine = new Machine(DiskBudget.isRoot(), cgroups.cgroups(), cgroups.whyNot(),
                            DiskBudget.unavailable(), SandboxView.writeEtc());
                }
            }
        }
        return machine;
    }

    /** The folder's control group and tmpfs, made the first time it is wrapped (a restarted server keeps them). */
    private static Prepared prepare(Path work, Machine here) throws IOException {
        synchronized (PREPARED) {
            Prepared prepared = PREPARED.get(work);
            if (prepared != null) {
                return prepared;
            }
            Optional<Cgroups.Group> group = Optional.empty();
            boolean mounted = false;
            try {
                if (here.cgroups().isPresent()) {
                    group = Optional.of(here.cgroups().get().create());
                }
                if (here.root() && here.diskWhyNot().isEmpty()) {
                    DiskBudget.mount(work, DISK_BYTES, USER);
                    mounted = true;
                } else if (here.root()) {
                    // The server runs as nobody: its folder must be its own to write in.
                    Files.setAttribute(work, "unix:uid", USER);
                    Files.setAttribute(work, "unix:gid", USER);
                }
            } catch (IOException | RuntimeException e) {
                group.ifPresent(Cgroups.Group::release);
                throw e;
            }
            prepared = new Prepared(group, mounted);
            PREPARED.put(work, prepared);
            return prepared;
        }
    }

    /**
     * A user namespace where the server is nobody, with no capability, and may make no further
     * namespace (bubblewrap 0.8 and later: see {@link #limitations()} for older ones).
     */
    private static List<String> userNamespace() {
        List<String> args = new ArrayList<>(List.of("--unshare-user", "--uid", Integer.toString(USER),
                "--gid", Integer.toString(USER), "--cap-drop", "ALL"));
        if (Programs.bwrapKnows("--disable-userns")) {
            args.add("--disable-userns");
        }
        return args;
    }

    /**
     * A /proc of its own processes, its own /dev, read-only but for a small /dev/shm (writing to
     * /dev/null still works: devices ignore it), and its working folder read-write.
     */
    private static List<String> ownDevicesAndFolder(Path work) {
        List<String> args = new ArrayList<>(List.of("--dev", "/dev", "--proc", "/proc"));
        if (Programs.bwrapKnows("--size")) {
            args.addAll(List.of("--size", Long.toString(SHARED_MEMORY_BYTES)));
        }
        args.addAll(List.of("--tmpfs", "/dev/shm", "--remount-ro", "/dev", "--bind", work.toString(), work.toString()));
        return args;
    }

    /**
     * The environment of a server, in the C locale (a server that relies on the locale's charset for
     * text shows it), a Java server formatting in {@link #SERVERS_LOCALE}, in the time zone {@link
     * #SERVERS_TIME_ZONE}. Without a sandbox: the caller's besides. In the sandbox: only what a server
     * needs, so that no token, agent socket or password in the caller's environment reaches it.
     */
    public Map<String, String> environment(Map<String, String> inherited, Path workingDirectory) {
        Map<String, String> env = new HashMap<>(on ? Map.of() : inherited);
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        env.put("TZ", SERVERS_TIME_ZONE);
        // Python buffers a piped stdout: its "Listening on port N" would stay in the buffer.
        env.put("PYTHONUNBUFFERED", "1");
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("JDK_JAVA_OPTIONS", on ? JAVA_OPTIONS_IN_SANDBOX + " " + LOCALE_OPTIONS : LOCALE_OPTIONS);
        if (on) {
            env.put("PATH", inherited.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
            env.put("HOME", workingDirectory.toString());
            env.put("TMPDIR", workingDirectory.toString()); // /tmp is read-only in the sandbox
        }
        return env;
    }
}
