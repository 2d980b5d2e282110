// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.api.MetricKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-made malformed captures under proc/malformed (see make-variants.py there): no exception,
 * the broken value absent, everything else still there, nothing negative, shares within 0..1.
 */
class RobustnessTest {

    @TempDir
    Path tmp;

    /** Replays a malformed capture and returns each tick's values after checking their ranges. */
    private static List<Fixtures.MapSink> replay(String variant) throws Exception {
        List<Fixtures.MapSink> ticks = new ArrayList<>();
        try (CaptureSource source = CaptureSource.open(Fixtures.path("malformed/" + variant))) {
            while (source.hasNext()) {
                Fixtures.MapSink s = new Fixtures.MapSink();
                source.sample(s);
                checkRanges(s);
                ticks.add(s);
            }
        }
        return ticks;
    }

    static void checkRanges(Fixtures.MapSink s) {
        s.values.forEach((key, value) -> {
            assertThat(value).as(key).isFinite().isGreaterThanOrEqualTo(0);
            if ((key.startsWith("cpu.") && !key.equals("cpu.busy_cpus")) || key.startsWith("psi.") || key.equals("io.util") || key.equals("mem.used_fraction")) {
                assertThat(value).as(key).isLessThanOrEqualTo(1);
            }
        });
    }

    @Test
    void truncatedCpuLineDropsCpuSharesOnly() throws Exception {
        Fixtures.MapSink s = replay("truncated-line").get(1);
        assertThat(s.values).doesNotContainKeys("cpu.busy", "cpu.user", "cpu.system", "cpu.iowait", "cpu.steal");
        assertThat(s.get(MetricKey.SCHED_CTX_SWITCHES_PER_SEC)).isEqualTo(803033 - 802852);
        assertThat(s.get(MetricKey.MEM_PGFAULTS_PER_SEC)).isEqualTo(3677198 - 3677179);
    }

    @Test
    void nonNumericValueDropsThatKey() throws Exception {
        Fixtures.MapSink s = replay("non-numeric").get(1);
        assertThat(s.values).doesNotContainKey("mem.pgfaults_per_sec");
        assertThat(s.get(MetricKey.MEM_MAJOR_FAULTS_PER_SEC)).isZero();
        assertThat(s.get(MetricKey.CPU_BUSY)).isEqualTo((1 + 1) / 201.0);
    }

    @Test
    void emptyMeminfoDropsMemoryUse() throws Exception {
        List<Fixtures.MapSink> ticks = replay("empty-file");
        assertThat(ticks.get(0).get(MetricKey.MEM_USED_FRACTION)).isEqualTo((24684092.0 - 24311080) / 24684092);
        assertThat(ticks.get(1).values).doesNotContainKey("mem.used_fraction").containsKey("cpu.busy");
    }

    @Test
    void binaryGarbageDropsIoOnly() throws Exception {
        Fixtures.MapSink s = replay("binary-garbage").get(1);
        assertThat(s.values).doesNotContainKeys("io.read_bytes_per_sec", "io.write_bytes_per_sec", "io.ops_per_sec", "io.util");
        assertThat(s.values).containsKeys("cpu.busy", "psi.cpu.some", "mem.used_fraction");
    }

    @Test
    void missingDiskFieldsDropIo() throws Exception {
        Fixtures.MapSink s = replay("missing-fields").get(1);
        assertThat(s.values).doesNotContainKeys("io.read_bytes_per_sec", "io.ops_per_sec", "io.util");
        assertThat(s.values).containsKey("sched.ctx_switches_per_sec");
    }

    @Test
    void cpuHotplugSkipsSharesForThatTick() throws Exception {
        Fixtures.MapSink s = replay("fewer-cpus").get(1);
        assertThat(s.values).doesNotContainKey("cpu.busy");
        // procs_running 1 over the one CPU left.
        assertThat(s.get(MetricKey.SCHED_RUNNABLE_PER_CPU)).isEqualTo(1.0);
        assertThat(s.get(MetricKey.SCHED_CTX_SWITCHES_PER_SEC)).isEqualTo(803033 - 802852);
    }

    @Test
    void countersGoingBackwardsAreSkippedNotNegative() throws Exception {
        Fixtures.MapSink s = replay("counter-backwards").get(1);
        assertThat(s.values).doesNotContainKeys("sched.ctx_switches_per_sec", "mem.major_faults_per_sec");
        assertThat(s.get(MetricKey.MEM_PGFAULTS_PER_SEC)).isEqualTo(3677198 - 3677179);
        assertThat(s.get(MetricKey.CPU_BUSY)).isEqualTo((1 + 1) / 201.0);
    }

    @Test
    void aDeviceThatReappearsStartsWithoutABaseline() throws Exception {
        List<Fixtures.MapSink> ticks = replay("device-disappearing");
        // Tick 1: sdb gone, vda unchanged. Tick 2: sdb back with higher counters than in tick 0,
        // which must not be read as 3000 sectors in one second: it has no baseline yet.
        assertThat(ticks.get(1).get(MetricKey.IO_READ_BYTES_PER_SEC)).isZero();
        assertThat(ticks.get(2).get(MetricKey.IO_READ_BYTES_PER_SEC)).isZero();
        assertThat(ticks.get(2).get(MetricKey.IO_OPS_PER_SEC)).isZero();
        assertThat(ticks.get(2).get(MetricKey.IO_UTIL)).isZero();
    }

    @Test
    void missingPressureRemovesPsiKeys() throws Exception {
        Fixtures.MapSink s = replay("no-pressure").get(1);
        assertThat(s.values.keySet()).noneMatch(k -> k.startsWith("psi."));
        assertThat(s.values).containsKeys("cpu.busy", "io.util", "mem.used_fraction");
    }

    @Test
    void runnableFallsBackToLoadavg() throws Exception {
        List<Fixtures.MapSink> ticks = replay("no-procs-running");
        // loadavg 0.61 0.26 0.14 3/108 8145, then 1/108; 2 CPUs.
        assertThat(ticks.get(0).get(MetricKey.SCHED_RUNNABLE_PER_CPU)).isEqualTo(1.5);
        assertThat(ticks.get(1).get(MetricKey.SCHED_RUNNABLE_PER_CPU)).isEqualTo(0.5);
    }

    @Test
    void hugeFileGrowsTheBufferAndStillParses() throws Exception {
        Path tick = Fixtures.path(Fixtures.HOST + "/idle/ticks/000000000082");
        ProcMetricSourceTest.load(tmp, tick);
        // 6 MB of unknown keys in front of the real content: far beyond the initial 8 KiB buffer.
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            junk.append("nr_unknown_counter_").append(i).append(' ').append(i).append('\n');
        }
        Files.writeString(tmp.resolve("vmstat"), junk + Files.readString(tick.resolve("vmstat")));
        AtomicLong now = new AtomicLong();
        try (ProcMetricSource source = ProcMetricSource.builder().procRoot(tmp).nanoTime(now::get).build()) {
            source.sample((k, v) -> { });
            now.set(1_000_000_000L);
            Fixtures.MapSink s = new Fixtures.MapSink();
            source.sample(s);
            assertThat(s.get(MetricKey.MEM_PGFAULTS_PER_SEC)).isZero();
        }
    }

    @Test
    void fileBeyondTheSizeLimitIsSkipped() throws Exception {
        ProcMetricSourceTest.load(tmp, Fixtures.path(Fixtures.HOST + "/idle/ticks/000000000082"));
        byte[] huge = new byte[17 << 20];
        java.util.Arrays.fill(huge, (byte) '7');
        Files.write(tmp.resolve("meminfo"), huge);
        try (ProcMetricSource source = ProcMetricSource.builder().procRoot(tmp).build()) {
            Fixtures.MapSink s = new Fixtures.MapSink();
            source.sample(s);
            assertThat(s.values).doesNotContainKey("mem.used_fraction").containsKey("sched.blocked");
        }
    }

    @Test
    void aTickWithoutStatFailsTheSampleNamingThePath() throws Exception {
        Files.writeString(tmp.resolve("meta.properties"), "interval_ms=1000\ncpus=2\nkernel=x\n", StandardCharsets.UTF_8);
        Path tick = tmp.resolve("ticks/000000000000");
        Files.createDirectories(tick);
        try (CaptureSource source = CaptureSource.open(tmp)) {
            assertThatThrownBy(() -> source.sample((k, v) -> { }))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith(tick.resolve("stat") + " could not be read (not found)");
        }
    }
}
