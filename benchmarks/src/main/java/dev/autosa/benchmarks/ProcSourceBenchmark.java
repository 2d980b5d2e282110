// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.benchmarks;

import dev.autosa.api.MetricSink;
import dev.autosa.proc.linux.ProcMetricSource;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * AutoSA's {@link ProcMetricSource}: one full sample (every file, every key, rates included) into a
 * sink that hands each value to the blackhole. Compare with {@link RawReadBenchmark} on the same
 * root: the difference is the cost of parsing and computing rates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProcSourceBenchmark {

    @Param({ProcFiles.FIXTURE, "/proc"})
    public String procRoot;

    private ProcMetricSource source;
    private MetricSink sink;

    @Setup(Level.Trial)
    public void setUp(Blackhole bh) throws IOException {
        source = ProcMetricSource.builder().procRoot(ProcFiles.root(procRoot)).build();
        sink = (key, value) -> bh.consume(value);
        source.sample(sink); // the first sample opens the files and has no rates
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        source.close();
    }

    @Benchmark
    public void sample() throws IOException {
        source.sample(sink);
    }
}
