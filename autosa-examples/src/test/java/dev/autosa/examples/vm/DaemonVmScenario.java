// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.vm;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs in the scx-vm guest for {@link DaemonVmIT}: starts the daemon jar in auto mode with short
 * timings and a preference table of the kernel-tree schedulers, puts a real CPU load on the guest,
 * polls {@code autosa status --json} until the kernel really runs scx_simple, then {@code autosa
 * stop}s it. Records the state sequence (daemon's view and sysfs) and exits 0 when every step
 * passed. The guest is emulated (10-50x slower), so only states and their order are checked.
 *
 * <p>Arguments: the autosa jar, the report file, a writable work directory.
 */
public final class DaemonVmScenario extends GuestScenario {

    private static final Path SOCKET = Path.of("/tmp/autosa-vm/autosa.sock");
    private static final Path SECOND_SOCKET = Path.of("/tmp/autosa-vm2/autosa.sock");

    private @Nullable Process daemon;
    private @Nullable Process stress;

    private DaemonVmScenario(Path jar, Path work) {
        super(jar, work);
    }

    public static void main(String[] args) throws Exception {
        main(new DaemonVmScenario(Path.of(args[0]), Path.of(args[2])), Path.of(args[1]));
    }

    @Override
    void run() throws Exception {
        header();
        record(null);
        Path config = work.resolve("autosa.conf");
        Files.createDirectories(work);
        Files.writeString(config, String.join("\n",
                "# written by DaemonVmScenario: short timings for an emulated guest",
                "collection_interval_secs = 1",
                "aggregation_window_secs = 10",
                "warmup_secs = 5",
                "stability_period_secs = 2",
                "min_switch_interval_secs = 5",
                "min_confidence_threshold = 0.6",
                "mode = auto",
                "scx_trusted_dirs = " + bin,
                "state_dir = " + fresh(work.resolve("state")),
                "scx_start_timeout_secs = 120",
                "scx_stop_timeout_secs = 30",
                "prefer.idle =",
                "prefer.cpu-bound = scx_simple",
                "prefer.mixed = scx_simple",
                "prefer.memory-bound = scx_simple",
                "prefer.io-bound = scx_flatcg",
                "prefer.latency-sensitive = scx_central",
                ""), StandardCharsets.UTF_8);
        line("config " + config + ":");
        Files.readAllLines(config).forEach(l -> line("  | " + l));

        if (!step("daemon up in auto mode", this::daemonUp)) {
            return;
        }
        stress = new ProcessBuilder("stress-ng", "--cpu", "2", "--timeout", "900s")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        line("stress-ng --cpu 2 started (pid " + stress.pid() + ")");
        step("kernel runs scx_simple by the daemon", this::untilSimple);
        step("a second daemon on another socket only recommends", this::secondDaemon);
        step("autosa stop restored the kernel default", this::stop);
        line("state sequence: " + String.join(" -> ", sequence()));
        line("sysfs after: " + sysfs());
        result();
    }

    private void daemonUp() throws Exception {
        Path log = work.resolve("daemon.log");
        List<String> cmd = java("start", "--mode", "auto", "--config", work.resolve("autosa.conf").toString(),
                "--socket", SOCKET.toString(), "--no-jmx");
        line("$ " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        daemon = p;
        JsonObject s = poll("the daemon answering status with 2 ticks", () -> {
            check(p.isAlive(), "daemon alive (log: " + tail(log) + ")");
            JsonObject st = status();
            return st != null && st.get("ticks").getAsLong() >= 2 ? st : null;
        });
        line("  mode " + s.get("mode").getAsString() + ": " + s.get("modeReason").getAsString());
        line("  providers " + s.get("providers"));
        check(s.get("mode").getAsString().equals("auto"), "mode auto");
        // no state check here: in the emulated guest the daemon's own start-up (and the status
        // JVMs) can already look cpu-bound and switch before the load starts; the sequence says
        record(s);
    }

    private void untilSimple() throws Exception {
        JsonObject s = poll("the kernel running scx_simple", () -> {
            check(daemon != null && daemon.isAlive(), "daemon alive");
            JsonObject st = status();
            if (st != null) {
                record(st);
            }
            boolean kernel = read("state").equals("enabled") && read("root/ops").equals("simple");
            JsonObject a = st == null ? null : st.getAsJsonObject("active");
            boolean daemonSays = a != null && "scx_simple".equals(string(a.get("scheduler")))
                    && a.get("managed").getAsBoolean();
            return kernel && daemonSays ? st : null;
        });
        line("  sysfs: " + sysfs());
        line("  lastSwitch: " + s.get("lastSwitch"));
        line("  lastDecision: " + s.get("lastDecision"));
        JsonObject a = s.getAsJsonObject("active");
        long pid = a.get("pid").getAsLong();
        check(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "scx_simple pid " + pid + " alive");
        String comm = Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
        check(comm.equals("scx_simple"), "pid " + pid + " is scx_simple but was " + comm);
        Path out = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", "1"));
        line("  scx_simple's stdout: " + out);
        check(Files.isRegularFile(out), "scheduler output goes to a file");
        int first = sequence().indexOf(sequence().stream().filter(e -> e.contains("kernel=disabled")).findFirst()
                .orElse("-"));
        int simple = indexOfLast("kernel=enabled(simple)");
        check(first == 0 && simple > first, "kernel default (before the daemon) seen before scx_simple");
    }

    /**
     * One AutoSA manages sched_ext per machine: a second daemon (another socket, same config) finds
     * the first one's lock, says which pid holds it, recommends only, and leaves its scheduler alone.
     */
    private void secondDaemon() throws Exception {
        Process first = daemon;
        check(first != null, "first daemon started");
        long firstPid = first.pid();
        Path log = work.resolve("daemon2.log");
        List<String> cmd = java("start", "--mode", "auto", "--config", work.resolve("autosa.conf").toString(),
                "--socket", SECOND_SOCKET.toString(), "--no-jmx");
        line("$ " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            JsonObject s = poll("the second daemon answering status", () -> {
                check(p.isAlive(), "second daemon alive (log: " + tail(log) + ")");
                JsonObject st = status(SECOND_SOCKET);
                return st != null && st.get("ticks").getAsLong() >= 1 ? st : null;
            });
            String reason = s.get("modeReason").getAsString();
            line("  mode " + s.get("mode").getAsString() + ": " + reason);
            check(s.get("mode").getAsString().equals("recommend"), "second daemon in recommend mode");
            check(reason.contains("another AutoSA (pid " + firstPid + ") manages sched_ext on this machine"),
                    "the reason names the first daemon's pid " + firstPid);
            Process stop = new ProcessBuilder(java("stop", "--socket", SECOND_SOCKET.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            check(stop.waitFor(STEP_TIMEOUT_SECS, TimeUnit.SECONDS) && stop.exitValue() == 0, "second stopped");
            check(p.waitFor(STEP_TIMEOUT_SECS, TimeUnit.SECONDS), "second daemon exited");
            check(read("state").equals("enabled") && read("root/ops").equals("simple"),
                    "the first daemon's scx_simple still runs");
        } finally {
            p.destroy();
        }
    }

    private void stop() throws Exception {
        Process p = daemon;
        check(p != null, "daemon started");
        List<String> cmd = java("stop", "--socket", SOCKET.toString());
        line("$ " + String.join(" ", cmd));
        Process stop = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        check(stop.waitFor(STEP_TIMEOUT_SECS, TimeUnit.SECONDS), "autosa stop returned");
        line("  autosa stop (exit " + stop.exitValue() + "): " + out);
        check(stop.exitValue() == 0, "autosa stop exit 0");
        check(p.waitFor(STEP_TIMEOUT_SECS, TimeUnit.SECONDS), "daemon exited");
        line("  daemon exit code " + p.exitValue());
        check(p.exitValue() == 0, "daemon exit 0");
        check(ProcessHandle.of(p.pid()).filter(ProcessHandle::isAlive).isEmpty(), "daemon process gone");
        String state = read("state");
        record(null);
        line("  sysfs: " + sysfs());
        check(state.equals("disabled"), "state disabled after stop but was " + state);
        check(!Files.exists(SOCKET), "socket removed");
    }

    @Override
    void cleanUp() {
        destroy(stress, 60);
        if (daemon != null && daemon.isAlive()) {
            line("cleanup: daemon still alive, SIGTERM");
        }
        destroy(daemon, 120);
        logTail("daemon", work.resolve("daemon.log"), 40);
    }

    /** {@code autosa status --json} of the first daemon, or null when it does not answer (yet). */
    private @Nullable JsonObject status() throws Exception {
        return status(SOCKET);
    }

    /** Appends the daemon's view and the kernel's to the sequence when either changed. */
    private void record(@Nullable JsonObject s) {
        String kernel = kernel();
        String view;
        if (s == null) {
            view = daemon == null ? "no daemon yet" : "daemon gone";
        } else {
            JsonObject a = s.getAsJsonObject("active");
            view = "workload=" + string(s.get("workload")) + " recommended=" + string(s.get("recommended"))
                    + " active=" + a.get("display").getAsString() + (a.get("managed").getAsBoolean() ? "[managed]" : "");
        }
        String entry = "[" + view + " | kernel=" + kernel + "]";
        state(entry);
    }

    private int indexOfLast(String part) {
        for (int i = sequence().size() - 1; i >= 0; i--) {
            if (sequence().get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
