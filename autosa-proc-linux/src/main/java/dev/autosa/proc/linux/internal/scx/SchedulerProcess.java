// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The process of a scheduler this controller manages: one it started (with its exit code and
 * output log) or one it adopted (a pid only).
 */
public final class SchedulerProcess {

    private static final int TAIL_LINES = 5;
    /**
     * How long to wait for the JDK to record the exit status of a child the kernel already shows
     * as gone: the reaper thread reaps it first ({@link ProcessHandle#isAlive()} turns false) and
     * records the status in the {@link Process} a moment later, a moment that grows under load.
     */
    private static final long EXIT_STATUS_WAIT_MS = 10_000;

    private final String name;
    private final ProcessHandle handle;
    private final @Nullable Process process;
    private final @Nullable SchedulerLog log;
    private long enableSeq;

    private SchedulerProcess(String name, ProcessHandle handle, @Nullable Process process,
            @Nullable SchedulerLog log) {
        this.name = name;
        this.handle = handle;
        this.process = process;
        this.log = log;
        this.enableSeq = -1;
    }

    /** Wraps a child just started, whose stdout and stderr go to {@code log}. */
    public static SchedulerProcess started(String name, Process process, SchedulerLog log) {
        return new SchedulerProcess(name, process.toHandle(), process, log);
    }

    /** Wraps a process someone else started. */
    public static SchedulerProcess adopted(String name, ProcessHandle handle) {
        return new SchedulerProcess(name, handle, null, null);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    public ProcessHandle handle() {
        return handle;
    }

    /** True when this controller started it (not adopted). */
    public boolean started() {
        return process != null;
    }

    public @Nullable SchedulerLog log() {
        return log;
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /** The enable_seq of the attach this process made, or -1 before it attached / when adopted unknown. */
    public long enableSeq() {
        return enableSeq;
    }

    public void enableSeq(long value) {
        enableSeq = value;
    }

    /**
     * The exit code once it exited, if it is our child (a signal shows as 128 + signal number).
     * When the process is gone but the JDK has not recorded its status yet, waits for it (bounded).
     */
    public OptionalInt exitCode() {
        Process p = process;
        if (p == null || handle.isAlive()) {
            return OptionalInt.empty();
        }
        try {
            if (!p.waitFor(EXIT_STATUS_WAIT_MS, TimeUnit.MILLISECONDS)) {
                return OptionalInt.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return p.isAlive() ? OptionalInt.empty() : OptionalInt.of(p.exitValue());
        }
        return OptionalInt.of(p.exitValue());
    }

    public @Nullable Integer exitCodeOrNull() {
        OptionalInt code = exitCode();
        return code.isPresent() ? code.getAsInt() : null;
    }

    /** Stops bounding its log: the controller no longer manages it (stopped, dead, or kept running without us). */
    public void release() {
        SchedulerLog l = log;
        if (l != null) {
            l.close();
        }
    }

    /** The last lines of its output (stdout and stderr together) for a failure report. */
    public String outputTail() {
        SchedulerLog l = log;
        if (l == null) {
            return "output unknown (not started by AutoSA)";
        }
        List<String> lines = l.lastLines(TAIL_LINES);
        if (lines.isEmpty()) {
            return "no output (" + l.file() + ")";
        }
        return "last output (" + l.file() + "): " + String.join(" | ", lines);
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
