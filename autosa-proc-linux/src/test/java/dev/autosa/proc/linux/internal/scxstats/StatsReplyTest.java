// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scxstats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class StatsReplyTest {

    private static Map<String, Double> parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return StatsReply.parse(b, b.length);
    }

    private static Map<String, Double> fixture(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(StatsReplyTest.class.getResourceAsStream("/scxstats/" + name))) {
            byte[] b = in.readAllBytes();
            int end = b.length;
            while (end > 0 && b[end - 1] == '\n') {
                end--;
            }
            return StatsReply.parse(b, end);
        }
    }

    @Test
    void lavdLikeTopKeepsNumbersAndBooleansSkipsStringsAndNesting() throws IOException {
        Map<String, Double> v = fixture("lavd-top.json");
        assertThat(v).containsEntry("nr_queued_task", 3.0).containsEntry("pc_lat_cri", 48.25)
                .containsEntry("cpuc_cur_util", 0.43).containsEntry("big_core_only", 0.0)
                .containsEntry("at_us", 1.732981234e15)
                .doesNotContainKeys("power_mode", "layers");
        assertThat(v).hasSize(16);
    }

    @Test
    void rustyLikeTopSkipsArraysAndNestedDomains() throws IOException {
        Map<String, Double> v = fixture("rusty-top.json");
        assertThat(v).containsEntry("cpu_busy", 61.3).containsEntry("slice_us", 20000.0)
                .doesNotContainKeys("nodes", "direct_greedy_cpus", "kick_greedy_cpus");
        assertThat(v).hasSize(23);
    }

    @Test
    void namesBecomeValidMetricKeyParts() {
        assertThat(parse("{\"errno\":0,\"args\":{\"resp\":{\"Nr Queued.Tasks\":1}}}"))
                .containsOnlyKeys("nr_queued_tasks");
        assertThat(StatsReply.name("x".repeat(100))).hasSize(StatsReply.MAX_NAME);
    }

    @Test
    void fieldsBeyondTheLimitAreIgnored() {
        StringBuilder b = new StringBuilder("{\"errno\":0,\"args\":{\"resp\":{");
        for (int i = 0; i < 200; i++) {
            b.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        }
        b.append("}}}");
        assertThat(parse(b.toString())).hasSize(StatsReply.MAX_FIELDS).containsEntry("f63", 63.0);
    }

    @Test
    void malformedOrHostileRepliesAreRefusedWithWhere() {
        assertThatThrownBy(() -> parse("{\"errno\":0,\"args\":{\"resp\":{\"a\":}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed scx_stats reply at byte ");
        assertThatThrownBy(() -> parse("{\"errno\":0,\"args\":{\"resp\":{\"a\":" + "[".repeat(10_000)))
                .hasMessageContaining("nested deeper than " + StatsReply.MAX_DEPTH);
        assertThatThrownBy(() -> parse("{\"errno\":0,\"args\":{\"resp\":{}}} trailing"))
                .hasMessageContaining("text after the reply");
        assertThatThrownBy(() -> parse("{\"errno\":0,\"args\":{}}"))
                .hasMessage("the reply has no args.resp object");
        assertThatThrownBy(() -> parse("{\"errno\":22,\"args\":{\"resp\":{}}}"))
                .hasMessage("the scheduler answered errno 22");
        assertThatThrownBy(() -> parse("{\"errno\":0,\"args\":{\"resp\":{\"a\":\"unterminated")).hasMessageContaining(
                "unterminated string");
    }
}
