package httpcourse.spec;

import java.io.UncheckedIOException;
import java.net.SocketException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import org.junit.jupiter.api.TestReporter;

/**
 * Runs a step's checks: those on the step's server one after the other, in the list's order; those
 * that need a server of their own ({@link Check.Server#OWN}, {@link Check.Server#OWN_IN_A_HIDDEN_FOLDER})
 * side by side with them, each on a new server started for it, a few at a time; and those that wait for a time limit of the server's
 * ({@link Check.Server#OWN_WAITING}) first of all, each at once. So a step lasts about as long as its
 * longest check, and a verdict never depends on another check: a check on the shared server begins
 * with a running server (one that stopped is started again), and an own server serves one check only.
 *
 * <p>A server somebody else started (grading a running server) has no second, nor has a server
 * that always listens on one port (a second would find it taken): there, every check runs on the
 * one server, one after the other.
 */
final class CheckRunner implements AutoCloseable {

    /**
     * Servers of their own at once, beside the shared one and those that wait for a time limit:
     * crowds and stops, which use the cores as well as wait.
     */
    private static final int OWN_SERVERS_AT_ONCE = 4;

    private final SpecConfig config;
    private final int step;
    private final TestReporter reporter;
    private final ExecutorService ownServers = Executors.newFixedThreadPool(OWN_SERVERS_AT_ONCE, daemon("own-server-check"));
    private final ExecutorService waitingServers = Executors.newCachedThreadPool(daemon("waiting-server-check"));
    private final Map<Check, CompletableFuture<Void>> ownRuns = new HashMap<>();
    private ServerUnderTest shared;
    private ServerStartException sharedStartFailure;

    CheckRunner(SpecConfig config, int step, List<Check> checks, TestReporter reporter) {
        this.config = config;
        this.step = step;
        this.reporter = reporter;
        if (config.address().isEmpty() && config.fixedPort().isEmpty()) {
            startOnTheirOwnServers(checks, Check.Server.OWN_WAITING, waitingServers); // the longest first
            startOnTheirOwnServers(checks, Check.Server.OWN, ownServers);
            startOnTheirOwnServers(checks, Check.Server.OWN_IN_A_HIDDEN_FOLDER, ownServers);
        }
    }

    private void startOnTheirOwnServers(List<Check> checks, Check.Server kind, ExecutorService threads) {
        checks.stream().filter(check -> check.server() == kind).forEach(check ->
                ownRuns.put(check, CompletableFuture.runAsync(() -> runOnItsOwnServer(check), threads)));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Runs one check at its turn, or waits for it when it runs on its own server. */
    void run(Check check) throws Throwable {
        CompletableFuture<Void> own = ownRuns.get(check);
        if (own != null) {
            try {
                own.join();
            } catch (CompletionException e) {
                throw e.getCause();
            }
            return;
        }
        ServerUnderTest server = shared();
        server.checkStarting(check.name());
        try {
            runReportingCuts(check, server);
        } finally {
            server.checkFinished();
            publishStops(server);
        }
    }

    private void runOnItsOwnServer(Check check) {
        try (ServerUnderTest server = start(check.server() == Check.Server.OWN_IN_A_HIDDEN_FOLDER)) {
            server.checkStarting(check.name());
            try {
                runReportingCuts(check, server);
            } finally {
                server.checkFinished();
                publishStops(server);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /**
     * Runs a check. A connection the server reset or closed where the check could not expect it (while
     * the client still sent its request, say) ends the check with what happened and what the server
     * printed, as a failure of the server's: not as an error of the check.
     */
    private void runReportingCuts(Check check, ServerUnderTest server) throws Exception {
        try {
            check.action().run(new Checking(server, step));
        } catch (ServerStartException.Unchecked e) {
            throw e.start();
        } catch (RawConnection.CutWhileSending | UncheckedIOException e) {
            if (!(e instanceof RawConnection.CutWhileSending) && !(e.getCause() instanceof SocketException)) {
                throw e;
            }
            String what = e instanceof RawConnection.CutWhileSending ? e.getMessage() : e.getCause().toString();
            throw new SpecFailure("A connection to the server failed in the middle of the check: " + what + "\n"
                    + server.describeThisCheck(), List.of());
        }
    }

    /** The shared server, started for the first check that needs it; its start failure, for every check. */
    private synchronized ServerUnderTest shared() throws ServerStartException {
        if (sharedStartFailure != null) {
            throw sharedStartFailure;
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (ServerStartException e) {
                sharedStartFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /** A new server, with the files of this step's web root (step 6 on: one of every kind). */
    private ServerUnderTest start() throws ServerStartException {
        return start(false);
    }

    private ServerUnderTest start(boolean inAHiddenFolder) throws ServerStartException {
        ServerUnderTest server = ServerUnderTest.start(config, inAHiddenFolder ? ".httpspec-" : "httpspec-");
        if (step >= Feature.COMPLETE_ANSWERS.firstStep()) {
            SiteFiles.writeInto(server.webRoot());
        }
        return server;
    }

    private void publishStops(ServerUnderTest server) {
        server.takeStops().forEach(stop -> reporter.publishEntry(ServerUnderTest.STOPPED, stop));
    }

    @Override
    public void close() {
        ownServers.shutdownNow();
        waitingServers.shutdownNow();
        if (shared != null) {
            shared.close();
        }
    }
}
