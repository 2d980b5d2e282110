// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A steady-state sample allocates nothing. Counted with the JVM's per-thread allocation counter
 * around each sample() call only (the test's own file rewriting in between is not counted): a
 * deterministic count, not a timing.
 */
class AllocationTest {

    private static final int WARM_UP = 300;
    private static final int SAMPLES = 1000;

    @TempDir
    Path root;

    /** Adds up what it is given so the JIT cannot drop the work; allocates nothing. */
    static final class SumSink implements MetricSink {
        double sum;
        int puts;

        @Override
        public void put(MetricKey key, double value) {
            sum += value;
            puts++;
        }
    }

    @Test
    void steadyStateSampleAllocatesNothing() throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM has no com.sun.management.ThreadMXBean to count allocations");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "thread allocation counting not supported");
        threads.setThreadAllocatedMemoryEnabled(true);

        ProcMetricSourceTest.load(root, Fixtures.path(Fixtures.HOST + "/fio-randrw/ticks/000000001179"));
        // Every optional file present (schedstat from the guest kernel), so every key is written.
        Files.copy(Fixtures.path(Fixtures.GUEST + "/idle/ticks/000000003832/schedstat"), root.resolve("schedstat"));
        String statTemplate = Files.readString(root.resolve("stat"));
        String diskTemplate = Files.readString(root.resolve("diskstats"));
        long[] clock = {0};
        SumSink sink = new SumSink();
        long allocated = 0;
        int putsPerSample = 0;
        try (ProcMetricSource source = ProcMetricSource.builder().procRoot(root).nanoTime(() -> clock[0]).build();
             FileChannel stat = FileChannel.open(root.resolve("stat"), StandardOpenOption.WRITE);
             FileChannel disk = FileChannel.open(root.resolve("diskstats"), StandardOpenOption.WRITE)) {
            for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                // Counters that really move, so the full path (shares, rates, per-device sums) runs.
                rewrite(stat, statTemplate.replace("cpu  18286 ", "cpu  " + (18286 + i) + " ")
                        .replace("cpu0 8725 ", "cpu0 " + (8725 + i) + " ")
                        .replace("ctxt 944674", "ctxt " + (944674 + 100L * i)));
                rewrite(disk, diskTemplate.replace("vda 119120 ", "vda " + (119120 + i) + " "));
                clock[0] += 1_000_000_000L;
                int before = sink.puts;
                long start = threads.getCurrentThreadAllocatedBytes();
                source.sample(sink);
                long used = threads.getCurrentThreadAllocatedBytes() - start;
                if (i >= WARM_UP) {
                    allocated += used;
                    putsPerSample = sink.puts - before;
                }
            }
        }
        assertThat(putsPerSample).isEqualTo(CaptureReplayTest.standardKeys().size());
        assertThat((double) allocated / SAMPLES).as("bytes allocated per sample").isLessThan(1.0);
    }

    private static void rewrite(FileChannel ch, String content) throws java.io.IOException {
        ByteBuffer b = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
        ch.truncate(0);
        ch.write(b, 0);
    }
}
