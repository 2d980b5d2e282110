// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CaptureWriter → CaptureSource: verbatim copies, meta.properties, and replay equal to the original. */
class CaptureRoundTripTest {

    @TempDir
    Path tmp;

    @Test
    void writtenCaptureReplaysLikeTheOriginal() throws Exception {
        Path root = tmp.resolve("proc");
        Path out = tmp.resolve("capture");
        Path original = Fixtures.path(Fixtures.HOST + "/fio-randrw");
        Instant start = Instant.ofEpochMilli(1_795_613_970_000L);
        try (CaptureWriter writer = CaptureWriter.create(root, out)) {
            ProcMetricSourceTest.load(root, original.resolve("ticks/000000000167"));
            CaptureMeta meta = writer.detectMeta(Duration.ofSeconds(1), start);
            assertThat(meta).isEqualTo(new CaptureMeta(Duration.ofSeconds(1), 2, "unknown", start));
            writer.writeMeta(meta);
            assertThat(writer.captureTick(167)).isEqualTo(8); // no schedstat on this kernel
            ProcMetricSourceTest.load(root, original.resolve("ticks/000000001179"));
            assertThat(writer.captureTick(1179)).isEqualTo(8);
        }
        assertThat(Files.readString(out.resolve("meta.properties"))).isEqualTo(
                "# AutoSA proc capture\ninterval_ms=1000\ncpus=2\nkernel=unknown\nstart_epoch_ms=1795613970000\n");
        for (String tick : List.of("000000000167", "000000001179")) {
            for (String file : List.of("stat", "meminfo", "vmstat", "diskstats", "loadavg", "pressure/cpu", "pressure/io",
                    "pressure/memory")) {
                assertThat(out.resolve("ticks").resolve(tick).resolve(file))
                        .hasSameBinaryContentAs(original.resolve("ticks").resolve(tick).resolve(file));
            }
        }
        try (CaptureSource a = CaptureSource.open(original); CaptureSource b = CaptureSource.open(out)) {
            while (a.hasNext()) {
                Fixtures.MapSink sa = new Fixtures.MapSink();
                Fixtures.MapSink sb = new Fixtures.MapSink();
                a.sample(sa);
                b.sample(sb);
                assertThat(sb.values).isEqualTo(sa.values);
            }
            assertThat(b.hasNext()).isFalse();
            assertThat(b.clock().instant()).isEqualTo(start.plusMillis(1179));
        }
    }

    @Test
    void capturesTheLiveMachine() throws Exception {
        Path out = tmp.resolve("live");
        try (CaptureWriter writer = CaptureWriter.create(Path.of("/proc"), out)) {
            CaptureMeta meta = writer.detectMeta(Duration.ofMillis(500), Instant.EPOCH);
            assertThat(meta.kernel()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
            assertThat(meta.cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
            writer.writeMeta(meta);
            assertThat(writer.captureTick(0)).isGreaterThanOrEqualTo(5);
            assertThatThrownBy(() -> writer.captureTick(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("tick time must increase but 0 ms follows 0 ms");
            assertThatThrownBy(() -> writer.captureTick(-1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tick time must be in [0, 999999999999] ms but was -1");
        }
        try (Stream<Path> ticks = Files.list(out.resolve("ticks"))) {
            assertThat(ticks.map(p -> p.getFileName().toString())).containsExactly("000000000000");
        }
        assertThatThrownBy(() -> CaptureWriter.create(Path.of("/proc"), out))
                .isInstanceOf(IOException.class).hasMessageContaining("already holds ticks");
    }

    @Test
    void malformedMetaNamesTheFileAndTheValue() throws Exception {
        Files.createDirectories(tmp.resolve("ticks"));
        Path meta = tmp.resolve("meta.properties");
        Files.writeString(meta, "interval_ms=abc\ncpus=2\nkernel=6.18\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CaptureSource.open(tmp))
                .isInstanceOf(IOException.class)
                .hasMessage(meta + ": interval_ms must be a non-negative whole number but was \"abc\"");
        Files.writeString(meta, "interval_ms=1000\nkernel=6.18\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CaptureSource.open(tmp)).isInstanceOf(IOException.class).hasMessage(meta + ": cpus is missing");
        Files.writeString(meta, "interval_ms=0\ncpus=2\nkernel=6.18\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CaptureSource.open(tmp))
                .isInstanceOf(IOException.class).hasMessage(meta + ": interval_ms must be at least 1 but was 0");
        Files.delete(meta);
        assertThatThrownBy(() -> CaptureSource.open(tmp))
                .isInstanceOf(IOException.class).hasMessage(meta + " not found: " + tmp + " is not a proc capture");
    }

    @Test
    void badTickDirectoryNameIsRefused() throws Exception {
        Files.writeString(tmp.resolve("meta.properties"), "interval_ms=1000\ncpus=2\nkernel=6.18\n", StandardCharsets.UTF_8);
        Files.createDirectories(tmp.resolve("ticks/000000001000"));
        Files.createDirectories(tmp.resolve("ticks/.000000002000.partial")); // a tick still being written: ignored
        try (CaptureSource source = CaptureSource.open(tmp)) {
            assertThat(source.tickCount()).isEqualTo(1);
            assertThat(source.clock().instant()).isEqualTo(Instant.ofEpochMilli(1000)); // no start_epoch_ms: epoch
        }
        Files.createDirectories(tmp.resolve("ticks/1000"));
        assertThatThrownBy(() -> CaptureSource.open(tmp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tick directory name must be 12 digits (milliseconds since the start) but was "
                        + tmp.resolve("ticks/1000"));
    }

    @Test
    void emptyCaptureHasNoTicks() throws Exception {
        try (CaptureWriter writer = CaptureWriter.create(Path.of("/proc"), tmp)) {
            writer.writeMeta(new CaptureMeta(Duration.ofSeconds(1), 4, "6.18.0", Instant.ofEpochMilli(42)));
        }
        try (CaptureSource source = CaptureSource.open(tmp)) {
            assertThat(source.tickCount()).isZero();
            assertThat(source.hasNext()).isFalse();
            assertThat(source.clock().instant()).isEqualTo(Instant.ofEpochMilli(42));
            assertThat(source.meta().cpus()).isEqualTo(4);
        }
    }

    @Test
    void metaValidatesValues() {
        assertThatThrownBy(() -> new CaptureMeta(Duration.ofMillis(1500).plusNanos(1), 1, "k", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval must be a positive whole number of milliseconds but was PT1.500000001S");
        assertThatThrownBy(() -> new CaptureMeta(Duration.ofSeconds(1), 0, "k", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cpus must be at least 1 but was 0");
        assertThatThrownBy(() -> new CaptureMeta(Duration.ofSeconds(1), 1, "a b", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kernel must be printable ASCII without blanks or '\\' but was \"a b\"");
    }
}
