// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import dev.autosa.api.ActiveScheduler.State;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.SchedulerFailure.Kind;
import dev.autosa.proc.linux.internal.scx.SchedExtSysfs.Snapshot;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-tick check of a managed scheduler: its process must be alive and the kernel must still
 * run its attach. A dead process or an ejection is a failure (the process is stopped, its output
 * quoted); a Rust scheduler re-attaching itself in the same process is not. Also keeps its log
 * under its cap.
 */
public final class HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);

    private final SchedExtSysfs sysfs;
    private final SystemTools tools;

    public HealthCheck(SchedExtSysfs sysfs, SystemTools tools) {
        this.sysfs = sysfs;
        this.tools = tools;
    }

    /** A failure when {@code sp} no longer runs as it should (it is stopped and released then), else empty. */
    public Optional<SchedulerFailure> check(SchedulerProcess sp) {
        if (!sp.isAlive()) {
            return Optional.of(exited(sp));
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
        return Optional.of(ejected(sp, s));
    }

    private SchedulerFailure exited(SchedulerProcess sp) {
        Stopper stopper = tools.stopper();
        Stopper.Result r = stopper.stop(sp.handle(), sp.name(), sp.enableSeq());
        Integer code = sp.exitCodeOrNull();
        String detail = sp + " exited" + (code == null ? "" : " with code " + code) + " while it should run; "
                + (r.detached() ? "the kernel default is back" : "sysfs still says " + r.after().describe())
                + "; " + sp.outputTail();
        sp.release();
        LOG.warn("{}", detail);
        return new SchedulerFailure(sp.name(), Kind.EXITED, detail, code);
    }

    private SchedulerFailure ejected(SchedulerProcess sp, Snapshot s) {
        long rejected = sysfs.nrRejected();
        Stopper stopper = tools.stopper();
        Stopper.Result r = stopper.stop(sp.handle(), sp.name(), sp.enableSeq());
        String detail = "the kernel disabled " + sp + " while it ran (" + s.describe()
                + (rejected >= 0 ? " nr_rejected=" + rejected : "") + "); " + r.describe(stopper.timeout())
                + "; " + sp.outputTail();
        sp.release();
        LOG.warn("{}", detail);
        return new SchedulerFailure(sp.name(), Kind.EJECTED, detail, sp.exitCodeOrNull());
    }
}
