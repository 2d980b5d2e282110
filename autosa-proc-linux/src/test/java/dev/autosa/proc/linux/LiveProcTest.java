// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autosa.api.MetricKey;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The source on this machine's real /proc while stress-ng loads every CPU, cross-checked against an
 * independent naive reading of /proc/stat (String.split, no shared code) taken around the same
 * interval. The two readings are microseconds apart, so they agree closely; the tolerances allow
 * for that gap and for other work on a shared machine. Sleeping here only lets the load run.
 */
class LiveProcTest {

    /** Absolute tolerance on cpu.busy between the two readings. */
    private static final double BUSY_TOLERANCE = 0.05;
    /** Relative tolerance on context switches per second. */
    private static final double CTXT_TOLERANCE = 0.10;

    /** user..steal ticks of the aggregate line, then ctxt; parsed the obvious way. */
    private static long[] naiveStat() throws Exception {
        long[] r = new long[9];
        for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("cpu")) {
                for (int i = 0; i < 8; i++) {
                    r[i] = Long.parseLong(f[i + 1]);
                }
            } else if (f[0].equals("ctxt")) {
                r[8] = Long.parseLong(f[1]);
            }
        }
        return r;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void agreesWithANaiveReadingUnderCpuLoad() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "no /proc/stat: not Linux");
        assumeTrue(onPath("stress-ng"), "stress-ng not installed (apt-get install stress-ng)");
        int cpus = Runtime.getRuntime().availableProcessors();
        Process load = new ProcessBuilder("stress-ng", "--cpu", Integer.toString(cpus), "--timeout", "5s")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (ProcMetricSource source = new ProcMetricSource()) {
            Thread.sleep(1000); // let the stressors start
            long[] a = naiveStat();
            long t0 = System.nanoTime();
            source.sample((k, v) -> { });
            Thread.sleep(2000);
            Fixtures.MapSink s = new Fixtures.MapSink();
            source.sample(s);
            long t1 = System.nanoTime();
            long[] b = naiveStat();

            long total = 0;
            long idle = (b[3] - a[3]) + (b[4] - a[4]);
            for (int i = 0; i < 8; i++) {
                total += b[i] - a[i];
            }
            double naiveBusy = (double) (total - idle) / total;
            double naiveCtxt = (b[8] - a[8]) / ((t1 - t0) / 1e9);

            assertThat(s.get(MetricKey.CPU_BUSY)).isCloseTo(naiveBusy, within(BUSY_TOLERANCE));
            assertThat(s.get(MetricKey.CPU_BUSY)).as("stress-ng on every CPU").isGreaterThan(0.8);
            assertThat(s.get(MetricKey.SCHED_CTX_SWITCHES_PER_SEC))
                    .isCloseTo(naiveCtxt, within(naiveCtxt * CTXT_TOLERANCE));
            assertThat(s.get(MetricKey.SCHED_RUNNABLE_PER_CPU)).isPositive();
            RobustnessTest.checkRanges(s);
        } finally {
            load.destroy();
            load.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
