// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs the fuzzing (or reading the code with fuzzing in mind) found to break the sampler, kept as regressions. */
class FuzzRegressionTest {

    @TempDir
    Path root;

    private static final String CPU_LINES = "cpu1 0 0 0 0 0 0 0 0 0 0\ncpu0 0 0 0 0 0 0 0 0 0 0\n";

    /**
     * user and nice each near Long.MAX_VALUE: their sum overflowed to a negative long, and
     * cpu.busy and cpu.user came out negative (and cpu.system above 1).
     */
    @Test
    void cpuTickDeltasNearLongMaxDoNotOverflowIntoNegativeShares() throws Exception {
        FuzzInputs.write(root.resolve("stat"), bytes("cpu  0 0 0 0 0 0 0 0 0 0\n" + CPU_LINES + "ctxt 1\nprocesses 1\n"));
        try (ProcSampler sampler = new ProcSampler(root, false)) {
            sampler.sample(new FuzzInputs.CheckingSink(), 0);
            FuzzInputs.write(root.resolve("stat"), bytes("cpu  9223372036854775807 9223372036854775807 0 10 0 0 0 0 0 0\n"
                    + CPU_LINES + "ctxt 2\nprocesses 2\n"));
            FuzzInputs.CheckingSink sink = new FuzzInputs.CheckingSink();
            sampler.sample(sink, 1_000_000_000L);
            assertThat(sink.values.get("cpu.busy")).isBetween(0.0, 1.0);
            assertThat(sink.values.get("cpu.user")).isBetween(0.0, 1.0);
        }
    }

    /** A stat of a million "cpuN" lines grew the per-CPU tables without limit and kept them for good. */
    @Test
    void perCpuTablesStayBounded() throws Exception {
        StringBuilder s = new StringBuilder("cpu  1 1 1 1 1 1 1 1 0 0\n");
        for (int i = 0; i < 200_000; i++) {
            s.append("cpu").append(i).append(" 1 1 1 1 1 1 1 1\n");
        }
        s.append("ctxt 5\n");
        FuzzInputs.write(root.resolve("stat"), bytes(s.toString()));
        try (ProcSampler sampler = new ProcSampler(root, false)) {
            sampler.sample(new FuzzInputs.CheckingSink(), 0);
            assertThat(sampler.cpuCount()).isLessThanOrEqualTo(StatParser.MAX_CPUS);
        }
    }

    /** Many distinct device names: the device table must stay bounded (and lookups not quadratic). */
    @Test
    void deviceTableStaysBounded() throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            s.append("8 0 x").append(i).append("y 1 2 3 4 5 6 7 8 9 10 11\n");
        }
        FuzzInputs.write(root.resolve("diskstats"), bytes(s.toString()));
        FuzzInputs.write(root.resolve("stat"), bytes("cpu  0 0 0 0 0 0 0 0 0 0\n" + CPU_LINES + "ctxt 1\nprocesses 1\n"));
        DiskstatsCollector c = new DiskstatsCollector(root, false);
        try (c) {
            FuzzInputs.CheckingSink sink = new FuzzInputs.CheckingSink();
            c.collect(0, sink);
            c.collect(1_000_000_000L, sink);
            assertThat(c.parser().slotCount()).isLessThanOrEqualTo(DiskstatsParser.MAX_DEVICES);
            // Devices past the limit are not counted: no partial sums are reported as the machine's I/O.
            assertThat(sink.values).doesNotContainKey("io.read_bytes_per_sec");
        }
    }

    /** Run-queue wait summed over CPUs near Long.MAX_VALUE wrapped around. */
    @Test
    void schedstatSumThatOverflowsIsInvalidNotWrapped() {
        StringBuilder s = new StringBuilder("version 15\ntimestamp 1\n");
        for (int i = 0; i < 3; i++) {
            s.append("cpu").append(i).append(" 0 0 0 0 0 0 0 9223372036854775807 0\n");
        }
        SchedstatParser p = new SchedstatParser();
        ByteScanner scanner = new ByteScanner();
        byte[] b = bytes(s.toString());
        scanner.reset(b, b.length);
        p.parse(scanner, (line, reason) -> { });
        assertThat(p.valid()).isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
