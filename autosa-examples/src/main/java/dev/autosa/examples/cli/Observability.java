// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import com.google.gson.JsonObject;
import dev.autosa.api.MetricSource;
import dev.autosa.core.AutoSA;
import dev.autosa.examples.metrics.MetricsAddress;
import dev.autosa.examples.metrics.MetricsEndpoint;
import dev.autosa.examples.metrics.TimedLoopExecutor;
import dev.autosa.proc.linux.ScxStatsSource;
import dev.autosa.proc.linux.ScxStatsState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the daemon shows operators besides its control socket: the running scheduler's own
 * statistics (scx_stats) in the window and in {@code status}, and, when an address is given, the
 * Prometheus endpoint with a tick-duration histogram. Set up on the builder before the engine is
 * built, started after, closed after the engine.
 */
final class Observability implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("autosa");

    private final @Nullable ScxStatsSource scx;
    private final @Nullable MetricsAddress address;
    private final @Nullable MetricsEndpoint metrics;
    private final @Nullable TimedLoopExecutor loop;

    private Observability(@Nullable ScxStatsSource scx, @Nullable MetricsAddress address,
            @Nullable MetricsEndpoint metrics, @Nullable TimedLoopExecutor loop) {
        this.scx = scx;
        this.address = address;
        this.metrics = metrics;
        this.loop = loop;
    }

    /**
     * Wraps the metric source (the {@code --proc-root} one, else the discovered one) so it adds the
     * scheduler's scx_stats, and, with a metrics address, runs the loop on a thread that times ticks.
     *
     * @param metricsFlag {@code --metrics}, which overrides the file's {@code metrics_listen}
     * @throws CliException (exit 2) for a bad address or proc root
     */
    static Observability prepare(AutoSA.Builder builder, @Nullable String metricsFlag,
            @Nullable ConfigFile file, @Nullable Path procRoot, ClassLoader loader) {
        MetricsAddress address = file != null ? file.metricsListen() : null;
        if (metricsFlag != null) {
            try {
                address = MetricsAddress.parse(metricsFlag);
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--metrics: " + e.getMessage());
            }
        }
        MetricSource source = procRoot != null ? MetricSources.forProcRoot(procRoot)
                : Providers.discover(MetricSource.class, loader).provider();
        ScxStatsSource scx = null;
        if (source != null) {
            scx = ScxStatsSource.wrap(source).build();
            builder.metricSource(scx);
        }
        MetricsEndpoint metrics = null;
        TimedLoopExecutor loop = null;
        if (address != null) {
            metrics = new MetricsEndpoint();
            loop = new TimedLoopExecutor(metrics::tick);
            builder.executor(loop);
        }
        return new Observability(scx, address, metrics, loop);
    }

    /**
     * Starts the metrics endpoint, if one was asked for. A scrape reads the status as the control
     * socket does, so it does not wait while the engine starts a scheduler.
     *
     * @throws CliException when the address cannot be bound
     */
    void start(LiveStatus live) {
        if (metrics == null || address == null) {
            return;
        }
        ScxStatsSource s = scx;
        try {
            metrics.start(address, live::status, live::experiments, s == null ? null : s::state,
                    VersionProvider.version());
        } catch (IOException e) {
            throw CliException.failure("cannot serve metrics on " + address + ": " + e.getMessage());
        }
        String host = address.address().getHostAddress();
        LOG.info("metrics on http://{}:{}/metrics", host.contains(":") ? "[" + host + "]" : host, metrics.port());
    }

    /** The scheduler's own statistics for {@code status}, or null when there is no source to read them. */
    @Nullable JsonObject scxStatsJson() {
        if (scx == null) {
            return null;
        }
        ScxStatsState st = scx.state();
        JsonObject o = new JsonObject();
        o.addProperty("socket", st.socket().toString());
        o.addProperty("status", st.status().id());
        o.addProperty("detail", st.detail());
        o.addProperty("reads", st.reads());
        o.addProperty("failures", st.failures());
        JsonObject values = new JsonObject();
        for (Map.Entry<String, Double> e : new TreeMap<>(st.values()).entrySet()) {
            values.addProperty(e.getKey(), e.getValue());
        }
        o.add("values", values);
        return o;
    }

    /** Stops the endpoint and the loop thread; the engine is closed first (it stops the loop's task). */
    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
        if (loop != null) {
            loop.shutdownNow();
        }
    }
}
