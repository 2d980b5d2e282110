// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static dev.autosa.proc.linux.internal.scx.Failures.failure;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.Configurable;
import dev.autosa.api.ProviderSettings;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.SchedulerFailure.Kind;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.SchedulerSpec;
import dev.autosa.proc.linux.internal.scx.ControllerLock;
import dev.autosa.proc.linux.internal.scx.HealthCheck;
import dev.autosa.proc.linux.internal.scx.Launcher;
import dev.autosa.proc.linux.internal.scx.Orphans;
import dev.autosa.proc.linux.internal.scx.OwnerCache;
import dev.autosa.proc.linux.internal.scx.OwnerFinder;
import dev.autosa.proc.linux.internal.scx.RunDirectory;
import dev.autosa.proc.linux.internal.scx.SchedExtSysfs;
import dev.autosa.proc.linux.internal.scx.SchedExtSysfs.Snapshot;
import dev.autosa.proc.linux.internal.scx.SchedulerCatalog;
import dev.autosa.proc.linux.internal.scx.SchedulerProcess;
import dev.autosa.proc.linux.internal.scx.ShutdownHook;
import dev.autosa.proc.linux.internal.scx.Stopper;
import dev.autosa.proc.linux.internal.scx.SystemTools;
import dev.autosa.proc.linux.trust.EffectiveUid;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sched_ext schedulers as child processes ({@code scx_*} binaries from trusted directories,
 * no shell) and reports what the kernel really runs, read from {@code /sys/kernel/sched_ext}.
 *
 * <p>A start succeeds only when the kernel says so: {@code state} is {@code enabled}, {@code
 * root/ops} names the scheduler and {@code enable_seq} moved past its value before the start. A
 * stop sends SIGINT, SIGTERM, then SIGKILL and waits for {@code disabled}. A scheduler that was
 * already attached when the controller is first used is handled per {@link
 * ScxControllerConfig.OrphanPolicy}; one left alone is reported with {@code managed=false} and is
 * not replaced until {@link #adopt()}. {@link ActiveScheduler#managed()} is true for a scheduler
 * this controller started or adopted: one it will stop or replace. Before it starts, adopts or
 * stops a scheduler it takes the machine-wide lock ({@link ScxControllerConfig#lockFile()}), so
 * only one AutoSA on a host switches schedulers.
 *
 * <p>This class holds the state (the managed process) and the order of steps; each step is done
 * by a part with one job: {@link Launcher}, {@link HealthCheck}, {@link Orphans}, {@link Stopper},
 * {@link ControllerLock}. Thread-safe (every operation is serialized); the engine calls it from one
 * thread, the JVM shutdown hook from another.
 */
public final class ScxProcessController implements SchedulerController, Configurable<SchedulerController> {

    /** The provider name, for logs and status. */
    public static final String NAME = "scx-process";
    /** The highest built-in priority: a real controller beats the simulated one. */
    public static final int PRIORITY = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ScxProcessController.class);

    private final ScxControllerConfig config;
    private final LongSupplier euid;
    private final SchedExtSysfs sysfs;
    private final SchedulerCatalog catalog;
    private final SystemTools tools;
    private final Launcher launcher;
    private final HealthCheck health;
    private final Orphans orphans;
    private final ControllerLock lock;
    private final ShutdownHook shutdownHook = new ShutdownHook(() -> close(false));

    private @Nullable SchedulerProcess managed;
    private boolean orphanChecked;
    private boolean closed;

    /** With {@link ScxControllerConfig#ofDefaults()}; the constructor {@link java.util.ServiceLoader} uses. */
    public ScxProcessController() {
        this(ScxControllerConfig.ofDefaults());
    }

    /**
     * Creates a controller; nothing is read or started until it is first used.
     *
     * @param config where to find sysfs, /proc and the schedulers, and the timeouts
     */
    public ScxProcessController(ScxControllerConfig config) {
        this(config, EffectiveUid::get);
    }

    /** For tests: with a given effective uid source (for the availability check only). */
    ScxProcessController(ScxControllerConfig config, LongSupplier euid) {
        this.config = config;
        this.euid = euid;
        this.sysfs = new SchedExtSysfs(config.sysfsRoot());
        this.catalog = new SchedulerCatalog(config.trustedDirs(), config.extraFlags());
        this.tools = new SystemTools(catalog, sysfs, config.stopTimeout(), config.pollInterval());
        this.launcher = new Launcher(sysfs, tools, new Launcher.Settings(
                new RunDirectory(config.runDir(), EffectiveUid::get), ScxControllerConfig.MAX_LOG_BYTES,
                config.startTimeout(), config.pollInterval()));
        this.health = new HealthCheck(sysfs, tools);
        this.orphans = new Orphans(new OwnerCache(new OwnerFinder(config.procRoot())), tools, config.procRoot());
        this.lock = new ControllerLock(config.lockFile(), config.procRoot(), EffectiveUid::get);
    }

    /**
     * The settings this controller was made with.
     *
     * @return its configuration
     */
    public ScxControllerConfig config() {
        return config;
    }

    @Override
    public String settingsPrefix() {
        return ScxSettings.PREFIX;
    }

    /** A controller with the {@code scx_*} settings applied (see {@link ScxSettings}). */
    @Override
    public SchedulerController withSettings(ProviderSettings settings) {
        return new ScxProcessController(ScxSettings.apply(config, settings));
    }

    /** Checks the arguments against the scheduler's known flags, when the scheduler is known. */
    @Override
    public void validate(SchedulerSpec spec) {
        catalog.find(spec.name()).ifPresent(e -> e.flags().validate(spec.name(), spec.args()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        return unavailableReason().isEmpty();
    }

    @Override
    public String unavailableReason() {
        if (!sysfs.exists()) {
            return sysfs.root() + " not found (kernel without CONFIG_SCHED_CLASS_EXT)";
        }
        long uid = euid.getAsLong();
        if (uid != 0) {
            return "not running as root (uid " + uid + "): cannot load BPF schedulers";
        }
        return lock.heldElsewhere().orElse("");
    }

    @Override
    public List<SchedulerInfo> available() {
        return catalog.scan().stream().map(SchedulerCatalog.Entry::info).toList();
    }

    /**
     * The configured trusted directories that cannot be trusted (a directory or an ancestor not
     * root-owned, or writable by group or others, as {@code /tmp} is), each as "DIR: reason"; no
     * scheduler in them is run. Empty when all pass; a missing directory is not a problem.
     *
     * @return one line per directory that fails
     */
    public List<String> trustedDirectoryProblems() {
        return catalog.untrustedDirs();
    }

    @Override
    public synchronized ActiveScheduler current() {
        requireOpen();
        handleOrphanOnce();
        return orphans.current(sysfs.snapshot(), managed);
    }

    @Override
    public synchronized ActiveScheduler activate(SchedulerSpec spec) throws SchedulerException {
        requireOpen();
        handleOrphanOnce();
        String name = spec.name();
        String unavailable = unavailableReason();
        if (!unavailable.isEmpty()) {
            throw failure(name, Kind.START_FAILED, "cannot start: " + unavailable, null);
        }
        Path path = catalog.binaryFor(spec);
        orphans.refuseForeign(sysfs.snapshot(), managed, name, Kind.START_FAILED);
        Optional<String> locked = lock.acquire();
        if (locked.isPresent()) {
            throw failure(name, Kind.START_FAILED, "cannot start: " + locked.get(), null);
        }
        stopForSwitch(name);
        SchedulerProcess sp = launcher.start(spec, path, shutdownHook::register);
        managed = sp;
        return orphans.current(sysfs.snapshot(), sp);
    }

    @Override
    public synchronized void deactivate() throws SchedulerException {
        requireOpen();
        handleOrphanOnce();
        SchedulerProcess sp = managed;
        if (sp == null) {
            orphans.refuseForeign(sysfs.snapshot(), null, null, Kind.STOP_FAILED);
            return;
        }
        managed = null;
        Stopper stopper = tools.stopper();
        Stopper.Result r = stopper.stop(sp.handle(), sp.name(), sp.enableSeq());
        sp.release();
        if (!r.graceful()) {
            throw failure(sp.name(), Kind.STOP_FAILED, sp + " would not stop: " + r.describe(stopper.timeout())
                    + "; " + sp.outputTail(), sp.exitCodeOrNull());
        }
        LOG.info("stopped {}: {}", sp, r.describe(stopper.timeout()));
    }

    @Override
    public synchronized Optional<SchedulerFailure> checkHealth() {
        if (closed) {
            return Optional.empty();
        }
        handleOrphanOnce();
        SchedulerProcess sp = managed;
        if (sp == null) {
            return Optional.empty();
        }
        Optional<SchedulerFailure> failure = health.check(sp);
        if (failure.isPresent()) {
            managed = null;
        }
        return failure;
    }

    /**
     * Takes over the scheduler that is attached now but was started by someone else: from here on
     * this controller stops or replaces it. True when it manages the attached scheduler afterwards;
     * false when none is attached, its process cannot be found, or another AutoSA holds the lock.
     */
    @Override
    public synchronized boolean adopt() {
        requireOpen();
        handleOrphanOnce();
        return adoptAttached();
    }

    @Override
    public void close(boolean keepScheduler) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            SchedulerProcess sp = managed;
            managed = null;
            try {
                if (sp == null) {
                    return;
                }
                sp.release();
                if (keepScheduler) {
                    LOG.info("leaving {} running as asked", sp);
                    return;
                }
                Stopper stopper = tools.stopper();
                Stopper.Result r = stopper.stop(sp.handle(), sp.name(), sp.enableSeq());
                if (r.graceful()) {
                    LOG.info("stopped {} on close", sp);
                } else {
                    LOG.warn("stopping {} on close: {}", sp, r.describe(stopper.timeout()));
                }
            } finally {
                shutdownHook.remove();
                lock.close();
            }
        }
    }

    private boolean adoptAttached() {
        Snapshot s = sysfs.snapshot();
        SchedulerProcess sp = managed;
        if (sp != null && Orphans.isManaged(s, sp)) {
            return true;
        }
        Optional<SchedulerProcess> adopted = orphans.adoptable(s);
        if (adopted.isEmpty()) {
            return false;
        }
        Optional<String> locked = lock.acquire();
        if (locked.isPresent()) {
            LOG.warn("not adopting {}: {}", adopted.get(), locked.get());
            return false;
        }
        managed = adopted.get();
        shutdownHook.register();
        LOG.info("adopted {} (ops {})", adopted.get(), s.ops());
        return true;
    }

    /** Stops the scheduler we run before starting {@code next}; a scheduler that will not go aborts the switch. */
    private void stopForSwitch(String next) throws SchedulerException {
        SchedulerProcess sp = managed;
        if (sp == null) {
            return;
        }
        managed = null;
        Stopper stopper = tools.stopper();
        Stopper.Result r = stopper.stop(sp.handle(), sp.name(), sp.enableSeq());
        sp.release();
        if (!r.exited() || !r.detached()) {
            throw failure(sp.name(), Kind.STOP_FAILED, "cannot switch to " + next + ": " + sp + " would not stop: "
                    + r.describe(stopper.timeout()) + "; " + sp.outputTail(), sp.exitCodeOrNull());
        }
        if (!r.graceful()) {
            LOG.warn("switching to {}: {}", next, r.describe(stopper.timeout()));
        }
    }

    /** At first use: find a scheduler someone else attached and apply the orphan policy. */
    private void handleOrphanOnce() {
        if (orphanChecked) {
            return;
        }
        orphanChecked = true;
        Snapshot s = sysfs.snapshot();
        if (s.isDisabled()) {
            return;
        }
        if (config.orphanPolicy() != ScxControllerConfig.OrphanPolicy.LEAVE) {
            Optional<String> locked = lock.acquire();
            if (locked.isPresent()) {
                LOG.warn("a scheduler was already attached ({}); orphan policy {} not applied: {}", s.describe(),
                        config.orphanPolicy(), locked.get());
                return;
            }
        }
        if (orphans.applyPolicy(s, config.orphanPolicy()) && !adoptAttached()) {
            LOG.warn("{} was already attached but cannot be adopted: its process was not found", s.describe());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("scheduler controller " + NAME + " is closed");
        }
    }
}
