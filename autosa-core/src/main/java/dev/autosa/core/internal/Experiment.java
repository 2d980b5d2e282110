// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.AutoSAEvent.Evaluated.Verdict;
import dev.autosa.api.Objective.Direction;
import dev.autosa.api.Workload;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One switch under test: the baseline taken before it, then per tick a settle phase whose values
 * are ignored and an evaluation phase whose values are collected, until the evaluation is full (a
 * verdict by {@link ExperimentEvaluator}) or the workload class or the running scheduler changes
 * (inconclusive).
 */
public final class Experiment {

    /** Where the experiment stands. */
    public enum Phase {
        SETTLING, EVALUATING, DONE
    }

    /** How it ended; {@code result} is null when it ended before the evaluation was full. */
    public record End(ExperimentEvaluator.@Nullable Result result, @Nullable String inconclusiveBecause) {
    }

    private final Workload workload;
    private final @Nullable String from;
    private final @Nullable String to;
    private final long startMillis;
    private final int settleTicks;
    private final int evaluationTicks;
    private final double[] baseline;
    private final int baselineCount;
    private final double[] after;
    private int afterCount;
    private int ticks;
    private Phase phase = Phase.SETTLING;

    public Experiment(Workload workload, @Nullable String from, @Nullable String to, long startMillis, int settleTicks,
            int evaluationTicks, double[] baseline, int baselineCount) {
        this.workload = workload;
        this.from = from;
        this.to = to;
        this.startMillis = startMillis;
        this.settleTicks = settleTicks;
        this.evaluationTicks = evaluationTicks;
        this.baseline = baseline;
        this.baselineCount = baselineCount;
        this.after = new double[evaluationTicks];
        if (settleTicks == 0) {
            phase = Phase.EVALUATING;
        }
    }

    /**
     * One tick after the switch.
     *
     * @param value the objective this tick (NaN: none, the tick still counts)
     * @param workload the workload class the policy sees this tick
     * @param running what the kernel runs ({@code scx_*} name, null for the kernel default)
     * @return how the experiment ended, or null while it goes on
     */
    public @Nullable End tick(double value, Workload workload, @Nullable String running, Direction direction) {
        if (phase == Phase.DONE) {
            throw new IllegalStateException("the experiment already ended");
        }
        ticks++;
        if (!workload.equals(this.workload)) {
            phase = Phase.DONE;
            return new End(null, "the workload changed to " + workload);
        }
        if (!Objects.equals(running, to)) {
            phase = Phase.DONE;
            return new End(null, (to == null ? "the kernel default" : to) + " no longer runs ("
                    + (running == null ? "the kernel default" : running) + " does)");
        }
        if (ticks <= settleTicks) {
            if (ticks == settleTicks) {
                phase = Phase.EVALUATING;
            }
            return null;
        }
        if (!Double.isNaN(value)) {
            after[afterCount++] = value;
        }
        if (ticks - settleTicks < evaluationTicks) {
            return null;
        }
        phase = Phase.DONE;
        ExperimentEvaluator.Result r = ExperimentEvaluator.evaluate(baseline, baselineCount, after, afterCount,
                direction);
        return new End(r, r.verdict() == Verdict.INCONCLUSIVE
                ? "too few values (" + r.samplesBefore() + " before, " + r.samplesAfter() + " after; "
                        + ExperimentEvaluator.MIN_SAMPLES + " needed)" : null);
    }

    public Workload workload() {
        return workload;
    }

    public @Nullable String from() {
        return from;
    }

    public @Nullable String to() {
        return to;
    }

    public long startMillis() {
        return startMillis;
    }

    public Phase phase() {
        return phase;
    }

    /** Ticks since the switch. */
    public int ticks() {
        return ticks;
    }

    public int settleTicks() {
        return settleTicks;
    }

    public int evaluationTicks() {
        return evaluationTicks;
    }

    public int baselineCount() {
        return baselineCount;
    }

    public double baselineMedian() {
        return ExperimentEvaluator.median(baseline, baselineCount);
    }

    /** Median of the values collected so far in the evaluation phase, NaN before the first. */
    public double afterMedian() {
        return ExperimentEvaluator.median(after, afterCount);
    }
}
