// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import static dev.autosa.proc.linux.internal.scx.Failures.failure;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure.Kind;
import dev.autosa.proc.linux.ScxControllerConfig.OrphanPolicy;
import dev.autosa.proc.linux.internal.scx.OwnerFinder.Owner;
import dev.autosa.proc.linux.internal.scx.SchedExtSysfs.Snapshot;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedulers the controller did not start (by hand, scx_loader, a kept scheduler of an earlier
 * run): tells them apart from the managed one, refuses to replace them, adopts them on request,
 * and applies the orphan policy to one found attached at first use.
 */
public final class Orphans {

    private static final Logger LOG = LoggerFactory.getLogger(Orphans.class);

    private final OwnerCache owners;
    private final SystemTools tools;
    private final Path procRoot;

    public Orphans(OwnerCache owners, SystemTools tools, Path procRoot) {
        this.owners = owners;
        this.tools = tools;
        this.procRoot = procRoot;
    }

    /** What runs per {@code s}: the managed process when it is the one attached, else the owner found in /proc. */
    public ActiveScheduler current(Snapshot s, @Nullable SchedulerProcess managed) {
        if (s.isDisabled()) {
            return ActiveScheduler.KERNEL_DEFAULT;
        }
        String ops = s.ops();
        if (managed != null && isManaged(s, managed)) {
            return new ActiveScheduler(s.state(), ops, managed.name(), managed.pid(), true);
        }
        Owner owner = owners.owner(s);
        return new ActiveScheduler(s.state(), ops, owner == null ? null : owner.scheduler(),
                owner == null ? -1 : owner.pid(), false);
    }

    /** True when {@code managed} is alive and is what the kernel runs per {@code s}. */
    public static boolean isManaged(Snapshot s, @Nullable SchedulerProcess managed) {
        String ops = s.ops();
        return managed != null && managed.isAlive() && ops != null && OpsNames.matches(managed.name(), ops);
    }

    /** Throws when a scheduler other than {@code managed} holds sched_ext; {@code scheduler} is the one asked for. */
    public void refuseForeign(Snapshot s, @Nullable SchedulerProcess managed, @Nullable String scheduler, Kind kind)
            throws SchedulerException {
        if (s.isDisabled() || isManaged(s, managed)) {
            return;
        }
        String ops = s.ops();
        Owner owner = owners.owner(s);
        String what = owner != null ? owner.scheduler() + " (pid " + owner.pid() + ", ops " + ops + ")"
                : "ops " + ops + " (its process was not found in " + procRoot + ")";
        String concerned = scheduler != null ? scheduler : owner != null ? owner.scheduler() : OpsNames.guessName(ops);
        throw failure(concerned, kind, "sched_ext already runs " + what + " (" + s.state().id()
                + "), which AutoSA did not start; it is left alone: call adopt() to let AutoSA manage it", null);
    }

    /** The attached scheduler's process, wrapped to be managed from now on, or empty when there is none to take. */
    public Optional<SchedulerProcess> adoptable(Snapshot s) {
        String ops = s.ops();
        if (s.isDisabled() || ops == null) {
            LOG.info("nothing to adopt: {}", s.describe());
            return Optional.empty();
        }
        Owner owner = owners.owner(s);
        Optional<ProcessHandle> handle = owner == null ? Optional.empty() : ProcessHandle.of(owner.pid());
        if (owner == null || handle.isEmpty()) {
            LOG.warn("cannot adopt sched_ext ops {}: no scx_* process in {} matches it", ops, procRoot);
            return Optional.empty();
        }
        SchedulerProcess adopted = SchedulerProcess.adopted(owner.scheduler(), handle.get());
        adopted.enableSeq(s.enableSeq());
        return Optional.of(adopted);
    }

    /**
     * Applies {@code policy} to a scheduler found attached at first use. LEAVE only reports it and
     * STOP stops it here; ADOPT returns true so that the caller adopts it (taking its lock first).
     */
    public boolean applyPolicy(Snapshot s, OrphanPolicy policy) {
        String ops = s.ops();
        if (s.isDisabled() || ops == null) {
            return false;
        }
        Owner owner = owners.owner(s);
        String what = owner == null ? "ops " + ops + " (owner not found)" : owner.scheduler() + " (pid "
                + owner.pid() + ")";
        switch (policy) {
            case LEAVE -> LOG.info("{} was already attached: left alone (orphan policy LEAVE); call adopt() "
                    + "to let AutoSA manage it", what);
            case ADOPT -> {
                return true;
            }
            case STOP -> {
                Optional<ProcessHandle> handle = owner == null ? Optional.empty() : ProcessHandle.of(owner.pid());
                if (owner == null || handle.isEmpty()) {
                    LOG.warn("{} was already attached but cannot be stopped: its process was not found", what);
                    return false;
                }
                Stopper stopper = tools.stopper();
                Stopper.Result r = stopper.stop(handle.get(), owner.scheduler(), s.enableSeq());
                LOG.info("stopped {} that was already attached (orphan policy STOP): {}", what,
                        r.describe(stopper.timeout()));
            }
        }
        return false;
    }
}
