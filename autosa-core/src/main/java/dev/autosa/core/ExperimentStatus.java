// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.AutoSAEvent;
import dev.autosa.api.Objective;
import dev.autosa.api.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The closed loop at a glance: the objective and its latest value, the switch under test (if
 * any), the last verdict, the workload class held, and the outcome history.
 *
 * @param enabled whether switches are evaluated
 * @param objective the name of the objective in use: the one judging the switch under test, else the one
 *     read in the latest tick (each workload class may have its own, see {@link Objective#forWorkload})
 * @param unit its unit
 * @param direction which way is better
 * @param lastValue the objective's value in the latest tick (NaN when none)
 * @param settlePeriod the configured settle period
 * @param evaluationPeriod the configured evaluation period
 * @param running the switch under test, or null
 * @param lastVerdict the latest experiment's verdict, or null before the first
 * @param heldWorkload the workload class held against the classifier (see {@link ExperimentConfig#stickyMargin()}), or null
 * @param machine this machine's fingerprint, as the history records it
 * @param store where the history is kept ("in memory" or a file)
 * @param history every outcome record
 * @param localHistory this machine's records, each under the objective that judges its workload class
 *     (the records {@code autosa history}, {@code recommend} and the metrics show)
 */
public record ExperimentStatus(boolean enabled, String objective, String unit, Objective.Direction direction,
        double lastValue, Duration settlePeriod, Duration evaluationPeriod, @Nullable Running running,
        AutoSAEvent.@Nullable Evaluated lastVerdict, @Nullable Workload heldWorkload, String machine, String store,
        List<OutcomeRecord> history, List<OutcomeRecord> localHistory) {

    /**
     * A switch under test.
     *
     * @param phase {@code settling} or {@code evaluating}
     * @param elapsed time since the switch
     * @param baselineMedian median objective before the switch
     * @param currentMedian median objective in the evaluation so far (NaN before its first value)
     */
    public record Running(Workload workload, @Nullable String from, @Nullable String to, Instant since, String phase,
            Duration elapsed, int baselineSamples, double baselineMedian, double currentMedian) {
    }
}
