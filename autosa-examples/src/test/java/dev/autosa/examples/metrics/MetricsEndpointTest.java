// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.core.AutoSA;
import dev.autosa.core.Mode;
import dev.autosa.examples.ConstantSource;
import dev.autosa.proc.linux.ScxStatsState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    private static String scrape(MetricsEndpoint m, String accept) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.port()
                + "/metrics")).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void servesTheStatusSeriesTheTickHistogramAndScxStatsInTextAndOpenMetrics() throws Exception {
        ScxStatsState scx = new ScxStatsState(Path.of("/var/run/scx/root/stats"), ScxStatsState.Status.OK, "",
                Map.of("nr_queued_task", 3.0), 7, 1);
        try (AutoSA autosa = AutoSA.builder().mode(Mode.DRY_RUN).aggregationWindow(Duration.ofSeconds(4))
                .stabilityPeriod(Duration.ZERO).minSwitchInterval(Duration.ZERO)
                .metricSource(new ConstantSource(0.99)).build();
                MetricsEndpoint m = new MetricsEndpoint()) {
            for (int i = 0; i < 4; i++) {
                autosa.tick();
            }
            m.tick(300_000);
            m.tick(2_000_000);
            m.start(MetricsAddress.parse("127.0.0.1:0"), autosa::status, autosa::experiments, () -> scx, "9.9.9");
            assertThat(m.port()).isPositive();

            String text = scrape(m, "text/plain");
            assertThat(text)
                    .contains("autosa_build_info{mode=\"dry-run\",version=\"9.9.9\"} 1")
                    .containsPattern("autosa_scheduler_info\\{active=\"scx_rusty\",managed=\"true\","
                            + "recommended=\"scx_rusty\",workload=\"cpu-bound\"} 1")
                    .containsPattern("(?m)^autosa_workload_confidence (0\\.[789]|1\\.0)")
                    .contains("autosa_ticks_total 4.0")
                    .contains("autosa_switches_total 1.0")
                    .contains("autosa_missed_ticks_total 0.0")
                    .contains("autosa_failures_total 0.0")
                    .contains("# TYPE autosa_tick_duration_seconds histogram")
                    .contains("autosa_tick_duration_seconds_bucket{le=\"2.5E-4\"} 0")
                    .contains("autosa_tick_duration_seconds_bucket{le=\"5.0E-4\"} 1")
                    .contains("autosa_tick_duration_seconds_count 2")
                    .contains("autosa_window_mean{metric=\"cpu.busy\"} 0.99")
                    .contains("autosa_scx_stats_up 1.0")
                    .contains("autosa_scx_stats_reads_total 7.0")
                    .containsPattern("(?m)^autosa_last_switch_timestamp_seconds [0-9.E]+$");

            String open = scrape(m, "application/openmetrics-text; version=1.0.0; charset=utf-8");
            assertThat(open).contains("# TYPE autosa_scheduler info").contains("# UNIT autosa_tick_duration_seconds"
                    + " seconds").endsWith("# EOF\n");
        }
    }

    @Test
    void unknownEngineCountersAreExportedUnderTheirOwnSnakeCaseNames() {
        assertThat(StatusCollector.snake("reverts")).isEqualTo("reverts");
        assertThat(StatusCollector.snake("evaluationsKept")).isEqualTo("evaluations_kept");
        assertThat(StatusCollector.snake("a.b-c")).isEqualTo("a_b_c");
    }
}
