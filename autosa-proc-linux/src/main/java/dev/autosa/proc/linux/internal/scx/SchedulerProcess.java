// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The process of a scheduler this controller manages: one it started (with its exit code and
 * output) or one it adopted (a pid only).
 */
public final class SchedulerProcess {

    private static final int TAIL_LINES = 20;

    private final String name;
    private final ProcessHandle handle;
    private final @Nullable Process process;
    private final OutputTail stdout;
    private final OutputTail stderr;
    private final boolean started;
    private long enableSeq;

    private SchedulerProcess(String name, ProcessHandle handle, @Nullable Process process, OutputTail stdout,
            OutputTail stderr, boolean started) {
        this.name = name;
        this.handle = handle;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.started = started;
        this.enableSeq = -1;
    }

    /** Wraps a child just started; its output is drained from now on. */
    public static SchedulerProcess started(String name, Process process) {
        String thread = "autosa-" + name + "-" + process.pid();
        return new SchedulerProcess(name, process.toHandle(), process,
                OutputTail.start(process.getInputStream(), TAIL_LINES, thread + "-out"),
                OutputTail.start(process.getErrorStream(), TAIL_LINES, thread + "-err"), true);
    }

    /** Wraps a process someone else started. */
    public static SchedulerProcess adopted(String name, ProcessHandle handle) {
        return new SchedulerProcess(name, handle, null, OutputTail.none(), OutputTail.none(), false);
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
        return started;
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

    /** The exit code once it exited, if it is our child (a signal shows as 128 + signal number). */
    public OptionalInt exitCode() {
        if (process == null || process.isAlive()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(process.exitValue());
    }

    public @Nullable Integer exitCodeOrNull() {
        OptionalInt code = exitCode();
        return code.isPresent() ? code.getAsInt() : null;
    }

    /**
     * The last output lines for a failure report: stderr (where libbpf and the sched_ext exit
     * reason go), else stdout; "no output" when there is none.
     */
    public String outputTail() {
        stderr.awaitEnd(200);
        stdout.awaitEnd(200);
        List<String> lines = new ArrayList<>(stderr.lines());
        if (lines.isEmpty()) {
            lines = stdout.lines();
        }
        if (lines.isEmpty()) {
            return started ? "no output" : "output unknown (not started by AutoSA)";
        }
        List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
        return "last output: " + String.join(" | ", last);
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
