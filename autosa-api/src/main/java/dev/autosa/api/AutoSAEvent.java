// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Everything the engine tells its listeners, one record per kind. */
public sealed interface AutoSAEvent {

    /**
     * When it happened, on the engine's clock.
     *
     * @return the engine clock's instant of the event
     */
    Instant time();

    /**
     * One tick's sample. Built only when a listener is registered.
     *
     * @param time when the sample was taken
     * @param values each metric's value this tick; metrics the source did not report are absent
     */
    record Sampled(Instant time, Map<MetricKey, Double> values) implements AutoSAEvent {
        /**
         * Copies {@code values}, so the event stays as it was when the engine sent it.
         *
         * @param time when the sample was taken
         * @param values each metric's value this tick; not null, no null keys or values
         */
        public Sampled {
            values = Map.copyOf(values);
        }
    }

    /**
     * The classifier's verdict on the window after this tick.
     *
     * @param time the tick's time
     * @param classification the verdict
     */
    record Classified(Instant time, Classification classification) implements AutoSAEvent {
    }

    /**
     * The switch policy's decision, including "not switching, because …".
     *
     * @param time the tick's time
     * @param decision what the policy decided and why
     */
    record Decided(Instant time, Decision decision) implements AutoSAEvent {
    }

    /**
     * The running scheduler changed.
     *
     * @param time when the switch was confirmed
     * @param from the {@code scx_*} name that ran before, or null for the kernel default
     * @param to the {@code scx_*} name that runs now, or null for the kernel default
     * @param reason why, in words (the policy's reason, a revert's verdict or who requested it)
     * @param simulated true in dry-run mode: only the simulated controller switched, not the kernel
     */
    record Switched(Instant time, @Nullable String from, @Nullable String to, String reason, boolean simulated)
            implements AutoSAEvent {
    }

    /**
     * A scheduler failed; the kernel default runs, and the scheduler is backed off or blocklisted.
     *
     * @param time when the failure was seen
     * @param failure which scheduler failed, how, and what it said
     * @param backoff how long the scheduler is not chosen again after this failure
     * @param blocklisted true when the scheduler is never chosen again
     */
    record Failed(Instant time, SchedulerFailure failure, Duration backoff, boolean blocklisted)
            implements AutoSAEvent {
    }

    /**
     * The experiment around a switch reached its verdict: the objective before the switch (same
     * workload class) against after it (once the settle period passed), with the test's numbers.
     *
     * @param time when the verdict was reached
     * @param workload the workload class the switch was made for
     * @param from what ran before the switch ({@code scx_*} name, null for the kernel default)
     * @param to what the switch started (null for the kernel default)
     * @param verdict better (kept, a win), neutral (kept), worse (reverted to {@code from}) or
     *     inconclusive (the workload changed or data was missing: kept, no penalty)
     * @param objective the objective's name, e.g. {@code "cpu contention"}
     * @param unit its unit
     * @param before median of the objective before the switch (NaN when inconclusive without data)
     * @param after median of the objective during the evaluation period
     * @param pValue one-sided p-value of the rank test in the direction of the change (NaN when not tested)
     * @param samplesBefore how many values the baseline held
     * @param samplesAfter how many values the evaluation period held
     * @param since how long after the switch the verdict came
     * @param explanation one line for status and logs, e.g. {@code "scx_cpu0 made cpu-bound worse:
     *     cpu contention 0.21 -> 3.70 wait/work (p < 0.01); reverted after 70s"}
     */
    record Evaluated(Instant time, Workload workload, @Nullable String from, @Nullable String to, Verdict verdict,
            String objective, String unit, double before, double after, double pValue, int samplesBefore,
            int samplesAfter, Duration since, String explanation) implements AutoSAEvent {

        /** How the experiment ended. */
        public enum Verdict {
            /** The objective improved significantly: the switch is kept and counts as a win. */
            BETTER,
            /** No significant change: the switch is kept. */
            NEUTRAL,
            /** The objective got significantly worse: the switch is reverted. */
            WORSE,
            /** The workload changed or data was missing: the switch is kept, with no penalty. */
            INCONCLUSIVE;

            /**
             * The verdict as status and JSON show it.
             *
             * @return {@code "better"}, {@code "neutral"}, {@code "worse"} or {@code "inconclusive"}
             */
            public String id() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        /**
         * Whether the switch was undone.
         *
         * @return true when the verdict is {@link Verdict#WORSE}
         */
        public boolean reverted() {
            return verdict == Verdict.WORSE;
        }
    }

    /**
     * A tick took longer than the collection interval, or threw; the loop goes on.
     *
     * @param time the tick's time
     * @param problem what went wrong, in words: the exception, the overrun, or a listener that threw
     * @param tickDuration how long the tick took (zero when not measured, e.g. for a listener that threw)
     */
    record TickProblem(Instant time, String problem, Duration tickDuration) implements AutoSAEvent {
    }
}
