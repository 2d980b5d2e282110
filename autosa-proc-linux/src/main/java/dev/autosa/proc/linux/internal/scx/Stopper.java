// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a scheduler process the way sched_ext schedulers expect: SIGINT (they detach and exit
 * cleanly on it), then SIGTERM, then SIGKILL (the kernel unloads the BPF scheduler when the
 * process holding its link dies), waiting after each; then waits for the kernel to report the
 * scheduler detached. Java can only send SIGTERM and SIGKILL itself, so SIGINT goes through the
 * {@code kill} binary, executed directly.
 */
public final class Stopper {

    private static final Logger LOG = LoggerFactory.getLogger(Stopper.class);

    /** How a stop went. */
    public record Result(String signal, boolean exited, boolean detached, SchedExtSysfs.Snapshot after) {

        /** Stopped cleanly: it exited on SIGINT or SIGTERM (or was gone) and the kernel default is back. */
        public boolean graceful() {
            return exited && detached && !signal.equals("SIGKILL");
        }

        public String describe(Duration timeout) {
            String how = switch (signal) {
                case "none" -> "it had already exited";
                case "SIGINT" -> "it exited on SIGINT";
                case "SIGTERM" -> "it ignored SIGINT for " + seconds(timeout) + "; exited on SIGTERM";
                default -> "it ignored SIGINT and SIGTERM for " + seconds(timeout) + " each; killed with SIGKILL";
            };
            if (!exited) {
                how += "; the process is still alive after SIGKILL";
            }
            return how + (detached ? "; the kernel default is back (" + after.describe() + ")"
                    : "; sysfs still says " + after.describe() + " after " + seconds(timeout));
        }
    }

    private final SchedExtSysfs sysfs;
    private final @Nullable Path killTool;
    private final Duration timeout;
    private final Duration step;

    public Stopper(SchedExtSysfs sysfs, @Nullable Path killTool, Duration timeout, Duration step) {
        this.sysfs = sysfs;
        this.killTool = killTool;
        this.timeout = timeout;
        this.step = step;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Stops {@code process}, which runs {@code scheduler} and attached with {@code enableSeq} (or -1). */
    public Result stop(ProcessHandle process, String scheduler, long enableSeq) {
        String signal = "none";
        if (process.isAlive() && killTool != null) {
            signal = "SIGINT";
            sendInterrupt(process.pid());
            waitExit(process);
        }
        if (process.isAlive()) {
            signal = "SIGTERM";
            process.destroy();
            waitExit(process);
        }
        if (process.isAlive()) {
            signal = "SIGKILL";
            LOG.warn("{} (pid {}) ignored SIGINT and SIGTERM; sending SIGKILL", scheduler, process.pid());
            process.destroyForcibly();
            waitExit(process);
        }
        boolean detached = Poll.until(() -> detached(scheduler, enableSeq), timeout, step);
        return new Result(signal, !process.isAlive(), detached, sysfs.snapshot());
    }

    /** Our attach is over: sched_ext is disabled, or another scheduler (or another attach) holds it. */
    private boolean detached(String scheduler, long enableSeq) {
        SchedExtSysfs.Snapshot s = sysfs.snapshot();
        if (s.isDisabled()) {
            return true;
        }
        boolean otherOps = s.ops() != null && !OpsNames.matches(scheduler, s.ops());
        boolean otherAttach = enableSeq >= 0 && s.enableSeq() > enableSeq
                && s.state() == dev.autosa.api.ActiveScheduler.State.ENABLED;
        return otherOps || otherAttach;
    }

    private void waitExit(ProcessHandle process) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // still alive: the caller escalates to the next signal
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("waiting for pid {} to exit failed: {}", process.pid(), String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendInterrupt(long pid) {
        try {
            Process kill = new ProcessBuilder(String.valueOf(killTool), "-INT", Long.toString(pid))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill.destroyForcibly();
                LOG.warn("{} -INT {} did not return within {}", killTool, pid, timeout);
            }
        } catch (IOException e) {
            LOG.warn("cannot run {} -INT {}: {}; going on with SIGTERM", killTool, pid, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
