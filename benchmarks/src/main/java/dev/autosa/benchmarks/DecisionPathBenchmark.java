// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.benchmarks;

import dev.autosa.api.Classification;
import dev.autosa.api.Decision;
import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAConfig;
import dev.autosa.core.DefaultClassifier;
import dev.autosa.core.SimulatedController;
import dev.autosa.core.internal.SlidingWindow;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The decision path without /proc: an allocation-free {@link ArraySource} writes all standard keys,
 * so what is measured is AutoSA's own work per tick.
 *
 * <ul>
 *   <li>{@link #windowAndClassify}: the sliding window (60 ticks, 22 keys) plus the default
 *       classifier, called directly (the window is internal; this module is on the class path).
 *   <li>{@link #engineTick}: {@code AutoSA.tick()} through the public API with a simulated
 *       controller and a hand-driven clock: health check, sample, window, classify, policy.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionPathBenchmark {

    private static final Duration INTERVAL = AutoSAConfig.DEFAULT_COLLECTION_INTERVAL;
    private static final int WARM_TICKS = 1_000;

    private ArraySource windowSource;
    private SlidingWindow window;
    private DefaultClassifier classifier;

    private ManualClock clock;
    private AutoSA autosa;

    @Setup(Level.Trial)
    public void setUp() {
        int capacity = (int) (AutoSAConfig.DEFAULT_AGGREGATION_WINDOW.toMillis() / INTERVAL.toMillis());
        windowSource = new ArraySource();
        window = new SlidingWindow(capacity, INTERVAL);
        classifier = new DefaultClassifier();
        for (int i = 0; i < WARM_TICKS; i++) {
            windowAndClassify();
        }

        clock = new ManualClock(INTERVAL);
        autosa = AutoSA.builder().metricSource(new ArraySource()).controller(new SimulatedController())
                .clock(clock).build();
        // Past warm-up, stability and the switch to scx_rusty: the steady state a daemon lives in.
        for (int i = 0; i < WARM_TICKS; i++) {
            engineTick();
        }
        String active = autosa.status().active().displayName();
        if (!active.contains("scx_rusty")) {
            throw new IllegalStateException("expected the warm-up to switch to scx_rusty but " + active + " runs");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        autosa.close();
    }

    @Benchmark
    public Classification windowAndClassify() {
        window.beginTick();
        windowSource.sample(window);
        window.commitTick();
        return classifier.classify(window);
    }

    @Benchmark
    public Decision engineTick() {
        clock.advance();
        return autosa.tick();
    }
}
