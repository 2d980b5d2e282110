// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autosa.api.MachineFacts;
import dev.autosa.api.MetricKey;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * Rates over two real ticks, replayed with the capture's own clock. Every expected value is an
 * expression of numbers read off the fixture files, so a reader can check it against the text.
 */
class CaptureReplayTest {

    private static final double EXACT = 1e-9;

    static List<MetricKey> standardKeys() throws IllegalAccessException {
        List<MetricKey> keys = new ArrayList<>();
        for (Field f : MetricKey.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == MetricKey.class) {
                keys.add((MetricKey) f.get(null));
            }
        }
        return keys;
    }

    @Test
    void firstTickHasGaugesOnly() throws Exception {
        try (CaptureSource source = CaptureSource.open(Fixtures.path(Fixtures.HOST + "/fio-randrw"))) {
            Fixtures.MapSink sink = new Fixtures.MapSink();
            source.sample(sink);
            assertThat(sink.values).containsOnlyKeys("sched.runnable_per_cpu", "sched.blocked", "mem.used_fraction");
            // procs_running 3 over cpu0, cpu1; MemTotal 24684092, MemAvailable 24218852.
            assertThat(sink.get(MetricKey.SCHED_RUNNABLE_PER_CPU)).isEqualTo(1.5);
            assertThat(sink.get(MetricKey.SCHED_BLOCKED)).isZero();
            assertThat(sink.get(MetricKey.MEM_USED_FRACTION)).isEqualTo((24684092.0 - 24218852) / 24684092);
        }
    }

    @Test
    void fioTicksOnHostKernel() throws Exception {
        try (CaptureSource source = CaptureSource.open(Fixtures.path(Fixtures.HOST + "/fio-randrw"))) {
            source.sample(new Fixtures.MapSink());
            Fixtures.MapSink s = new Fixtures.MapSink();
            source.sample(s);
            double seconds = (1179 - 167) / 1000.0;
            // cpu 18218 0 5013 135584 793 0 82 36 -> 18286 0 5053 135664 793 0 89 38:
            // user 68, system 40, idle 80, iowait 0, softirq 7, steal 2; total 197.
            assertThat(s.get(MetricKey.CPU_BUSY)).isCloseTo((68 + 40 + 7 + 2) / 197.0, within(EXACT));
            assertThat(s.get(MetricKey.CPU_USER)).isCloseTo(68 / 197.0, within(EXACT));
            assertThat(s.get(MetricKey.CPU_SYSTEM)).isCloseTo((40 + 7) / 197.0, within(EXACT));
            assertThat(s.get(MetricKey.CPU_IOWAIT)).isZero();
            assertThat(s.get(MetricKey.CPU_STEAL)).isCloseTo(2 / 197.0, within(EXACT));
            assertThat(s.get(MetricKey.SCHED_CTX_SWITCHES_PER_SEC)).isCloseTo((944674 - 933668) / seconds, within(EXACT));
            assertThat(s.get(MetricKey.SCHED_FORKS_PER_SEC)).isCloseTo((8552 - 8504) / seconds, within(EXACT));
            assertThat(s.get(MetricKey.SCHED_RUNNABLE_PER_CPU)).isEqualTo(4 / 2.0);
            assertThat(s.get(MetricKey.MEM_USED_FRACTION)).isEqualTo((24684092.0 - 24196464) / 24684092);
            assertThat(s.get(MetricKey.MEM_PGFAULTS_PER_SEC)).isCloseTo((4944747 - 4931554) / seconds, within(EXACT));
            assertThat(s.get(MetricKey.MEM_MAJOR_FAULTS_PER_SEC)).isZero();
            assertThat(s.get(MetricKey.MEM_SWAP_PER_SEC)).isZero();
            // vda 101723 . 3344170 . 64830 . 3677224 . . 15016 -> 119120 . 3483346 . 82015 . 3814760 . . 15896
            assertThat(s.get(MetricKey.IO_READ_BYTES_PER_SEC)).isCloseTo((3483346 - 3344170) * 512 / seconds, within(EXACT));
            assertThat(s.get(MetricKey.IO_WRITE_BYTES_PER_SEC)).isCloseTo((3814760 - 3677224) * 512 / seconds, within(EXACT));
            assertThat(s.get(MetricKey.IO_OPS_PER_SEC))
                    .isCloseTo(((119120 - 101723) + (82015 - 64830)) / seconds, within(EXACT));
            assertThat(s.get(MetricKey.IO_UTIL)).isCloseTo((15896 - 15016) / 1012.0, within(EXACT));
            // pressure/cpu some total=34671733 -> 34953303 us; io and memory did not move.
            assertThat(s.get(MetricKey.PSI_CPU_SOME)).isCloseTo((34953303 - 34671733) / 1_012_000.0, within(EXACT));
            assertThat(s.get(MetricKey.PSI_IO_SOME)).isZero();
            assertThat(s.get(MetricKey.PSI_IO_FULL)).isZero();
            assertThat(s.get(MetricKey.PSI_MEM_SOME)).isZero();
            assertThat(s.get(MetricKey.PSI_MEM_FULL)).isZero();
            // The host kernel has no /proc/schedstat (CONFIG_SCHEDSTATS off): that key is simply absent.
            assertThat(s.values).doesNotContainKey("sched.runqueue_wait_per_sec");
        }
    }

    @Test
    void guestKernelWritesEveryStandardKey() throws Exception {
        try (CaptureSource source = CaptureSource.open(Fixtures.path(Fixtures.GUEST + "/idle"))) {
            source.sample(new Fixtures.MapSink());
            Fixtures.MapSink s = new Fixtures.MapSink();
            source.sample(s);
            assertThat(s.values.keySet()).containsExactlyInAnyOrderElementsOf(
                    standardKeys().stream().map(MetricKey::name).toList());
            double seconds = (3832 - 2375) / 1000.0;
            // schedstat cpu0 run_delay 3394520221 -> 3414570252, cpu1 2457852418 -> 2466765153 (ns).
            assertThat(s.get(MetricKey.SCHED_RUNQUEUE_WAIT_PER_SEC))
                    .isCloseTo(((3414570252L - 3394520221L) + (2466765153L - 2457852418L)) / 1e9 / seconds, within(EXACT));
            // cpu 528 0 868 812 34 0 7 0 -> 549 0 880 1021 34 0 7 0: user 21, system 12, idle 209.
            assertThat(s.get(MetricKey.CPU_BUSY)).isCloseTo((21 + 12) / 242.0, within(EXACT));
            assertThat(s.get(MetricKey.PSI_IO_FULL)).isCloseTo((193114 - 192718) / 1_457_000.0, within(EXACT));
            assertThat(s.get(MetricKey.PSI_IO_SOME)).isCloseTo((246638 - 246222) / 1_457_000.0, within(EXACT));
            // The guest has no block devices at all (root is virtiofs): no disk I/O is a true zero.
            assertThat(s.get(MetricKey.IO_OPS_PER_SEC)).isZero();
            assertThat(s.get(MetricKey.IO_UTIL)).isZero();
        }
    }

    @Test
    void loadScenariosLookLikeTheirLoad() throws Exception {
        assertThat(secondTick(Fixtures.HOST + "/stress-cpu").get(MetricKey.CPU_BUSY)).isCloseTo((201 + 1) / 202.0, within(EXACT)); // user 201, system 1, nothing idle
        assertThat(secondTick(Fixtures.HOST + "/hackbench").get(MetricKey.CPU_SYSTEM)).isGreaterThan(0.5);
        assertThat(secondTick(Fixtures.HOST + "/stress-vm").get(MetricKey.MEM_PGFAULTS_PER_SEC)).isGreaterThan(10_000);
        assertThat(secondTick(Fixtures.HOST + "/fio-randrw").get(MetricKey.IO_OPS_PER_SEC)).isGreaterThan(1000);
        assertThat(secondTick(Fixtures.HOST + "/cyclictest").get(MetricKey.CPU_BUSY)).isLessThan(0.2);
        assertThat(secondTick(Fixtures.HOST + "/idle").get(MetricKey.CPU_BUSY)).isLessThan(0.2);
        assertThat(secondTick(Fixtures.GUEST + "/scx-simple").get(MetricKey.SCHED_RUNQUEUE_WAIT_PER_SEC)).isPositive();
    }

    @Test
    void perCpuLinesGiveTheBusiestCpuAndSizeFreeRates() throws Exception {
        // One single-threaded xz on 8 vCPUs (sched_ext guest, lab phase "compress"): cpu2 ran it the
        // whole 0.871 s (user 2424 -> 2456, system 997 -> 998, idle unchanged); the machine as a whole
        // was busy 58 of 506 ticks (user +34, system +22, softirq +2; idle +448).
        String xz = Fixtures.GUEST + "/xz-8cpu";
        Fixtures.MapSink s = secondTick(xz);
        assertThat(s.get(MetricKey.CPU_BUSIEST)).isEqualTo(1.0);
        assertThat(s.get(MetricKey.CPU_BUSY)).isCloseTo(58 / 506.0, within(EXACT));
        assertThat(s.get(MetricKey.CPU_BUSY_CPUS)).isCloseTo(8 * 58 / 506.0, within(EXACT));
        assertThat(s.get(MetricKey.SCHED_CTX_SWITCHES_PER_CPU)).isCloseTo((712993 - 712713) / 0.871 / 8, within(1e-6));
        assertThat(s.get(MetricKey.MEM_PGFAULTS_PER_CPU)).isZero();
        try (CaptureSource source = CaptureSource.open(Fixtures.path(xz))) {
            assertThat(source.machine()).isEqualTo(new MachineFacts(8, 0, "7.2.13+deb14-cloud-amd64"));
            source.sample(new Fixtures.MapSink());
            MachineFacts m = source.machine();
            assertThat(m).isEqualTo(new MachineFacts(8, 2979160L * 1024, "7.2.13+deb14-cloud-amd64"));
            source.sample(new Fixtures.MapSink());
            assertThat(source.machine()).isSameAs(m);
        }
        // The first tick has no previous per-CPU counters: no busiest share yet.
        try (CaptureSource source = CaptureSource.open(Fixtures.path(xz))) {
            Fixtures.MapSink first = new Fixtures.MapSink();
            source.sample(first);
            assertThat(first.values).doesNotContainKey(MetricKey.CPU_BUSIEST.name());
        }
    }

    private static Fixtures.MapSink secondTick(String capture) throws Exception {
        try (CaptureSource source = CaptureSource.open(Fixtures.path(capture))) {
            source.sample(new Fixtures.MapSink());
            Fixtures.MapSink s = new Fixtures.MapSink();
            source.sample(s);
            return s;
        }
    }

    @Test
    void clockFollowsTheCapture() throws Exception {
        try (CaptureSource source = CaptureSource.open(Fixtures.path(Fixtures.HOST + "/fio-randrw"))) {
            Instant start = source.meta().start();
            assertThat(source.tickCount()).isEqualTo(2);
            assertThat(source.interval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(source.meta().cpus()).isEqualTo(2);
            assertThat(source.meta().kernel()).isEqualTo(Fixtures.HOST);
            assertThat(source.clock().instant()).isEqualTo(start.plusMillis(167));
            assertThat(source.hasNext()).isTrue();
            source.sample(new Fixtures.MapSink());
            assertThat(source.clock().instant()).isEqualTo(start.plusMillis(1179));
            source.sample(new Fixtures.MapSink());
            assertThat(source.hasNext()).isFalse();
            assertThat(source.clock().millis()).isEqualTo(start.plusMillis(1179).toEpochMilli());
            assertThatThrownBy(() -> source.sample(new Fixtures.MapSink()))
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("has no more ticks (2 read)");
        }
    }
}
