// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.metrics;

import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.ExperimentStatus;
import dev.autosa.proc.linux.ScxStatsState;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The daemon's {@code /metrics}: Prometheus text and OpenMetrics (by the scraper's Accept header)
 * over the JDK's own HTTP server, on one daemon thread. Off unless {@code --metrics} or
 * {@code metrics_listen} names an address.
 */
public final class MetricsEndpoint implements AutoCloseable {

    /** Tick durations: a tick takes from about 100 µs to a few ms; above the interval it is a missed tick. */
    private static final double[] TICK_BUCKETS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
        0.1, 0.25, 0.5, 1, 2.5, 5};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Histogram tickDuration;
    private @Nullable HTTPServer server;
    private @Nullable ExecutorService executor;

    /** The series, without a server yet: the loop may start timing ticks before the endpoint listens. */
    public MetricsEndpoint() {
        tickDuration = Histogram.builder().name("autosa_tick_duration_seconds").unit(Unit.SECONDS)
                .help("time one tick took: health check, sample, classify, decide, act")
                .classicOnly().classicUpperBounds(TICK_BUCKETS).withoutExemplars()
                .register(registry);
    }

    /** Records one tick's duration (called on the loop thread). */
    public void tick(long nanos) {
        tickDuration.observe(nanos / 1e9);
    }

    /**
     * Starts serving the status series and the tick histogram at {@code address}.
     *
     * @throws IOException when the address cannot be bound (in use, not an address of this machine)
     */
    public void start(MetricsAddress address, Supplier<AutoSAStatus> status,
            @Nullable Supplier<ExperimentStatus> experiments, @Nullable Supplier<ScxStatsState> scx, String version)
            throws IOException {
        registry.register(new StatusCollector(status, experiments, scx, version));
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "autosa-metrics");
            t.setDaemon(true);
            return t;
        });
        try {
            server = HTTPServer.builder().inetAddress(address.address()).port(address.port()).registry(registry)
                    .executorService(pool).buildAndStart();
        } catch (IOException | RuntimeException e) {
            pool.shutdownNow();
            throw e;
        }
        executor = pool;
    }

    /** The port served (the one chosen when the address asked for port 0); -1 when not serving. */
    public int port() {
        HTTPServer s = server;
        return s == null ? -1 : s.getPort();
    }

    PrometheusRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        HTTPServer s = server;
        if (s != null) {
            s.close();
        }
        ExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
        }
    }
}
