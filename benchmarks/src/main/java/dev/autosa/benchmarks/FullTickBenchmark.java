// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.benchmarks;

import dev.autosa.api.Decision;
import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAConfig;
import dev.autosa.core.SimulatedController;
import dev.autosa.proc.linux.ProcMetricSource;
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

/**
 * A whole tick through the public API, as the daemon runs it: {@code AutoSA.tick()} with the real
 * {@link ProcMetricSource}, a {@link SimulatedController} and a clock advanced one collection
 * interval per tick. The source's rate clock is the same hand-driven clock, so rates are computed
 * over "one second" as in production, not over the microseconds between two benchmark calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FullTickBenchmark {

    private static final int WARM_TICKS = 200;

    @Param({ProcFiles.FIXTURE, "/proc"})
    public String procRoot;

    private ManualClock clock;
    private AutoSA autosa;

    @Setup(Level.Trial)
    public void setUp() {
        clock = new ManualClock(AutoSAConfig.DEFAULT_COLLECTION_INTERVAL);
        ManualClock c = clock;
        ProcMetricSource source = ProcMetricSource.builder().procRoot(ProcFiles.root(procRoot))
                .nanoTime(() -> c.millis() * 1_000_000L).build();
        autosa = AutoSA.builder().metricSource(source).controller(new SimulatedController()).clock(clock).build();
        // Past warm-up: the window is full and the verdict has settled.
        for (int i = 0; i < WARM_TICKS; i++) {
            tick();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        autosa.close();
    }

    @Benchmark
    public Decision tick() {
        clock.advance();
        return autosa.tick();
    }
}
