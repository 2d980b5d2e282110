// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.autosa.api.AutoSAEvent;
import dev.autosa.api.Objective;
import dev.autosa.api.Workload;
import dev.autosa.core.ExperimentStatus;
import dev.autosa.core.OutcomeRecord;
import dev.autosa.examples.cli.json.ExperimentJson;
import dev.autosa.examples.cli.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The closed loop as {@code status --json} carries it and as {@code status} prints it. */
class ExperimentJsonTest {

    private static final Instant T = Instant.parse("2026-11-30T13:10:59Z");

    private static final OutcomeRecord CPU0_LOST = new OutcomeRecord("cpus=2 kernel=7.2", "cpu contention",
            Workload.CPU_BOUND, "scx_cpu0", 1, 0, 1, 0, 0, T, List.of(5.25));

    @Test
    void statusShowsTheExperimentTheVerdictAndTheTable() {
        AutoSAEvent.Evaluated verdict = new AutoSAEvent.Evaluated(T, Workload.CPU_BOUND, null, "scx_cpu0",
                AutoSAEvent.Evaluated.Verdict.WORSE, "cpu contention", "wait/work", 0.649, 5.9, 1e-9, 13, 30,
                Duration.ofSeconds(58), "scx_cpu0 made cpu-bound worse: cpu contention 0.649 -> 5.90 wait/work");
        ExperimentStatus x = new ExperimentStatus(true, "cpu contention", "wait/work",
                Objective.Direction.LOWER_IS_BETTER, 0.7, Duration.ofSeconds(10), Duration.ofSeconds(60),
                new ExperimentStatus.Running(Workload.CPU_BOUND, null, "scx_simple", T, "evaluating",
                        Duration.ofSeconds(23), 40, 0.65, Double.NaN),
                verdict, Workload.CPU_BOUND, "cpus=2 kernel=7.2", "/var/lib/autosa/outcomes.tsv",
                List.of(CPU0_LOST), List.of(CPU0_LOST));
        JsonObject json = ExperimentJson.status(x);
        // Through the wire and back, as the client sees it.
        JsonObject back = JsonParser.parseString(Json.COMPACT.toJson(json)).getAsJsonObject();
        assertThat(back.getAsJsonObject("running").get("currentMedian").isJsonNull()).isTrue();
        assertThat(back.getAsJsonObject("lastVerdict").get("verdict").getAsString()).isEqualTo("worse");
        assertThat(back.getAsJsonObject("lastVerdict").get("reverted").getAsBoolean()).isTrue();
        assertThat(ExperimentJson.text(back)).isEqualTo(String.join("\n",
                "objective:    cpu contention 0.700 wait/work (lower is better)",
                "experiment:   scx_simple for cpu-bound: evaluating, 23s of 70s; baseline 0.650 (40 values), now n/a",
                "last verdict: 2026-11-30T13:10:59Z: scx_cpu0 made cpu-bound worse: cpu contention 0.649 -> 5.90"
                        + " wait/work",
                "held class:   cpu-bound",
                "history:      /var/lib/autosa/outcomes.tsv",
                "  WORKLOAD           SCHEDULER      TRIALS  KEPT REVERTED BETTER INCONCLUSIVE  MEDIAN CHANGE"
                        + "  OBJECTIVE / MACHINE",
                "  cpu-bound          scx_cpu0            1     0        1      0            0         +5.250"
                        + "  cpu contention / cpus=2 kernel=7.2",
                "                     last reverted 2026-11-30T13:10:59Z",
                ""));
    }
}
