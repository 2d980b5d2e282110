// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongPredicate;

/**
 * How much of each phase's busy CPU came from the lab's own workloads and how much from other
 * processes on the machine, from the {@code workload_cpu.csv} that lab/record.sh writes
 * ({@code t_ms, busy_jiffies, workload_cpu_ns}: busy jiffies of the whole machine, CPU time of the
 * workloads' cpuacct cgroup).
 */
public final class Contamination {

    /** Mean CPUs in use per phase: all, by the workload, by everything else. */
    public record PhaseCpu(Phase phase, double busyCpus, double workloadCpus) {
        public double otherCpus() {
            return Math.max(0, busyCpus - workloadCpus);
        }
    }

    private Contamination() {
    }

    /** Empty when the capture has no {@code workload_cpu.csv}. */
    public static List<PhaseCpu> read(Path capture, List<Phase> phases, int userHz) throws IOException {
        Path csv = capture.resolve("workload_cpu.csv");
        if (!Files.exists(csv)) {
            return List.of();
        }
        List<long[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] f = line.split(",");
            if (f.length != 3 || f[0].isEmpty() || !Character.isDigit(f[0].charAt(0))) {
                continue;
            }
            rows.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])});
        }
        List<PhaseCpu> out = new ArrayList<>();
        for (Phase p : phases) {
            long[] first = null;
            long[] last = null;
            for (long[] r : rows) {
                if (p.contains(r[0])) {
                    if (first == null) {
                        first = r;
                    }
                    last = r;
                }
            }
            if (first == null || last == null || last[0] <= first[0]) {
                continue;
            }
            double seconds = (last[0] - first[0]) / 1000.0;
            out.add(new PhaseCpu(p, (last[1] - first[1]) / (double) userHz / seconds,
                    (last[2] - first[2]) / 1e9 / seconds));
        }
        return out;
    }

    /**
     * Accepts a tick when other processes used at most {@code maxOtherCpus} CPUs on average over the
     * {@code windowMs} before it (the ticks its verdict was built from). Everything is clean when
     * the capture has no {@code workload_cpu.csv}.
     */
    public static LongPredicate cleanTicks(Path capture, int userHz, long windowMs, double maxOtherCpus)
            throws IOException {
        Path csv = capture.resolve("workload_cpu.csv");
        if (!Files.exists(csv)) {
            return t -> true;
        }
        List<long[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] f = line.split(",");
            if (f.length == 3 && !f[0].isEmpty() && Character.isDigit(f[0].charAt(0))) {
                rows.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return t -> {
            long[] first = null;
            long[] last = null;
            for (long[] r : rows) {
                if (r[0] > t - windowMs && r[0] <= t + 500) {
                    if (first == null) {
                        first = r;
                    }
                    last = r;
                }
            }
            if (first == null || last == null || last[0] <= first[0]) {
                return true;
            }
            double seconds = (last[0] - first[0]) / 1000.0;
            double busy = (last[1] - first[1]) / (double) userHz / seconds;
            double ours = (last[2] - first[2]) / 1e9 / seconds;
            return busy - ours <= maxOtherCpus;
        };
    }

    public static String render(List<PhaseCpu> cpu, int cpus) {
        if (cpu.isEmpty()) {
            return "No workload_cpu.csv in the capture: contamination by other processes not measured.\n";
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "CPU use per phase, in CPUs of %d (others = busy minus the lab's workloads):%n%n", cpus));
        s.append("| phase | busy | lab workload | others |\n|---|---:|---:|---:|\n");
        for (PhaseCpu c : cpu) {
            s.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", c.phase().title(), c.busyCpus(),
                    c.workloadCpus(), c.otherCpus()));
        }
        return s.toString();
    }
}
