// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live source on a fixture root whose files change in place between samples, with an injected clock. */
class ProcMetricSourceTest {

    static final String FIO = Fixtures.HOST + "/fio-randrw/ticks/";

    @TempDir
    Path root;

    /** Overwrites the files under {@code root} in place (same inode), as the kernel does for /proc. */
    static void load(Path root, Path tick) throws IOException {
        try (Stream<Path> files = Files.walk(tick)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path target = root.resolve(tick.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.write(target, Files.readAllBytes(f));
            }
        }
    }

    @Test
    void ratesUseTheInjectedClockAndReReadOpenFiles() throws Exception {
        AtomicLong now = new AtomicLong(5_000_000_000L);
        load(root, Fixtures.path(FIO + "000000000167"));
        try (ProcMetricSource source = ProcMetricSource.builder().procRoot(root).nanoTime(now::get).build()) {
            Fixtures.MapSink first = new Fixtures.MapSink();
            source.sample(first);
            assertThat(first.values).containsOnlyKeys("sched.runnable_per_cpu", "sched.blocked", "mem.used_fraction");
            load(root, Fixtures.path(FIO + "000000001179"));
            now.addAndGet(2_000_000_000L); // 2 s this time, not the capture's 1.012 s
            Fixtures.MapSink second = new Fixtures.MapSink();
            source.sample(second);
            assertThat(second.get(MetricKey.SCHED_CTX_SWITCHES_PER_SEC)).isEqualTo((944674 - 933668) / 2.0);
            assertThat(second.get(MetricKey.IO_UTIL)).isEqualTo((15896 - 15016) / 2000.0);
            assertThat(second.get(MetricKey.CPU_BUSY)).isEqualTo((68 + 40 + 7 + 2) / 197.0);
            assertThat(second.get(MetricKey.PSI_CPU_SOME)).isEqualTo((34953303 - 34671733) / 2_000_000.0);
        }
    }

    @Test
    void providerFacts() {
        ProcMetricSource source = new ProcMetricSource();
        assertThat(source.name()).isEqualTo("proc");
        assertThat(source.priority()).isEqualTo(100);
        assertThat(source.procRoot()).isEqualTo(Path.of("/proc"));
        assertThat(source.includesVirtualDevices()).isFalse();
        assertThat(source.isAvailable()).isEqualTo(Files.isReadable(Path.of("/proc/stat")));
    }

    @Test
    void missingStatMakesTheSourceUnavailableAndSampleThrows() throws Exception {
        Path nowhere = root.resolve("no-proc");
        try (ProcMetricSource source = ProcMetricSource.builder().procRoot(nowhere).build()) {
            assertThat(source.isAvailable()).isFalse();
            assertThat(source.unavailableReason())
                    .isEqualTo(nowhere.resolve("stat") + " not found (not Linux, or the proc root is wrong)");
            assertThatThrownBy(() -> source.sample((k, v) -> { }))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith(nowhere.resolve("stat") + " could not be read (not found)");
        }
    }

    @Test
    void closedSourceRefusesToSample() throws Exception {
        ProcMetricSource source = ProcMetricSource.builder().procRoot(Fixtures.path(FIO + "000000000167")).build();
        source.sample((k, v) -> { });
        source.close();
        assertThatThrownBy(() -> source.sample((k, v) -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("is closed");
    }

    @Test
    void builderSettingsMayBeGivenOnce() {
        ProcMetricSource.Builder b = ProcMetricSource.builder().procRoot(Path.of("/host/proc")).includeVirtualDevices(true);
        assertThatThrownBy(() -> b.procRoot(Path.of("/proc")))
                .isInstanceOf(IllegalStateException.class).hasMessage("proc root was already set to /host/proc");
        assertThatThrownBy(() -> b.includeVirtualDevices(false))
                .isInstanceOf(IllegalStateException.class).hasMessage("include virtual devices was already set to true");
        ProcMetricSource built = b.build();
        assertThat(built.procRoot()).isEqualTo(Path.of("/host/proc"));
        assertThat(built.includesVirtualDevices()).isTrue();
    }

    @Test
    void virtualDevicesCountWhenAsked() throws Exception {
        // The fio capture's zram0 and loops are idle, so including them adds slots but no I/O.
        AtomicLong now = new AtomicLong();
        load(root, Fixtures.path(FIO + "000000000167"));
        try (ProcMetricSource source = ProcMetricSource.builder().procRoot(root).nanoTime(now::get)
                .includeVirtualDevices(true).build()) {
            source.sample((k, v) -> { });
            load(root, Fixtures.path(FIO + "000000001179"));
            now.set(1_000_000_000L);
            Fixtures.MapSink s = new Fixtures.MapSink();
            source.sample(s);
            assertThat(s.get(MetricKey.IO_OPS_PER_SEC)).isEqualTo((119120 - 101723) + (82015 - 64830));
        }
    }

    @Test
    void foundByServiceLoader() {
        assertThat(ServiceLoader.load(MetricSource.class).stream().map(ServiceLoader.Provider::type))
                .contains(ProcMetricSource.class);
    }
}
