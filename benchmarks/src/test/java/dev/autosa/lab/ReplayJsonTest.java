// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplayJsonTest {

    @Test
    void readsOneReplayLine() {
        TickRow r = ReplayJson.parseRow("{\"t_ms\":45012,\"workload\":\"cpu-bound\",\"confidence\":0.83,"
                + "\"recommended\":\"scx_rusty\",\"action\":\"hold\",\"reason\":\"stable for 3s of 20s, \\\"x\\\"\"}");
        assertThat(r).isEqualTo(new TickRow(45012, "cpu-bound", 0.83, "hold", "scx_rusty"));
    }

    @Test
    void nullRecommendedIsTheKernelDefault() {
        TickRow r = ReplayJson.parseRow("{ \"t_ms\": 0, \"workload\": \"idle\", \"confidence\": 0, "
                + "\"recommended\": null, \"action\": \"none\" }");
        assertThat(r.recommended()).isNull();
        assertThat(r.isSwitch()).isFalse();
    }

    @Test
    void missingFieldIsNamed() {
        assertThatThrownBy(() -> ReplayJson.parseRow("{\"t_ms\":1,\"workload\":\"idle\",\"action\":\"none\"}"))
                .hasMessage("missing field \"confidence\"");
    }
}
