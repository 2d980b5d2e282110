// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.vm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Runs in the scx-vm guest for {@link ClosedLoopVmIT}: every switch is an experiment, on a real
 * sched_ext kernel. Under {@code stress-ng --cpu 2 --cpu-load 90}:
 *
 * <ol>
 *   <li>with {@code scx_cpu0} (every task on CPU 0) as the cpu-bound preference, the daemon switches
 *       to it, measures the regression and switches back by itself (nobody kills scx_cpu0), does not
 *       attach it again under the same load, nor after a restart on the same state directory;
 *   <li>with {@code scx_simple} in its place, the switch is kept (no false revert) and scx_simple
 *       still runs. CPU-bound work is judged by the work done: scx_simple does the same work as the
 *       kernel default (its tasks wait longer for a CPU, which is what the contention objective of
 *       the other classes would count against it), scx_cpu0 about half.
 * </ol>
 *
 * Only states and their order are checked (the guest is emulated): sysfs, and the daemon's status.
 * Arguments: the autosa jar, the report file, a writable work directory.
 */
public final class ClosedLoopVmScenario extends GuestScenario {

    private static final Path SOCKET = Path.of("/tmp/autosa-vm/autosa.sock");
    /** After the revert (and after a restart), how long the daemon must leave scx_cpu0 alone. */
    private static final long QUIET_SECS = 45;

    private @Nullable Process daemon;
    private @Nullable Process stress;
    private @Nullable Path daemonLog;

    private ClosedLoopVmScenario(Path jar, Path work) {
        super(jar, work);
    }

    public static void main(String[] args) throws Exception {
        main(new ClosedLoopVmScenario(Path.of(args[0]), Path.of(args[2])), Path.of(args[1]));
    }

    @Override
    void run() throws Exception {
        header();
        Files.createDirectories(work);
        stress = new ProcessBuilder("stress-ng", "--cpu", "2", "--cpu-load", "90", "--timeout", "1800s")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        line("stress-ng --cpu 2 --cpu-load 90 started (pid " + stress.pid() + ")");

        Path lostState = fresh(work.resolve("state-cpu0"));
        Path cpu0Conf = config("cpu0.conf", "scx_cpu0", lostState);
        if (!step("daemon up with scx_cpu0 preferred for cpu-bound", () -> daemonUp(cpu0Conf, "1"))) {
            return;
        }
        step("the daemon switches to scx_cpu0", () -> untilKernelRuns("cpu0"));
        step("the experiment finds scx_cpu0 worse and the daemon reverts it by itself", this::untilReverted);
        step("scx_cpu0 is not attached again under the same load", () -> staysOff("cpu0", QUIET_SECS, true));
        step("autosa stop", this::stop);
        step("daemon restarted on the same state directory", () -> daemonUp(cpu0Conf, "2"));
        step("after the restart scx_cpu0 is still not attached", () -> staysOff("cpu0", QUIET_SECS, false));
        step("autosa history shows the loss", () -> history(lostState));
        step("autosa stop", this::stop);

        Path keptState = fresh(work.resolve("state-simple"));
        Path simpleConf = config("simple.conf", "scx_simple", keptState);
        step("daemon up with scx_simple preferred for cpu-bound", () -> daemonUp(simpleConf, "3"));
        step("the daemon switches to scx_simple", () -> untilKernelRuns("simple"));
        step("the experiment keeps scx_simple (no false revert)", this::untilKept);
        step("autosa stop", this::stop);
        line("state sequence: " + String.join(" -> ", sequence()));
        line("sysfs after: " + sysfs());
        result();
    }

    private Path config(String name, String scheduler, Path state) throws IOException {
        Path config = work.resolve(name);
        Files.writeString(config, String.join("\n",
                "# written by ClosedLoopVmScenario: short timings for an emulated guest",
                "collection_interval_secs = 1",
                "aggregation_window_secs = 40",
                // The baseline is the 30 ticks before the switch: start-up of the daemon's own JVM,
                // which saturates the emulated guest for seconds, stays out of it.
                "warmup_secs = 35",
                "stability_period_secs = 5",
                "min_switch_interval_secs = 5",
                "min_confidence_threshold = 0.6",
                "settle_period_secs = 5",
                "evaluation_period_secs = 30",
                "mode = auto",
                "state_dir = " + state,
                "scx_trusted_dirs = " + bin,
                "scx_start_timeout_secs = 120",
                "scx_stop_timeout_secs = 30",
                "prefer.idle =",
                "prefer.cpu-bound = " + scheduler,
                "prefer.mixed = " + scheduler,
                "prefer.memory-bound = " + scheduler,
                "prefer.io-bound =",
                "prefer.latency-sensitive =",
                ""), StandardCharsets.UTF_8);
        line("config " + config + ":");
        Files.readAllLines(config).forEach(l -> line("  | " + l));
        return config;
    }

    private void daemonUp(Path config, String run) throws Exception {
        Path log = work.resolve("daemon-" + run + ".log");
        daemonLog = log;
        List<String> cmd = java("start", "--config", config.toString(), "--socket", SOCKET.toString(), "--no-jmx");
        line("$ " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        daemon = p;
        // Cheap checks only while the daemon works: every JVM started in the emulated guest (an
        // 'autosa status') is a load of its own, so the scenario reads sysfs and the daemon's log.
        poll("the daemon's control socket", () -> {
            check(p.isAlive(), "daemon alive (log: " + tail(log) + ")");
            return Files.exists(SOCKET) ? Boolean.TRUE : null;
        });
        recordKernel();
    }

    private void untilKernelRuns(String ops) throws Exception {
        poll("the kernel running " + ops, () -> {
            check(daemon != null && daemon.isAlive(), "daemon alive");
            recordKernel();
            return read("state").equals("enabled") && read("root/ops").equals(ops) ? Boolean.TRUE : null;
        });
        line("  sysfs: " + sysfs());
        line("  daemon: " + logLine("Engine - switched"));
        line("  daemon: " + logLine("ClosedLoop - evaluating"));
    }

    private void untilReverted() throws Exception {
        poll("the kernel default back", () -> {
            check(daemon != null && daemon.isAlive(), "daemon alive");
            recordKernel();
            return read("state").equals("disabled") ? Boolean.TRUE : null;
        });
        line("  sysfs: " + sysfs());
        // A loaded emulated guest may answer a status late: ask until it does.
        JsonObject s = poll("the daemon answering status", this::status);
        record(s);
        JsonObject v = s.getAsJsonObject("experiments").getAsJsonObject("lastVerdict");
        line("  verdict: " + v);
        line("  explanation: " + v.get("explanation").getAsString());
        line("  lastSwitch: " + s.get("lastSwitch"));
        check(v.get("verdict").getAsString().equals("worse"), "verdict worse but was " + v.get("verdict"));
        check(v.get("reverted").getAsBoolean(), "reverted");
        check(s.getAsJsonObject("counters").get("reverts").getAsLong() == 1, "one revert counted");
        check(s.getAsJsonArray("failures").isEmpty(), "no scheduler failure: the daemon stopped scx_cpu0 itself");
    }

    private void untilKept() throws Exception {
        String verdictLine = poll("a verdict on scx_simple", () -> {
            check(daemon != null && daemon.isAlive(), "daemon alive");
            recordKernel();
            String l = logLine("ClosedLoop - scx_simple");
            return l.isEmpty() ? null : l;
        });
        line("  daemon: " + verdictLine);
        // A loaded emulated guest may answer a status late: ask until it does.
        JsonObject s = poll("the daemon answering status", this::status);
        record(s);
        JsonObject v = s.getAsJsonObject("experiments").getAsJsonObject("lastVerdict");
        line("  verdict: " + v);
        line("  explanation: " + v.get("explanation").getAsString());
        String verdict = v.get("verdict").getAsString();
        check(verdict.equals("neutral") || verdict.equals("better"), "kept (neutral or better) but was " + verdict);
        check(v.get("objective").getAsString().equals("cpu work done"), "judged by the work done but was "
                + v.get("objective"));
        check(!v.get("reverted").getAsBoolean(), "not reverted");
        check(s.getAsJsonObject("counters").get("reverts").getAsLong() == 0, "no revert counted");
        check(read("state").equals("enabled") && read("root/ops").equals("simple"), "scx_simple still runs ("
                + sysfs() + ")");
        line("  sysfs: " + sysfs());
    }

    /** For {@code secs}, the kernel must never run {@code ops}; the daemon's log must say why. */
    private void staysOff(String ops, long secs, boolean sameDaemon) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(secs);
        while (System.nanoTime() < end) {
            check(daemon != null && daemon.isAlive(), "daemon alive");
            check(!read("root/ops").equals(ops), "the kernel does not run " + ops + " (" + sysfs() + ")");
            recordKernel();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        String why = poll("the daemon saying why scx_" + ops + " is not tried", () -> {
            String l = logLine("scx_" + ops + " made cpu-bound worse here and is not tried");
            return l.isEmpty() ? null : l;
        });
        line("  daemon: " + why);
        check(logLine("switched kernel default -> scx_" + ops).isEmpty() != sameDaemon,
                sameDaemon ? "switched to scx_" + ops + " once" : "never switched to scx_" + ops + " after the restart");
        // A loaded emulated guest may answer a status late: ask until it does.
        JsonObject s = poll("the daemon answering status", this::status);
        record(s);
        long reverts = s.getAsJsonObject("counters").get("reverts").getAsLong();
        check(sameDaemon ? reverts == 1 : reverts == 0, "reverts " + reverts);
        JsonObject h = s.getAsJsonObject("experiments").getAsJsonArray("history").get(0).getAsJsonObject();
        line("  history: " + h);
        check(h.get("reverted").getAsInt() == 1, "the history holds the loss");
    }

    /** The last line of the current daemon's log that contains {@code part}, or "". */
    private String logLine(String part) {
        Path log = daemonLog;
        if (log == null) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains(part)) {
                    return lines.get(i);
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    private void recordKernel() {
        String entry = "[kernel=" + kernel() + "]";
        state(entry);
    }

    private void history(Path state) throws Exception {
        List<String> cmd = java("history", "--state-dir", state.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        check(p.waitFor(STEP_TIMEOUT_SECS, TimeUnit.SECONDS) && p.exitValue() == 0, "autosa history exit 0: " + out);
        out.lines().forEach(l -> line("  | " + l));
        check(out.lines().anyMatch(l -> l.matches("cpu-bound +scx_cpu0 +1 +0 +1 .*")), "scx_cpu0: 1 trial, 1 reverted");
    }

    private void stop() throws Exception {
        Process p = daemon;
        check(p != null, "daemon started");
        Process stop = new ProcessBuilder(java("stop", "--socket", SOCKET.toString())).redirectErrorStream(true).start();
        String out = new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        check(stop.waitFor(STEP_TIMEOUT_SECS, TimeUnit.SECONDS), "autosa stop returned");
        line("  autosa stop (exit " + stop.exitValue() + "): " + out);
        check(p.waitFor(STEP_TIMEOUT_SECS, TimeUnit.SECONDS), "daemon exited");
        check(p.exitValue() == 0, "daemon exit 0");
        daemon = null;
        record(null);
        check(read("state").equals("disabled"), "state disabled after stop");
    }

    @Override
    void cleanUp() {
        destroy(stress, 120);
        destroy(daemon, 120);
        for (String run : new String[] {"1", "2", "3"}) {
            logTail("daemon " + run, work.resolve("daemon-" + run + ".log"), 25);
        }
    }

    private @Nullable JsonObject status() throws Exception {
        return status(SOCKET);
    }

    private void record(@Nullable JsonObject s) {
        String kernel = kernel();
        String view;
        if (s == null) {
            view = "no daemon";
        } else {
            JsonObject a = s.getAsJsonObject("active");
            JsonObject x = s.getAsJsonObject("experiments");
            JsonElement running = x.get("running");
            JsonElement verdict = x.get("lastVerdict");
            view = "workload=" + string(s.get("workload")) + " active=" + a.get("display").getAsString()
                    + (running.isJsonNull() ? "" : " experiment=" + running.getAsJsonObject().get("phase").getAsString())
                    + (verdict.isJsonNull() ? "" : " verdict=" + verdict.getAsJsonObject().get("verdict").getAsString());
        }
        String entry = "[" + view + " | kernel=" + kernel + "]";
        state(entry);
    }
}
