// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import static dev.autosa.proc.linux.internal.scx.Failures.failure;

import dev.autosa.api.ActiveScheduler.State;
import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure.Kind;
import dev.autosa.api.SchedulerSpec;
import dev.autosa.proc.linux.internal.scx.SchedExtSysfs.Snapshot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one scheduler binary (no shell, its own session, output to its log) and waits until the
 * kernel says it is attached: {@code state} is {@code enabled}, {@code enable_seq} moved past its
 * value before the start and {@code root/ops} names it. Anything else stops the process and fails
 * with what sysfs and the scheduler's last output said.
 */
public final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    /** How the launcher waits and where logs go. */
    public record Settings(RunDirectory runDir, long maxLogBytes, Duration startTimeout, Duration pollInterval) {
    }

    private final SchedExtSysfs sysfs;
    private final SystemTools tools;
    private final Settings settings;

    public Launcher(SchedExtSysfs sysfs, SystemTools tools, Settings settings) {
        this.sysfs = sysfs;
        this.tools = tools;
        this.settings = settings;
    }

    /**
     * Runs {@code binary} (a checked real path) for {@code spec}; {@code onStarted} runs once the
     * process exists (the caller registers its shutdown hook there). Returns the attached process.
     */
    public SchedulerProcess start(SchedulerSpec spec, Path binary, Runnable onStarted) throws SchedulerException {
        String name = spec.name();
        long seqBefore = sysfs.enableSeq();
        SchedulerLog log = openLog(name);
        Process process;
        try {
            // output to a file, not pipes: a scheduler kept running after the JVM exits must not
            // die of SIGPIPE at its next line of statistics
            process = new ProcessBuilder(command(spec, binary))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
                    .start();
        } catch (IOException e) {
            log.close();
            throw failure(name, Kind.START_FAILED, "cannot run " + binary + ": " + e.getMessage(), null);
        }
        SchedulerProcess sp = SchedulerProcess.started(name, process, log);
        onStarted.run();
        LOG.info("started {} as {}; waiting up to {} for the kernel to attach it", spec, sp, settings.startTimeout());
        AtomicReference<Snapshot> last = new AtomicReference<>(sysfs.snapshot());
        boolean settled = Poll.until(() -> {
            Snapshot s = sysfs.snapshot();
            last.set(s);
            return !sp.isAlive() || (s.state() == State.ENABLED && s.enableSeq() > seqBefore);
        }, settings.startTimeout(), settings.pollInterval());
        Snapshot s = java.util.Objects.requireNonNull(last.get(), "snapshot");
        String ops = s.ops();
        boolean attached = settled && s.state() == State.ENABLED && s.enableSeq() > seqBefore;
        if (attached && ops != null && OpsNames.matches(name, ops)) {
            sp.enableSeq(s.enableSeq());
            LOG.info("{} attached: {}", sp, s.describe());
            return sp;
        }
        String why;
        if (attached) {
            why = "the kernel attached ops \"" + ops + "\", not " + name.substring(4) + " (" + s.describe() + ")";
        } else if (!sp.isAlive()) {
            why = "exited" + (sp.exitCodeOrNull() == null ? "" : " with code " + sp.exitCodeOrNull())
                    + " before attaching (" + s.describe() + ")";
        } else {
            why = "did not attach within " + settings.startTimeout().toMillis() + " ms (" + s.describe()
                    + ", enable_seq before start " + seqBefore + ")";
        }
        Stopper stopper = tools.stopper();
        Stopper.Result r = stopper.stop(sp.handle(), name, attached ? s.enableSeq() : -1);
        String detail = why + "; " + r.describe(stopper.timeout()) + "; " + sp.outputTail();
        sp.release();
        LOG.warn("{} failed to start: {}", spec, detail);
        throw failure(name, Kind.START_FAILED, detail, sp.exitCodeOrNull());
    }

    private List<String> command(SchedulerSpec spec, Path binary) {
        List<String> command = new ArrayList<>();
        Path ownSession = tools.setsid();
        if (ownSession != null) {
            // its own session and process group: a Ctrl-C meant for the JVM's terminal must not
            // reach the scheduler; whether it stops is this controller's decision
            command.add(ownSession.toString());
        }
        command.add(binary.toString());
        command.addAll(spec.args());
        return command;
    }

    private SchedulerLog openLog(String name) throws SchedulerException {
        Path dir;
        try {
            dir = settings.runDir().get();
        } catch (IOException e) {
            throw failure(name, Kind.START_FAILED, "cannot create a directory for the log of " + name + ": " + e, null);
        }
        try {
            return SchedulerLog.create(dir.resolve(name + ".log"), settings.maxLogBytes());
        } catch (IOException e) {
            throw failure(name, Kind.START_FAILED, "cannot create the log file for " + name + " in " + dir + ": " + e,
                    null);
        }
    }
}
