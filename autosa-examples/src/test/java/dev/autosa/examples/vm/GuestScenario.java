// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.vm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What a scenario run in the scx-vm guest needs: named steps that pass or fail, a report, polling
 * with a deadline, the daemon jar run as the CLI, and the kernel's sched_ext state from sysfs. The
 * guest is emulated (10-50x slower), so scenarios check states and their order, never durations.
 * A subclass runs its steps in {@link #run()} and stops what it started in {@link #cleanUp()}.
 */
abstract class GuestScenario {

    static final Path SYSFS = Path.of("/sys/kernel/sched_ext");
    static final long STEP_TIMEOUT_SECS = 600;

    final Path jar;
    final Path work;
    /** Where the guest's schedulers are (scx-vm builds them into its cache). */
    final Path bin = Path.of(System.getenv().getOrDefault("SCX_VM_CACHE", "/var/cache/scx-vm"), "bin");
    private final List<String> report = new ArrayList<>();
    private final List<String> sequence = new ArrayList<>();
    private int failures;

    GuestScenario(Path jar, Path work) {
        this.jar = jar;
        this.work = work;
    }

    abstract void run() throws Exception;

    abstract void cleanUp();

    /**
     * Runs {@code s}, cleans up, writes the report and exits 0 when every step passed, else 1.
     *
     * @param reportFile where the report goes (the host test reads it)
     */
    static void main(GuestScenario s, Path reportFile) throws IOException {
        try {
            s.run();
        } catch (Exception | AssertionError e) {
            s.failures++;
            s.line("FAIL the scenario stopped: " + e);
        } finally {
            s.cleanUp();
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            Files.write(reportFile, s.report, StandardCharsets.UTF_8);
        }
        System.exit(s.failures == 0 ? 0 : 1);
    }

    /** The report's first lines: the guest's kernel, where its schedulers are, the jar, sysfs. */
    final void header() {
        line("kernel " + System.getProperty("os.version") + ", schedulers from " + bin + ", jar " + jar);
        line("sysfs before: " + sysfs());
    }

    /** Appends {@code entry} (the daemon's view and the kernel's) to the state sequence when it changed. */
    final void state(String entry) {
        if (sequence.isEmpty() || !sequence.get(sequence.size() - 1).equals(entry)) {
            sequence.add(entry);
            line("  state: " + entry);
        }
    }

    /** The states seen so far, oldest first. */
    final List<String> sequence() {
        return sequence;
    }

    /** The report's last line: PASS, or FAIL with the number of failed steps. */
    final void result() {
        line("RESULT " + (failures == 0 ? "PASS" : "FAIL (" + failures + " steps failed)"));
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /** Runs one named step; a failed check or an exception fails the step, the scenario goes on. */
    final boolean step(String name, Step step) {
        line("== " + name);
        try {
            step.run();
            line("PASS " + name);
            return true;
        } catch (Exception | AssertionError e) {
            failures++;
            line("FAIL " + name + ": " + e);
            return false;
        }
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("expected: " + what);
        }
    }

    @FunctionalInterface
    interface Probe<T> {
        @Nullable T get() throws Exception;
    }

    /** Polls {@code probe} until it returns a value, for at most {@value #STEP_TIMEOUT_SECS} s. */
    static <T> T poll(String what, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_TIMEOUT_SECS);
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            check(System.nanoTime() < deadline, what + " within " + STEP_TIMEOUT_SECS + " s");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
        }
    }

    /** The CLI: the jar run by this JVM's java with small-footprint flags, then {@code args}. */
    final List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData",
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code autosa status --json} through the CLI, or null when the daemon does not answer (yet). */
    final @Nullable JsonObject status(Path socket) throws Exception {
        Process p = new ProcessBuilder(java("status", "--json", "--socket", socket.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(STEP_TIMEOUT_SECS, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isBlank()) {
            return null;
        }
        JsonObject o = JsonParser.parseString(out).getAsJsonObject();
        return o.has("status") ? o.getAsJsonObject("status") : o;
    }

    /**
     * {@code dir}, emptied: the work directory lives under target/, and a daemon's outcome history
     * left by an earlier run would change what the daemon does (a scheduler that lost is not tried).
     */
    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return dir;
    }

    /** The last lines of a daemon's log, appended to the report. */
    final void logTail(String name, Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            line(name + " log tail:");
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> line("  | " + l));
        } catch (IOException e) {
            line("  (no " + name + " log: " + e + ")");
        }
    }

    /** Stops {@code p} (SIGTERM) if it still runs, waiting up to {@code secs}. */
    static void destroy(@Nullable Process p, long secs) {
        if (p != null && p.isAlive()) {
            p.destroy();
            try {
                p.waitFor(secs, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String string(@Nullable JsonElement e) {
        return e == null || e.isJsonNull() ? "-" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The kernel's sched_ext state in one line. */
    static String sysfs() {
        return "state=" + read("state") + " ops=" + (read("root/ops").isEmpty() ? "-" : read("root/ops"))
                + " enable_seq=" + read("enable_seq") + " nr_rejected=" + read("nr_rejected");
    }

    /** {@code state(ops)} as the kernel shows it, e.g. {@code enabled(simple)}. */
    static String kernel() {
        return read("state") + (read("root/ops").isEmpty() ? "" : "(" + read("root/ops") + ")");
    }

    static String read(String file) {
        try {
            return Files.readString(SYSFS.resolve(file)).trim();
        } catch (IOException e) {
            return "";
        }
    }

    final void line(String s) {
        System.out.println(s);
        report.add(s);
    }
}
