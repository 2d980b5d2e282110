// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics endpoint as an operator runs it: the daemon serves {@code --metrics}, a real
 * Prometheus server (Debian's package, installed here when missing and we are root) scrapes it, and
 * its HTTP API returns AutoSA's series; {@code promtool check metrics} accepts the endpoint's text.
 * Run alone with {@code -Dtest=PrometheusIT}; leave it out with {@code -DexcludedTestGroups=vm,slow,prometheus}.
 */
@Tag("prometheus")
class PrometheusIT {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRealPrometheusScrapesTheDaemonAndPromtoolAcceptsItsOutput() throws Exception {
        ensurePrometheusInstalled();
        Path socket = tmp.resolve("autosa.sock");
        try (Cli.Daemon daemon = Cli.start(socket, "--mode", "dry-run", "--aggregation-window", "4", "--no-jmx",
                "--metrics", "127.0.0.1:0")) {
            Matcher m = Pattern.compile("metrics on http://127\\.0\\.0\\.1:([0-9]+)/metrics").matcher(daemon.log());
            assertThat(m.find()).as(daemon.log()).isTrue();
            int port = Integer.parseInt(m.group(1));

            String text = get("http://127.0.0.1:" + port + "/metrics");
            assertThat(text).contains("autosa_ticks_total", "autosa_scheduler_info{", "autosa_window_mean{");
            Path scraped = tmp.resolve("metrics.txt");
            Files.writeString(scraped, text);
            ProcessResult check = run(List.of(PROMTOOL.toString(), "check", "metrics"), scraped);
            assertThat(check.exit()).as(check.output()).isZero();

            int promPort = freePort();
            Path config = tmp.resolve("prometheus.yml");
            Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                    + "scrape_configs:\n  - job_name: autosa\n    static_configs:\n"
                    + "      - targets: ['127.0.0.1:" + port + "']\n");
            Path log = tmp.resolve("prometheus.log");
            Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + tmp.resolve("data"), "--web.listen-address=127.0.0.1:" + promPort,
                    "--log.level=warn").redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                String api = "http://127.0.0.1:" + promPort + "/api/v1/query?query=";
                Cli.awaitTrue(() -> "prometheus to scrape autosa; its log:\n" + read(log),
                        () -> !query(api, "autosa_ticks_total").isEmpty());
                assertThat(query(api, "up{job=\"autosa\"}").get(0).getAsJsonObject().getAsJsonArray("value")
                        .get(1).getAsString()).isEqualTo("1");
                JsonObject info = query(api, "autosa_scheduler_info").get(0).getAsJsonObject().getAsJsonObject(
                        "metric");
                assertThat(info.get("active").getAsString()).isNotBlank();
                assertThat(info.has("recommended")).isTrue();
                assertThat(info.has("workload")).isTrue();
                assertThat(query(api, "autosa_build_info{mode=\"dry-run\"}")).hasSize(1);
                assertThat(query(api, "autosa_workload_confidence")).hasSize(1);
                assertThat(query(api, "autosa_window_mean{metric=\"cpu.busy\"}")).hasSize(1);
                for (String counter : List.of("autosa_switches_total", "autosa_holds_total", "autosa_failures_total",
                        "autosa_missed_ticks_total")) {
                    assertThat(query(api, counter)).as(counter).hasSize(1);
                }
                Cli.awaitTrue(() -> "a tick-duration histogram with observations",
                        () -> !query(api, "autosa_tick_duration_seconds_count > 0").isEmpty());
                assertThat(query(api, "autosa_tick_duration_seconds_bucket")).hasSizeGreaterThan(10);
                dashboardQueriesRun(api);
            } finally {
                prometheus.destroy();
                if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
        }
    }

    /**
     * Every query of the shipped Grafana dashboard is valid PromQL (the API answers "success") and
     * finds series, except the scx_stats panel on a machine without a scx_stats scheduler.
     */
    private void dashboardQueriesRun(String api) throws IOException {
        JsonObject dashboard = JsonParser.parseString(Files.readString(Path.of("src/main/packaging/autosa-grafana.json")))
                .getAsJsonObject();
        int queries = 0;
        for (var panel : dashboard.getAsJsonArray("panels")) {
            for (var target : panel.getAsJsonObject().getAsJsonArray("targets")) {
                String expr = target.getAsJsonObject().get("expr").getAsString().replace("$instance", ".*");
                // Rates need two scrapes: wait for data rather than time it.
                if (expr.contains("scx")) {
                    query(api, expr);
                } else {
                    Cli.awaitTrue(() -> "series for the dashboard's " + expr, () -> !query(api, expr).isEmpty());
                }
                queries++;
            }
        }
        assertThat(queries).isGreaterThan(8);
    }

    /** Installs Debian's prometheus package when it is missing and we may (root, apt-get); else skips. */
    private static void ensurePrometheusInstalled() throws Exception {
        if (Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL)) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Assumptions.assumeTrue(root && Files.isExecutable(Path.of("/usr/bin/apt-get")),
                "prometheus is not installed (apt-get install prometheus) and we cannot install it here");
        Path log = Files.createTempFile("autosa-apt", ".log");
        try {
            for (List<String> cmd : List.of(List.of("apt-get", "update", "-qq"),
                    List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "prometheus"))) {
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
                pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
                Process p = pb.start();
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                }
                assertThat(p.exitValue()).as(String.join(" ", cmd) + ":\n" + Files.readString(log)).isZero();
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private JsonArray query(String api, String promql) {
        try {
            String body = get(api + URLEncoder.encode(promql, StandardCharsets.UTF_8));
            JsonObject o = JsonParser.parseString(body).getAsJsonObject();
            assertThat(o.get("status").getAsString()).as(body).isEqualTo("success");
            return o.getAsJsonObject("data").getAsJsonArray("result");
        } catch (IOException e) {
            return new JsonArray();
        }
    }

    private String get(String url) throws IOException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException(url + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private record ProcessResult(int exit, String output) {
    }

    private static ProcessResult run(List<String> cmd, Path stdin) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(stdin.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(p.exitValue(), out);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
