// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.vm;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.SchedulerFailure.Kind;
import dev.autosa.api.SchedulerSpec;
import dev.autosa.proc.linux.ScxControllerConfig;
import dev.autosa.proc.linux.ScxControllerConfig.OrphanPolicy;
import dev.autosa.proc.linux.ScxProcessController;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real-kernel scenarios, run inside the scx-vm guest by {@link ScxVmTest}: start, switch, kill,
 * a scheduler that ignores SIGINT/SIGTERM, and schedulers already attached at startup. Writes the
 * sysfs seen at each step, the state sequence and the switch times to the report file; exits 0
 * when every scenario passed. The guest is emulated, so durations are recorded, never asserted.
 */
public final class ScxVmScenarios {

    private static final Path SYSFS = Path.of(ScxControllerConfig.DEFAULT_SYSFS_ROOT);

    private final List<String> report = new ArrayList<>();
    private final List<String> states = new ArrayList<>();
    private final Path bin;
    private int failures;

    private ScxVmScenarios(Path bin) {
        this.bin = bin;
    }

    public static void main(String[] args) throws Exception {
        Path reportFile = Path.of(args.length > 0 ? args[0] : "target/vm-report.txt");
        Path bin = Path.of(System.getenv().getOrDefault("SCX_VM_CACHE", "/var/cache/scx-vm"), "bin");
        ScxVmScenarios s = new ScxVmScenarios(bin);
        s.run();
        Files.createDirectories(reportFile.toAbsolutePath().getParent());
        Files.write(reportFile, s.report, StandardCharsets.UTF_8);
        System.exit(s.failures == 0 ? 0 : 1);
    }

    private void run() {
        line("kernel " + System.getProperty("os.version") + ", scheduler binaries from " + bin);
        line("sysfs at start: " + sysfs());
        long bareNanos = scenario("bare scx_simple attach", this::bareAttach);
        long switch1 = 0;
        long switch2 = 0;
        ScxControllerConfig config = ScxControllerConfig.ofDefaults().withTrustedDirs(List.of(bin))
                .withStartTimeout(Duration.ofSeconds(60)).withStopTimeout(Duration.ofSeconds(10));
        ScxProcessController c = new ScxProcessController(config);
        try {
            scenario("activate scx_simple", () -> {
                long seq = seq();
                ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));
                check(read("state").equals("enabled"), "state enabled");
                check(read("root/ops").equals("simple"), "ops simple");
                check(seq() > seq, "enable_seq advanced from " + seq);
                check(a.managed() && a.pid() > 0 && "scx_simple".equals(a.scheduler()), "current() " + a);
                return 0;
            });
            switch1 = scenario("switch scx_simple -> scx_central", () -> timedSwitch(c, "scx_central", "central"));
            switch2 = scenario("switch scx_central -> scx_simple", () -> timedSwitch(c, "scx_simple", "simple"));
            scenario("kill -9 reported as EXITED", () -> {
                ActiveScheduler a = c.current();
                ProcessHandle h = ProcessHandle.of(a.pid()).orElseThrow();
                h.destroyForcibly();
                h.onExit().get(30, TimeUnit.SECONDS);
                Optional<SchedulerFailure> f = c.checkHealth();
                line("  checkHealth: " + f.map(Object::toString).orElse("(none)"));
                check(f.isPresent() && f.get().kind() == Kind.EXITED, "EXITED reported in one call");
                check(f.get().exitCode() != null && f.get().exitCode() == 137, "exit code 137");
                check(read("state").equals("disabled"), "state disabled");
                check(c.current().isKernelDefault(), "current() is the kernel default");
                return 0;
            });
        } finally {
            c.close();
        }
        scenario("kept scheduler survives close(true)", this::keptOnClose);
        scenario("second controller refused while the first holds the sched_ext lock", this::secondControllerLocked);
        scenario("kept scheduler stays in the service's cgroup (why the unit uses KillMode=process)",
                this::keptSchedulerAndKillMode);
        scenario("stubborn scheduler stopped with SIGKILL", this::stubborn);
        scenario("orphan left alone, then adopted and stopped", this::orphanLeftAlone);
        scenario("orphan adopted at startup", () -> orphanAtStartup(OrphanPolicy.ADOPT));
        scenario("orphan stopped at startup", () -> orphanAtStartup(OrphanPolicy.STOP));
        // the first bare start pays for cold caches (binary and BTF over virtiofs); measure a warm one too
        long warmNanos = scenario("bare scx_simple attach (warm)", this::bareAttach);
        line("sysfs at end: " + sysfs());
        line("state sequence: " + String.join(" -> ", states));
        if (bareNanos > 0 && warmNanos > 0 && switch1 > 0 && switch2 > 0) {
            line(String.format("bare scx_simple attach: %d ms cold, %d ms warm; switch simple->central: %d ms "
                    + "(%.2fx warm bare attach); switch central->simple: %d ms (%.2fx)", ms(bareNanos),
                    ms(warmNanos), ms(switch1), (double) switch1 / warmNanos, ms(switch2),
                    (double) switch2 / warmNanos));
        }
        line("RESULT " + (failures == 0 ? "PASS" : "FAIL (" + failures + " scenarios failed)"));
    }

    /** Starts scx_simple by hand and polls sysfs until it is enabled: the baseline for switch times. */
    private long bareAttach() throws Exception {
        long seq = seq();
        long t0 = System.nanoTime();
        Process p = startByHand();
        long took = System.nanoTime() - t0;
        check(read("root/ops").equals("simple") && seq() > seq, "attached as simple");
        interruptAndWait(p);
        check(read("state").equals("disabled"), "disabled after SIGINT");
        line("  bare attach took " + ms(took) + " ms");
        return took;
    }

    private long timedSwitch(ScxProcessController c, String to, String ops) throws Exception {
        long seq = seq();
        long t0 = System.nanoTime();
        ActiveScheduler a = c.activate(SchedulerSpec.of(to));
        long took = System.nanoTime() - t0;
        check(a.ops() != null && a.ops().equals(ops) && read("root/ops").equals(ops), "ops " + ops);
        check(read("state").equals("enabled"), "state enabled");
        check(seq() > seq, "enable_seq advanced from " + seq);
        line("  switch took " + ms(took) + " ms (stop + start + verified)");
        return took;
    }

    /**
     * close(true) leaves scx_simple attached, writing its statistics to the controller's log file
     * (a pipe to this JVM would kill it with SIGPIPE once the JVM is gone); then it is stopped by pid.
     */
    private long keptOnClose() throws Exception {
        Path runDir = Files.createTempDirectory("autosa-run");
        ScxProcessController c = new ScxProcessController(ScxControllerConfig.ofDefaults()
                .withTrustedDirs(List.of(bin)).withRunDir(runDir).withStartTimeout(Duration.ofSeconds(60))
                .withStopTimeout(Duration.ofSeconds(10)));
        ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));
        long seq = seq();
        c.close(true);
        ProcessHandle h = ProcessHandle.of(a.pid()).orElseThrow();
        Path log = runDir.resolve("scx_simple.log");
        for (String fd : List.of("1", "2")) {
            Path target = Files.readSymbolicLink(Path.of("/proc", Long.toString(a.pid()), "fd", fd));
            check(target.equals(log) && Files.isRegularFile(target), "fd " + fd + " -> " + log + " but was " + target);
        }
        // scx_simple prints every second: wait (bounded) for two lines to prove it writes on
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (Files.readAllLines(log).size() < 2) {
            check(h.isAlive(), "kept scx_simple alive while writing");
            check(System.nanoTime() < deadline, "kept scx_simple wrote 2 lines to " + log + " within 120 s");
            Thread.sleep(50);
        }
        line("  log " + log + ": " + Files.readAllLines(log).size() + " lines, last: "
                + Files.readAllLines(log).get(Files.readAllLines(log).size() - 1));
        check(h.isAlive(), "kept scx_simple alive after close(true)");
        check(read("state").equals("enabled") && read("root/ops").equals("simple") && seq() == seq,
                "still enabled, same attach");
        new ProcessBuilder("kill", "-INT", Long.toString(a.pid())).start().waitFor();
        h.onExit().get(30, TimeUnit.SECONDS);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!read("state").equals("disabled") && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        check(read("state").equals("disabled"), "disabled after SIGINT by pid");
        return 0;
    }

    /** Two controllers, as two daemons on different sockets: one lock file, so only the first switches. */
    private long secondControllerLocked() throws Exception {
        ScxControllerConfig config = ScxControllerConfig.ofDefaults().withTrustedDirs(List.of(bin))
                .withStartTimeout(Duration.ofSeconds(60)).withStopTimeout(Duration.ofSeconds(10));
        ScxProcessController first = new ScxProcessController(config);
        ScxProcessController second = new ScxProcessController(config.withRunDir(Files.createTempDirectory("run2")));
        try {
            first.activate(SchedulerSpec.of("scx_simple"));
            line("  second.unavailableReason(): " + second.unavailableReason());
            check(second.unavailableReason().contains("manages sched_ext on this machine (it holds "
                    + ScxControllerConfig.DEFAULT_LOCK_FILE + ")"), "second is told who holds the lock");
            try {
                second.activate(SchedulerSpec.of("scx_central"));
                check(false, "second activate refused");
            } catch (SchedulerException e) {
                line("  second.activate: " + e.failure());
                check(e.failure().detail().startsWith("cannot start: another AutoSA (pid "), "refused naming the pid");
            }
            check(read("root/ops").equals("simple"), "first's scheduler still runs");
            first.close();
            check(read("state").equals("disabled"), "first stopped its scheduler on close");
            check(second.activate(SchedulerSpec.of("scx_central")).managed(), "second switches once the lock is free");
        } finally {
            first.close();
            second.close();
        }
        check(read("state").equals("disabled"), "state disabled");
        return 0;
    }

    /**
     * systemd cannot run in this guest (its PID 1 is scx-vm's script), so this checks the premise of
     * the unit's KillMode with cgroups directly: a scheduler started through setsid stays in the
     * daemon's cgroup. Signalling only the main process (KillMode=process) leaves a kept scheduler
     * running; SIGKILL to everything left in the cgroup (KillMode=mixed's final step) kills it.
     */
    private long keptSchedulerAndKillMode() throws Exception {
        Path cgroups = Path.of("/sys/fs/cgroup");
        Path unit = cgroups.resolve("autosa-test.service");
        String self = Long.toString(ProcessHandle.current().pid());
        Files.createDirectories(unit);
        Files.writeString(unit.resolve("cgroup.procs"), self);
        ScxProcessController c = new ScxProcessController(ScxControllerConfig.ofDefaults().withTrustedDirs(List.of(bin))
                .withStartTimeout(Duration.ofSeconds(60)).withStopTimeout(Duration.ofSeconds(10)));
        ProcessHandle h = null;
        try {
            ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));
            h = ProcessHandle.of(a.pid()).orElseThrow();
            String cgroup = Files.readString(Path.of("/proc", Long.toString(a.pid()), "cgroup")).trim();
            line("  scheduler pid " + a.pid() + " cgroup: " + cgroup);
            check(cgroup.equals("0::/autosa-test.service"), "setsid did not move the scheduler out of the cgroup");
            c.close(true);
            // KillMode=process: systemd signals the main process only; the daemon kept the scheduler
            check(h.isAlive() && read("state").equals("enabled"), "kept scheduler alive after close(true)");
            // KillMode=mixed: after the main process exits, SIGKILL to every process left in the cgroup
            for (String pid : Files.readAllLines(unit.resolve("cgroup.procs"))) {
                if (!pid.isBlank() && !pid.equals(self)) {
                    ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            h.onExit().get(30, TimeUnit.SECONDS);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!read("state").equals("disabled") && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            check(!h.isAlive() && read("state").equals("disabled"), "mixed's cgroup SIGKILL killed the kept scheduler");
        } finally {
            c.close();
            if (h != null) {
                h.destroyForcibly();
            }
            Files.writeString(cgroups.resolve("cgroup.procs"), self);
            Files.delete(unit);
        }
        return 0;
    }

    /** A wrapper that blocks SIGINT and SIGTERM and execs the real scx_simple: the mask survives exec. */
    private long stubborn() throws Exception {
        // not under /tmp: a trusted directory's ancestors must all be root-owned and not world-writable
        Path dir = dev.autosa.proc.linux.TrustedDirs.newDirectory("autosa-stubborn");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path wrapper = dir.resolve("scx_simple");
        // scx_simple installs its own SIGINT/SIGTERM handlers, so ignoring them (trap '') is not
        // enough; blocked signals stay blocked across exec and the handlers never run
        Files.writeString(wrapper, "#!/usr/bin/perl\n"
                + "use POSIX qw(sigprocmask SIG_BLOCK SIGINT SIGTERM);\n"
                + "sigprocmask(SIG_BLOCK, POSIX::SigSet->new(SIGINT, SIGTERM)) or die \"sigprocmask: $!\";\n"
                + "exec { '" + bin.resolve("scx_simple") + "' } 'scx_simple', @ARGV or die \"exec: $!\";\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        ScxControllerConfig config = ScxControllerConfig.ofDefaults().withTrustedDirs(List.of(dir))
                .withStartTimeout(Duration.ofSeconds(60)).withStopTimeout(Duration.ofSeconds(3));
        ScxProcessController c = new ScxProcessController(config);
        try {
            ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));
            check(read("state").equals("enabled"), "stubborn scx_simple attached");
            try {
                c.deactivate();
                check(false, "STOP_FAILED expected");
            } catch (SchedulerException e) {
                line("  deactivate: " + e.failure());
                check(e.failure().kind() == Kind.STOP_FAILED, "STOP_FAILED");
                check(e.failure().detail().contains("killed with SIGKILL; the kernel default is back"),
                        "killed with SIGKILL and kernel default back");
                check(e.failure().exitCode() != null && e.failure().exitCode() == 137, "exit code 137");
            }
            check(read("state").equals("disabled"), "state disabled");
            check(ProcessHandle.of(a.pid()).filter(ProcessHandle::isAlive).isEmpty(), "process gone");
        } finally {
            c.close();
        }
        return 0;
    }

    private long orphanLeftAlone() throws Exception {
        Process byHand = startByHand();
        ScxProcessController c = new ScxProcessController(ScxControllerConfig.ofDefaults()
                .withTrustedDirs(List.of(bin)).withStartTimeout(Duration.ofSeconds(60))
                .withStopTimeout(Duration.ofSeconds(10)));
        try {
            ActiveScheduler a = c.current();
            line("  current(): " + a);
            check(!a.managed() && a.pid() == byHand.pid() && "scx_simple".equals(a.scheduler()),
                    "reported, not managed, owner found");
            try {
                c.activate(SchedulerSpec.of("scx_central"));
                check(false, "activate refused");
            } catch (SchedulerException e) {
                line("  activate: " + e.failure());
                check(e.failure().detail().contains("call adopt()"), "refusal says to call adopt()");
            }
            check(byHand.isAlive() && read("state").equals("enabled"), "left alone");
            check(c.adopt(), "adopt() true");
            check(c.current().managed(), "managed after adopt");
            c.deactivate();
            check(byHand.waitFor(10, TimeUnit.SECONDS) && byHand.exitValue() == 0, "exited cleanly on SIGINT");
            check(read("state").equals("disabled"), "state disabled");
        } finally {
            c.close();
            byHand.destroyForcibly();
        }
        return 0;
    }

    private long orphanAtStartup(OrphanPolicy policy) throws Exception {
        Process byHand = startByHand();
        ScxProcessController c = new ScxProcessController(ScxControllerConfig.ofDefaults()
                .withTrustedDirs(List.of(bin)).withOrphanPolicy(policy).withStopTimeout(Duration.ofSeconds(10)));
        try {
            ActiveScheduler a = c.current();
            line("  current() with " + policy + ": " + a);
            if (policy == OrphanPolicy.ADOPT) {
                check(a.managed() && a.pid() == byHand.pid(), "adopted");
                c.close();
            } else {
                check(a.isKernelDefault(), "stopped at first use");
            }
            check(byHand.waitFor(10, TimeUnit.SECONDS), "by-hand scheduler exited");
            check(read("state").equals("disabled"), "state disabled");
        } finally {
            c.close();
            byHand.destroyForcibly();
        }
        return 0;
    }

    private Process startByHand() throws Exception {
        long seq = seq();
        Process p = new ProcessBuilder(bin.resolve("scx_simple").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(read("state").equals("enabled") && seq() > seq)) {
            check(p.isAlive(), "scx_simple started by hand is alive");
            check(System.nanoTime() < deadline, "scx_simple attached by hand within 60 s");
            Thread.sleep(10);
        }
        sysfs();
        return p;
    }

    private void interruptAndWait(Process p) throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        check(p.waitFor(30, TimeUnit.SECONDS), "exited on SIGINT");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!read("state").equals("disabled") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @FunctionalInterface
    private interface Step {
        long run() throws Exception;
    }

    private long scenario(String name, Step step) {
        line("== " + name);
        line("  before: " + sysfs());
        try {
            long result = step.run();
            line("  after:  " + sysfs());
            line("PASS " + name);
            return result;
        } catch (Exception | AssertionError e) {
            failures++;
            line("  after:  " + sysfs());
            line("FAIL " + name + ": " + e);
            return 0;
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("expected: " + what);
        }
    }

    /** The sysfs files, and the state appended to the sequence when it changed. */
    private String sysfs() {
        String state = read("state");
        String ops = read("root/ops");
        String entry = state + (ops.isEmpty() ? "" : "(" + ops + ")");
        if (states.isEmpty() || !states.get(states.size() - 1).equals(entry)) {
            states.add(entry);
        }
        return "state=" + state + " ops=" + (ops.isEmpty() ? "-" : ops) + " enable_seq=" + read("enable_seq")
                + " nr_rejected=" + read("nr_rejected") + " switch_all=" + read("switch_all");
    }

    private static long seq() {
        return Long.parseLong(read("enable_seq"));
    }

    private static String read(String file) {
        try {
            return Files.readString(SYSFS.resolve(file)).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private void line(String s) {
        System.out.println(s);
        report.add(s);
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
