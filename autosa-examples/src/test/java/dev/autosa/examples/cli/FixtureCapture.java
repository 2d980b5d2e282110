// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a small hand-made proc capture: {@code meta.properties} and one {@code ticks/<ms>/}
 * directory per tick with stat, meminfo, vmstat, diskstats and loadavg. Each tick says how busy the
 * two CPUs were over the last second (in jiffies, USER_HZ 100: 200 per second for two CPUs).
 */
final class FixtureCapture {

    static final long START_EPOCH_MS = 1_700_000_000_000L;

    private long user;
    private long system;
    private long idle = 100_000;
    private long iowait;
    private long ctxt = 1_000_000;
    private long processes = 5_000;
    private long pgfault = 10_000_000;
    private final Path dir;
    private long ms;

    FixtureCapture(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("ticks"));
        Files.writeString(dir.resolve("meta.properties"), "# AutoSA proc capture\ninterval_ms=1000\ncpus=2\n"
                + "kernel=6.12.0-fixture\nstart_epoch_ms=" + START_EPOCH_MS + "\n");
    }

    /** One tick a second after the previous one, with {@code busyPercent} of both CPUs in user mode. */
    FixtureCapture tick(int busyPercent) throws IOException {
        long busy = 2L * busyPercent;
        user += busy;
        idle += 200 - busy;
        ctxt += 800;
        processes += 2;
        pgfault += 500;
        Path t = dir.resolve("ticks").resolve(String.format("%012d", ms));
        Files.createDirectories(t);
        long u0 = user / 2;
        long i0 = idle / 2;
        Files.writeString(t.resolve("stat"),
                "cpu  " + user + " 0 " + system + " " + idle + " " + iowait + " 0 0 0 0 0\n"
                + "cpu0 " + u0 + " 0 " + system / 2 + " " + i0 + " " + iowait / 2 + " 0 0 0 0 0\n"
                + "cpu1 " + (user - u0) + " 0 " + (system - system / 2) + " " + (idle - i0) + " "
                + (iowait - iowait / 2) + " 0 0 0 0 0\n"
                + "intr 0\nctxt " + ctxt + "\nbtime 1699999000\nprocesses " + processes + "\n"
                + "procs_running " + (busyPercent > 50 ? 3 : 1) + "\nprocs_blocked 0\nsoftirq 0 0 0 0 0 0 0 0 0 0 0\n");
        Files.writeString(t.resolve("meminfo"), "MemTotal:        2017896 kB\nMemFree:         1522960 kB\n"
                + "MemAvailable:    1467884 kB\nBuffers:               0 kB\nCached:            39544 kB\n"
                + "SwapTotal:             0 kB\nSwapFree:              0 kB\n");
        Files.writeString(t.resolve("vmstat"), "nr_free_pages 380740\npgpgin 1000\npgpgout 2000\npswpin 0\n"
                + "pswpout 0\npgfault " + pgfault + "\npgmajfault 12\n");
        Files.writeString(t.resolve("diskstats"), "");
        Files.writeString(t.resolve("loadavg"), (busyPercent > 50 ? "2.00" : "0.10") + " 0.50 0.20 "
                + (busyPercent > 50 ? 3 : 1) + "/81 149\n");
        ms += 1000;
        return this;
    }
}
