// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.ActiveScheduler.State;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.SchedulerFailure.Kind;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.SchedulerSpec;
import dev.autosa.proc.linux.internal.scx.EffectiveUid;
import dev.autosa.proc.linux.internal.scx.OpsNames;
import dev.autosa.proc.linux.internal.scx.OwnerFinder;
import dev.autosa.proc.linux.internal.scx.OwnerFinder.Owner;
import dev.autosa.proc.linux.internal.scx.Poll;
import dev.autosa.proc.linux.internal.scx.SchedExtSysfs;
import dev.autosa.proc.linux.internal.scx.SchedExtSysfs.Snapshot;
import dev.autosa.proc.linux.internal.scx.SchedulerCatalog;
import dev.autosa.proc.linux.internal.scx.SchedulerLog;
import dev.autosa.proc.linux.internal.scx.SchedulerProcess;
import dev.autosa.proc.linux.internal.scx.Stopper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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
 * this controller started or adopted: one it will stop or replace.
 *
 * <p>Thread-safe (every operation is serialized); the engine calls it from one thread, the JVM
 * shutdown hook from another.
 */
public final class ScxProcessController implements SchedulerController {

    /** The provider name, for logs and status. */
    public static final String NAME = "scx-process";
    /** The highest built-in priority: a real controller beats the simulated one. */
    public static final int PRIORITY = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ScxProcessController.class);
    /** Where setsid and kill are looked for besides the trusted directories (same trust check). */
    private static final List<Path> SYSTEM_TOOL_DIRS = List.of(Path.of("/usr/bin"), Path.of("/bin"),
            Path.of("/usr/sbin"), Path.of("/sbin"));

    private final ScxControllerConfig config;
    private final LongSupplier euid;
    private final SchedExtSysfs sysfs;
    private final SchedulerCatalog catalog;
    private final OwnerFinder owners;

    private @Nullable Stopper stopper;
    private @Nullable Path setsid;
    private boolean setsidLooked;
    private @Nullable SchedulerProcess managed;
    private @Nullable Path runDir;
    private boolean orphanChecked;
    private boolean closed;
    private @Nullable Thread shutdownHook;
    /** Owner lookups scan /proc, so the result is kept for one attach (ops + enable_seq). */
    private final AtomicReference<@Nullable CachedOwner> ownerCache = new AtomicReference<>();

    private record CachedOwner(String ops, long enableSeq, @Nullable Owner owner) {
    }

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

    /** For tests: with a given effective uid source. */
    ScxProcessController(ScxControllerConfig config, LongSupplier euid) {
        this.config = config;
        this.euid = euid;
        this.sysfs = new SchedExtSysfs(config.sysfsRoot());
        this.catalog = new SchedulerCatalog(config.trustedDirs(), config.extraFlags());
        this.owners = new OwnerFinder(config.procRoot());
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
        return "";
    }

    @Override
    public List<SchedulerInfo> available() {
        return catalog.scan().stream().map(SchedulerCatalog.Entry::info).toList();
    }

    @Override
    public synchronized ActiveScheduler current() {
        requireOpen();
        handleOrphanOnce();
        return readCurrent(sysfs.snapshot());
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
        SchedulerCatalog.Entry entry = catalog.find(name).orElseThrow(() -> failure(name, Kind.START_FAILED,
                "unknown scheduler: not in the catalog and not found in the trusted directories "
                        + config.trustedDirs(), null));
        Path path = entry.info().path();
        if (!entry.info().installed() || path == null) {
            String why = entry.info().refusedReason().isEmpty()
                    ? "not installed in any trusted directory " + config.trustedDirs()
                    : "refused: " + entry.info().refusedReason();
            throw failure(name, Kind.START_FAILED, why, null);
        }
        try {
            entry.flags().validate(name, spec.args());
        } catch (IllegalArgumentException e) {
            throw failure(name, Kind.START_FAILED, String.valueOf(e.getMessage()), null);
        }
        refuseForeign(sysfs.snapshot(), name, Kind.START_FAILED);
        stopForSwitch(name);
        return start(spec, path);
    }

    @Override
    public synchronized void deactivate() throws SchedulerException {
        requireOpen();
        handleOrphanOnce();
        SchedulerProcess sp = managed;
        if (sp == null) {
            Snapshot s = sysfs.snapshot();
            if (!s.isDisabled()) {
                refuseForeign(s, null, Kind.STOP_FAILED);
            }
            return;
        }
        managed = null;
        Stopper.Result r = stopper().stop(sp.handle(), sp.name(), sp.enableSeq());
        if (!r.graceful()) {
            throw failure(sp.name(), Kind.STOP_FAILED, sp + " would not stop: " + r.describe(stopper().timeout())
                    + "; " + sp.outputTail(), sp.exitCodeOrNull());
        }
        LOG.info("stopped {}: {}", sp, r.describe(stopper().timeout()));
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
        if (!sp.isAlive()) {
            managed = null;
            Stopper.Result r = stopper().stop(sp.handle(), sp.name(), sp.enableSeq());
            Integer code = sp.exitCodeOrNull();
            String detail = sp + " exited" + (code == null ? "" : " with code " + code) + " while it should run; "
                    + (r.detached() ? "the kernel default is back" : "sysfs still says " + r.after().describe())
                    + "; " + sp.outputTail();
            LOG.warn("{}", detail);
            return Optional.of(new SchedulerFailure(sp.name(), Kind.EXITED, detail, code));
        }
        SchedulerLog log = sp.log();
        if (log != null) {
            log.enforceCap();
        }
        Snapshot s = sysfs.snapshot();
        boolean opsMatch = s.ops() != null && OpsNames.matches(sp.name(), s.ops());
        if (opsMatch && s.state() == State.ENABLED && s.enableSeq() == sp.enableSeq()) {
            return Optional.empty();
        }
        if (opsMatch && s.state() == State.ENABLED && s.enableSeq() > sp.enableSeq()) {
            // Rust schedulers re-attach in the same process after some errors (user_restart)
            LOG.info("{} re-attached itself: {}", sp, s.describe());
            sp.enableSeq(s.enableSeq());
            return Optional.empty();
        }
        if (opsMatch && s.state() == State.ENABLING) {
            return Optional.empty();
        }
        long rejected = sysfs.nrRejected();
        managed = null;
        Stopper.Result r = stopper().stop(sp.handle(), sp.name(), sp.enableSeq());
        String detail = "the kernel disabled " + sp + " while it ran (" + s.describe()
                + (rejected >= 0 ? " nr_rejected=" + rejected : "") + "); " + r.describe(stopper().timeout())
                + "; " + sp.outputTail();
        LOG.warn("{}", detail);
        return Optional.of(new SchedulerFailure(sp.name(), Kind.EJECTED, detail, sp.exitCodeOrNull()));
    }

    /**
     * Takes over the scheduler that is attached now but was started by someone else: from here on
     * this controller stops or replaces it. True when it manages the attached scheduler afterwards;
     * false when none is attached or its process cannot be found.
     */
    @Override
    public synchronized boolean adopt() {
        requireOpen();
        handleOrphanOnce();
        Snapshot s = sysfs.snapshot();
        String ops = s.ops();
        if (s.isDisabled() || ops == null) {
            LOG.info("nothing to adopt: {}", s.describe());
            return false;
        }
        SchedulerProcess sp = managed;
        if (sp != null && sp.isAlive() && OpsNames.matches(sp.name(), ops)) {
            return true;
        }
        Owner owner = owner(s);
        Optional<ProcessHandle> handle = owner == null ? Optional.empty() : ProcessHandle.of(owner.pid());
        if (owner == null || handle.isEmpty()) {
            LOG.warn("cannot adopt sched_ext ops {}: no scx_* process in {} matches it", ops, config.procRoot());
            return false;
        }
        SchedulerProcess adopted = SchedulerProcess.adopted(owner.scheduler(), handle.get());
        adopted.enableSeq(s.enableSeq());
        managed = adopted;
        registerShutdownHook();
        LOG.info("adopted {} (ops {})", adopted, ops);
        return true;
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
            if (sp == null) {
                removeShutdownHook();
                return;
            }
            if (keepScheduler) {
                removeShutdownHook();
                LOG.info("leaving {} running as asked", sp);
                return;
            }
            Stopper.Result r = stopper().stop(sp.handle(), sp.name(), sp.enableSeq());
            removeShutdownHook();
            if (r.graceful()) {
                LOG.info("stopped {} on close", sp);
            } else {
                LOG.warn("stopping {} on close: {}", sp, r.describe(stopper().timeout()));
            }
        }
    }

    private ActiveScheduler readCurrent(Snapshot s) {
        if (s.isDisabled()) {
            return ActiveScheduler.KERNEL_DEFAULT;
        }
        SchedulerProcess sp = managed;
        String ops = s.ops();
        if (sp != null && sp.isAlive() && ops != null && OpsNames.matches(sp.name(), ops)) {
            return new ActiveScheduler(s.state(), ops, sp.name(), sp.pid(), true);
        }
        Owner owner = ops == null ? null : owner(s);
        return new ActiveScheduler(s.state(), ops, owner == null ? null : owner.scheduler(),
                owner == null ? -1 : owner.pid(), false);
    }

    private ActiveScheduler start(SchedulerSpec spec, Path path) throws SchedulerException {
        String name = spec.name();
        long seqBefore = sysfs.enableSeq();
        List<String> command = new ArrayList<>();
        Path ownSession = setsid();
        if (ownSession != null) {
            // its own session and process group: a Ctrl-C meant for the JVM's terminal must not
            // reach the scheduler; whether it stops is this controller's decision
            command.add(ownSession.toString());
        }
        command.add(path.toString());
        command.addAll(spec.args());
        SchedulerLog log;
        try {
            log = new SchedulerLog(runDir().resolve(name + ".log"), ScxControllerConfig.MAX_LOG_BYTES);
            log.reset();
        } catch (IOException e) {
            throw failure(name, Kind.START_FAILED, "cannot create the log file for " + name + " in " + config.runDir()
                    + ": " + e, null);
        }
        Process process;
        try {
            // output to a file, not pipes: a scheduler kept running after the JVM exits must not
            // die of SIGPIPE at its next line of statistics
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
                    .start();
        } catch (IOException e) {
            throw failure(name, Kind.START_FAILED, "cannot run " + path + ": " + e.getMessage(), null);
        }
        SchedulerProcess sp = SchedulerProcess.started(name, process, log);
        registerShutdownHook();
        LOG.info("started {} as {}; waiting up to {} for the kernel to attach it", spec, sp, config.startTimeout());
        AtomicReference<Snapshot> last = new AtomicReference<>(sysfs.snapshot());
        boolean settled = Poll.until(() -> {
            Snapshot s = sysfs.snapshot();
            last.set(s);
            return !sp.isAlive() || (s.state() == State.ENABLED && s.enableSeq() > seqBefore);
        }, config.startTimeout(), config.pollInterval());
        Snapshot s = java.util.Objects.requireNonNull(last.get(), "snapshot");
        String ops = s.ops();
        boolean attached = settled && s.state() == State.ENABLED && s.enableSeq() > seqBefore;
        if (attached && ops != null && OpsNames.matches(name, ops)) {
            sp.enableSeq(s.enableSeq());
            managed = sp;
            LOG.info("{} attached: {}", sp, s.describe());
            return readCurrent(s);
        }
        String why;
        if (attached) {
            why = "the kernel attached ops \"" + ops + "\", not " + name.substring(4) + " (" + s.describe() + ")";
        } else if (!sp.isAlive()) {
            why = "exited" + (sp.exitCodeOrNull() == null ? "" : " with code " + sp.exitCodeOrNull())
                    + " before attaching (" + s.describe() + ")";
        } else {
            why = "did not attach within " + config.startTimeout().toMillis() + " ms (" + s.describe()
                    + ", enable_seq before start " + seqBefore + ")";
        }
        Stopper.Result r = stopper().stop(sp.handle(), name, attached ? s.enableSeq() : -1);
        String detail = why + "; " + r.describe(stopper().timeout()) + "; " + sp.outputTail();
        LOG.warn("{} failed to start: {}", spec, detail);
        throw failure(name, Kind.START_FAILED, detail, sp.exitCodeOrNull());
    }

    /** Stops the scheduler we run before starting {@code next}; a scheduler that will not go aborts the switch. */
    private void stopForSwitch(String next) throws SchedulerException {
        SchedulerProcess sp = managed;
        if (sp == null) {
            return;
        }
        managed = null;
        Stopper.Result r = stopper().stop(sp.handle(), sp.name(), sp.enableSeq());
        if (!r.exited() || !r.detached()) {
            throw failure(sp.name(), Kind.STOP_FAILED, "cannot switch to " + next + ": " + sp + " would not stop: "
                    + r.describe(stopper().timeout()) + "; " + sp.outputTail(), sp.exitCodeOrNull());
        }
        if (!r.graceful()) {
            LOG.warn("switching to {}: {}", next, r.describe(stopper().timeout()));
        }
    }

    /** Throws when a scheduler this controller does not manage holds sched_ext. */
    private void refuseForeign(Snapshot s, @Nullable String scheduler, Kind kind) throws SchedulerException {
        if (s.isDisabled()) {
            return;
        }
        SchedulerProcess sp = managed;
        String ops = s.ops();
        if (sp != null && sp.isAlive() && ops != null && OpsNames.matches(sp.name(), ops)) {
            return;
        }
        Owner owner = ops == null ? null : owner(s);
        String what = owner != null ? owner.scheduler() + " (pid " + owner.pid() + ", ops " + ops + ")"
                : "ops " + ops + " (its process was not found in " + config.procRoot() + ")";
        String concerned = scheduler != null ? scheduler : owner != null ? owner.scheduler() : guessName(ops);
        throw failure(concerned, kind, "sched_ext already runs " + what + " (" + s.state().id()
                + "), which AutoSA did not start; it is left alone: call adopt() to let AutoSA manage it", null);
    }

    /** At first use: find a scheduler someone else attached and apply the orphan policy. */
    private void handleOrphanOnce() {
        if (orphanChecked) {
            return;
        }
        orphanChecked = true;
        Snapshot s = sysfs.snapshot();
        String ops = s.ops();
        if (s.isDisabled() || ops == null) {
            return;
        }
        Owner owner = owner(s);
        String what = owner == null ? "ops " + ops + " (owner not found)" : owner.scheduler() + " (pid "
                + owner.pid() + ")";
        switch (config.orphanPolicy()) {
            case LEAVE -> LOG.info("{} was already attached: left alone (orphan policy LEAVE); call adopt() "
                    + "to let AutoSA manage it", what);
            case ADOPT -> {
                if (!adopt()) {
                    LOG.warn("{} was already attached but cannot be adopted: its process was not found", what);
                }
            }
            case STOP -> {
                Optional<ProcessHandle> handle = owner == null ? Optional.empty() : ProcessHandle.of(owner.pid());
                if (owner == null || handle.isEmpty()) {
                    LOG.warn("{} was already attached but cannot be stopped: its process was not found", what);
                    return;
                }
                Stopper.Result r = stopper().stop(handle.get(), owner.scheduler(), s.enableSeq());
                LOG.info("stopped {} that was already attached (orphan policy STOP): {}", what,
                        r.describe(stopper().timeout()));
            }
        }
    }

    private @Nullable Owner owner(Snapshot s) {
        String ops = s.ops();
        if (ops == null) {
            return null;
        }
        CachedOwner cached = ownerCache.get();
        if (cached != null && cached.ops().equals(ops) && cached.enableSeq() == s.enableSeq()
                && cached.owner() != null && ProcessHandle.of(cached.owner().pid()).isPresent()) {
            return cached.owner();
        }
        Owner found = owners.find(ops).orElse(null);
        ownerCache.set(new CachedOwner(ops, s.enableSeq(), found));
        return found;
    }

    /** The configured run directory, or a private temp directory when that cannot be used (not root, read-only). */
    private Path runDir() throws IOException {
        Path dir = runDir;
        if (dir == null) {
            dir = config.runDir();
            try {
                Files.createDirectories(dir);
                if (!Files.isWritable(dir)) {
                    throw new IOException(dir + " is not writable");
                }
            } catch (IOException e) {
                Path fallback = Files.createTempDirectory("autosa-scx-");
                LOG.warn("cannot use {} for scheduler logs ({}); using {}", dir, e.toString(), fallback);
                dir = fallback;
            }
            runDir = dir;
        }
        return dir;
    }

    private Stopper stopper() {
        Stopper s = stopper;
        if (s == null) {
            Path kill = catalog.tool("kill", SYSTEM_TOOL_DIRS);
            if (kill == null) {
                LOG.warn("no trusted kill binary in {} or {}: schedulers are stopped with SIGTERM, not SIGINT",
                        config.trustedDirs(), SYSTEM_TOOL_DIRS);
            }
            s = new Stopper(sysfs, kill, config.stopTimeout(), config.pollInterval());
            stopper = s;
        }
        return s;
    }

    private @Nullable Path setsid() {
        if (!setsidLooked) {
            setsidLooked = true;
            setsid = catalog.tool("setsid", SYSTEM_TOOL_DIRS);
            if (setsid == null) {
                LOG.info("no trusted setsid binary: schedulers run in the JVM's process group");
            }
        }
        return setsid;
    }

    private void registerShutdownHook() {
        if (shutdownHook != null) {
            return;
        }
        Thread hook = new Thread(() -> close(false), "autosa-scx-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            shutdownHook = hook;
        } catch (IllegalStateException e) {
            LOG.warn("JVM is shutting down: no hook registered to stop the scheduler");
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down and runs the hook anyway; close() makes it a no-op
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("scheduler controller " + NAME + " is closed");
        }
    }

    private static String guessName(@Nullable String ops) {
        if (ops == null) {
            return "scx_unknown";
        }
        int underscore = ops.indexOf('_');
        String base = underscore < 0 ? ops : ops.substring(0, underscore);
        return base.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) && !base.isEmpty()
                ? "scx_" + base : "scx_unknown";
    }

    private static SchedulerException failure(String scheduler, Kind kind, String detail, @Nullable Integer code) {
        return new SchedulerException(new SchedulerFailure(scheduler, kind, detail, code));
    }
}
