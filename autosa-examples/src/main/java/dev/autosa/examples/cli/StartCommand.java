// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.api.ProviderSettings;
import dev.autosa.api.SchedulerController;
import dev.autosa.core.AutoSA;
import dev.autosa.core.Mode;
import dev.autosa.examples.cli.daemon.ControlClient;
import dev.autosa.examples.cli.daemon.ControlServer;
import dev.autosa.examples.cli.daemon.PidLock;
import dev.autosa.examples.cli.daemon.SocketPaths;
import dev.autosa.jmx.AutoSAManagement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code autosa start}: runs the daemon in the foreground until {@code autosa stop}, SIGTERM or SIGINT. */
@Command(name = "start", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Runs the AutoSA daemon in the foreground (systemd Type=exec).",
            "Without root or without sched_ext it recommends only, and says why."})
final class StartCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger("autosa");

    @Mixin
    TuningOptions tuning = new TuningOptions();

    @Option(names = "--keep-scheduler", description = "On stop, leave the running scheduler in place.")
    boolean keepScheduler;

    @Option(names = "--proc-root", paramLabel = "DIR", description = "Read this directory as /proc (e.g. /host/proc).")
    @Nullable Path procRoot;

    @Mixin
    SocketOption socket = new SocketOption();

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Load plug-in jars from DIR (default /usr/lib/autosa/plugins when it exists).")
    @Nullable Path plugins;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Keep the outcome history here (default /var/lib/autosa as root, else ~/.local/state/autosa).")
    @Nullable Path stateDir;

    @Option(names = "--jmx", description = "Register the dev.autosa:type=AutoSA MXBean (default off, or the config"
            + " file's jmx).")
    boolean jmx;

    @Option(names = "--no-jmx", description = "Do not register the MXBean, whatever the config file says.")
    boolean noJmx;

    @Option(names = "--metrics", paramLabel = "IP:PORT",
            description = "Serve Prometheus metrics at http://IP:PORT/metrics (e.g. 127.0.0.1:9464; default off,"
                    + " or the config file's metrics_listen).")
    @Nullable String metrics;

    @Option(names = {"-v", "--verbose"}, description = "Log debug messages.")
    boolean verbose;

    private @Nullable Daemon running;

    /**
     * Starts the daemon and returns at once; {@link Main} then waits for it with {@link #takeRunning()},
     * after the command-line parser and its model (megabytes of reflection data) have become garbage.
     */
    @Override
    public Integer call() {
        if (jmx && noJmx) {
            throw CliException.usage("--jmx and --no-jmx exclude each other");
        }
        // Everything the user can get wrong is checked before the daemon takes its lock.
        AutoSA.Builder builder = AutoSA.builder();
        Set<String> flagKeys = new HashSet<>();
        if (keepScheduler) {
            flagKeys.add("keep_scheduler_on_close");
        }
        if (procRoot != null) {
            flagKeys.add("scx_proc_root");
        }
        // The daemon switches by default, like the original AutoSA (the library only recommends).
        ConfigFile file = tuning.applyTo(builder, Mode.AUTO, true, flagKeys);
        if (keepScheduler) {
            builder.keepSchedulerOnClose(true);
        }
        Outcomes.useStateDirectory(builder, file, stateDir);
        ClassLoader loader = Plugins.loader(plugins);
        builder.classLoader(loader);
        if (procRoot != null) {
            builder.providerSetting("scx_proc_root", procRoot.toAbsolutePath().toString());
        }
        Observability observability = Observability.prepare(builder, metrics, file, procRoot, loader);
        ProviderSettings settings = Engines.checked(builder::toConfig, file).providerSettings();
        Providers.Found<SchedulerController> found = Engines.checked(
                () -> Providers.discover(SchedulerController.class, loader, settings), file);

        Path sock = socket.path();
        SocketPaths.prepareDirectory(sock, socket.isDefault());
        // Before the pid file is touched: a file, directory or link at the socket path is refused.
        SocketPaths.checkSocketPathFree(sock);
        PidLock lock = PidLock.acquire(SocketPaths.pidFile(sock), "socket " + sock);
        Daemon daemon;
        AutoSA autosa;
        try {
            replaceStaleSocket(sock, lock);
            ManagedController controller = null;
            SchedulerController c = found.provider();
            if (c != null) {
                controller = new ManagedController(c);
                builder.controller(controller);
            }
            autosa = Engines.build(builder, file);
            daemon = new Daemon(autosa, controller, found.unavailable(), found.whyNone(), lock, sock);
            try {
                observability.start(daemon.live());
            } catch (RuntimeException e) {
                autosa.close();
                observability.close();
                throw e;
            }
            ControlServer server;
            try {
                server = ControlServer.start(sock, daemon::handle, daemon::controlSocketDied);
            } catch (IOException e) {
                autosa.close();
                throw CliException.failure("cannot listen on " + sock + ": " + e.getMessage());
            }
            AutoSAManagement mxBean = null;
            if (jmxWanted(jmx, noJmx, file)) {
                try {
                    mxBean = AutoSAManagement.register(autosa);
                    LOG.info("MXBean {} registered", AutoSAManagement.OBJECT_NAME);
                } catch (IllegalStateException e) {
                    LOG.warn("could not register the MXBean {}: {}", AutoSAManagement.OBJECT_NAME, e.toString());
                }
            }
            daemon.attach(server, mxBean);
            daemon.observe(observability);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::shutdown, "autosa-shutdown"));
        autosa.start();
        LOG.info("autosa {} running (pid {}), control socket {}", VersionProvider.version(),
                ProcessHandle.current().pid(), sock);
        // The engine logs each decision with its reason; the builder has already warned when it fell
        // back from auto to recommend, otherwise say here, once, why this mode.
        if (autosa.mode() == autosa.config().mode()) {
            LOG.info("mode {}: {}", autosa.mode().id(), autosa.status().modeReason());
        }
        running = daemon;
        return ExitCodes.OK;
    }

    /** The daemon {@link #call()} started, handed out once; null when it did not start. */
    @Nullable Daemon takeRunning() {
        Daemon d = running;
        running = null;
        return d;
    }

    /**
     * Whether to register the MXBean: the flags, else the file's {@code jmx}, else no. Off by default
     * because the platform MBean server and its notification machinery cost the resident daemon about
     * 2 MiB; {@code autosa status --json} and the metrics endpoint show the same state.
     */
    static boolean jmxWanted(boolean jmxFlag, boolean noJmxFlag, @Nullable ConfigFile file) {
        if (jmxFlag || noJmxFlag) {
            return jmxFlag;
        }
        Boolean fromFile = file == null ? null : file.jmx();
        return fromFile != null && fromFile;
    }

    private static void replaceStaleSocket(Path sock, PidLock lock) {
        if (!SocketPaths.checkSocketPathFree(sock)) {
            return;
        }
        // We hold the pid lock, so no autosa daemon owns this socket; unless something else answers
        // on it, it was left by a daemon that was killed.
        if (ControlClient.answers(sock)) {
            throw CliException.failure("socket " + sock + " is in use by another process, but the pid file "
                    + lock.path() + " is not locked; choose another --socket");
        }
        try {
            Files.delete(sock);
        } catch (IOException e) {
            throw CliException.failure("cannot remove stale socket " + sock + ": " + e.getMessage());
        }
        LOG.info("replaced stale socket {} left by a daemon that is gone{}", sock,
                lock.previousPid() > 0 ? " (pid " + lock.previousPid() + ")" : "");
    }
}
