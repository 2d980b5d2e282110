// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.Classification;
import dev.autosa.api.Decision;
import dev.autosa.api.Decision.Reason.Kind;
import dev.autosa.api.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log keeps the decisions that changed something; its newest entry is the current decision. */
class DecisionLogTest {

    private static final Classification IDLE = new Classification(Workload.IDLE, 0.83, List.of("few busy cpus"));
    private static final Classification CPU = new Classification(Workload.CPU_BOUND, 1.0, List.of("busy cpus"));

    private static Decision warmingUp(int have) {
        return new Decision(Instant.ofEpochSecond(have), Decision.Action.NONE, IDLE, null,
                new Decision.Reason(Kind.WARMING_UP, 0.83, 0.7, Duration.ofSeconds(have), Duration.ofSeconds(30), null,
                        0),
                "warming up: " + have + "s of 30s of data");
    }

    @Test
    void aReWordedDecisionReplacesTheNewestEntryAndAChangeAddsOne() {
        DecisionLog log = new DecisionLog(10);
        log.offer(warmingUp(1));
        log.offer(warmingUp(2));
        log.offer(warmingUp(5));
        // Still one change (warming up), but status shows where it stands now, not after the first second.
        assertThat(log.snapshot()).extracting(Decision::reason).containsExactly("warming up: 5s of 30s of data");

        Decision low = new Decision(Instant.ofEpochSecond(31), Decision.Action.HOLD, CPU, "scx_rusty",
                new Decision.Reason(Kind.LOW_CONFIDENCE, 0.6, 0.7, Duration.ZERO, Duration.ZERO, null, 0),
                "confidence 0.60 for cpu-bound below threshold 0.70");
        log.offer(low);
        assertThat(log.snapshot()).extracting(Decision::reason)
                .containsExactly("warming up: 5s of 30s of data", "confidence 0.60 for cpu-bound below threshold 0.70");
    }
}
