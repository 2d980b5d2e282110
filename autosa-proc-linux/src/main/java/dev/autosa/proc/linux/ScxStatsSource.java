// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import dev.autosa.api.MachineFacts;
import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import dev.autosa.api.MetricSource;
import dev.autosa.proc.linux.ScxStatsState.Status;
import dev.autosa.proc.linux.internal.scxstats.StatsClient;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A metric source that adds the running sched_ext scheduler's own statistics to another source's
 * sample. Rust schedulers built on scx_stats answer {@code {"req":"stat","args":{"target":"top"}}}
 * on a Unix socket ({@link #DEFAULT_SOCKET}); each numeric field of the answer becomes the metric
 * {@code scx.<field>} in the window, so it shows in {@code status}, the metrics endpoint and
 * whatever reads the window (the classifier, an objective).
 *
 * <p>The exchange runs on a reader thread of its own, never on the tick's: each tick starts a
 * request (unless one is still out) and waits for it at most the {@linkplain Builder#budget
 * budget}; an answer that comes later is used by the next tick. The exchange itself is bounded by
 * the {@linkplain Builder#timeout timeout} and the {@linkplain Builder#maxBytes size limit}. While no
 * socket exists the source looks for one every {@value #ABSENT_RECHECK_TICKS} ticks only.
 */
public final class ScxStatsSource implements MetricSource {

    /** Where scx_stats schedulers serve their statistics. */
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/scx/root/stats");
    /** The longest a tick waits for an answer. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(20);
    /** The longest one exchange may take on the reader thread. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    /** The longest reply accepted. */
    public static final int DEFAULT_MAX_BYTES = 256 * 1024;
    /** The prefix of the metric keys this source adds. */
    public static final String KEY_PREFIX = "scx.";
    /** While the socket is absent, it is looked for again after this many ticks. */
    public static final int ABSENT_RECHECK_TICKS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(ScxStatsSource.class);

    private final MetricSource delegate;
    private final Path socket;
    private final File socketFile;
    private final String absentDetail;
    private final long budgetNanos;
    private final StatsClient client;
    private final ExecutorService reader;
    private final boolean ownsReader;
    private final Map<String, MetricKey> keys = new HashMap<>();
    private @Nullable Future<Map<String, Double>> inFlight;
    private int ticksUntilLook;
    private long reads;
    private long failures;
    private volatile ScxStatsState state;

    private ScxStatsSource(Builder b, ExecutorService reader, boolean ownsReader) {
        this.delegate = b.delegate;
        this.socket = b.socket;
        this.socketFile = b.socket.toFile();
        this.absentDetail = "no socket " + socket + ": the running scheduler (if any) does not serve scx_stats";
        this.budgetNanos = b.budget.toNanos();
        this.client = new StatsClient(b.socket, b.timeout, b.maxBytes);
        this.reader = reader;
        this.ownsReader = ownsReader;
        this.state = new ScxStatsState(socket, Status.ABSENT, "not read yet", Map.of(), 0, 0);
    }

    /**
     * Starts a source that adds scx_stats readings to {@code delegate}'s sample.
     *
     * @param delegate the source whose sample the readings are added to
     * @return a builder with the default socket, budget, timeout and size limit
     */
    public static Builder wrap(MetricSource delegate) {
        return new Builder(delegate);
    }

    /** The wrapped source's name: this source only adds to it. */
    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int priority() {
        return delegate.priority();
    }

    @Override
    public boolean isAvailable() {
        return delegate.isAvailable();
    }

    /**
     * The wrapped source's machine: the classifier scales its thresholds with its CPU count (the
     * JVM's own count differs under a CPU limit or with another proc root).
     */
    @Override
    public MachineFacts machine() {
        return delegate.machine();
    }

    /**
     * What the last reading gave, from any thread.
     *
     * @return the state after the last exchange
     */
    public ScxStatsState state() {
        return state;
    }

    /** The request still out, for tests that wait for the reader without timing it. */
    @Nullable Future<Map<String, Double>> inFlight() {
        return inFlight;
    }

    @Override
    public void sample(MetricSink sink) throws IOException {
        delegate.sample(sink);
        if (inFlight == null && !startRequest()) {
            return;
        }
        Future<Map<String, Double>> f = Objects.requireNonNull(inFlight);
        Map<String, Double> values;
        try {
            values = f.get(budgetNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            values = null;
        } catch (ExecutionException e) {
            inFlight = null;
            failed(e.getCause() == null ? e : e.getCause());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (values == null) {
            ScxStatsState s = state;
            state = new ScxStatsState(socket, Status.PENDING, "no answer within the tick's budget of "
                    + Duration.ofNanos(budgetNanos).toMillis() + " ms; the reader is still waiting", s.values(), reads,
                    failures);
            return;
        }
        inFlight = null;
        reads++;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            sink.put(keys.computeIfAbsent(e.getKey(), n -> MetricKey.of(KEY_PREFIX + n)), e.getValue());
        }
        if (state.status() != Status.OK) {
            LOG.info("reading the scheduler's statistics from {} ({} fields)", socket, values.size());
        }
        state = new ScxStatsState(socket, Status.OK, "", values, reads, failures);
    }

    /** Sends a request when the socket is there; false when there is none (looked for every few ticks). */
    private boolean startRequest() {
        if (ticksUntilLook > 0) {
            ticksUntilLook--;
            return false;
        }
        // java.io.File: Files.exists builds two exceptions for a missing file, on most looks here.
        if (!socketFile.exists()) {
            ticksUntilLook = ABSENT_RECHECK_TICKS - 1;
            ScxStatsState s = state;
            if (s.status() != Status.ABSENT || !s.detail().equals(absentDetail)) {
                state = new ScxStatsState(socket, Status.ABSENT, absentDetail, Map.of(), reads, failures);
            }
            return false;
        }
        inFlight = reader.submit(client::read);
        return true;
    }

    private void failed(Throwable cause) {
        failures++;
        String detail = cause instanceof IOException ? String.valueOf(cause.getMessage())
                : socket + ": " + cause;
        ScxStatsState before = state;
        if (before.status() != Status.FAILED || !before.detail().equals(detail)) {
            LOG.warn("could not read the scheduler's statistics: {}", detail);
        }
        // A scheduler that stopped serving usually went away; look again after a few ticks.
        ticksUntilLook = ABSENT_RECHECK_TICKS - 1;
        state = new ScxStatsState(socket, Status.FAILED, detail, Map.of(), reads, failures);
    }

    /** Closes the wrapped source and stops the reader thread (a request that is out is abandoned). */
    @Override
    public void close() throws IOException {
        try {
            delegate.close();
        } finally {
            Future<Map<String, Double>> f = inFlight;
            if (f != null) {
                f.cancel(true);
            }
            if (ownsReader) {
                reader.shutdownNow();
            }
        }
    }

    /** Settings of a {@link ScxStatsSource}; each is checked when set. */
    public static final class Builder {

        private final MetricSource delegate;
        private Path socket = DEFAULT_SOCKET;
        private Duration budget = DEFAULT_BUDGET;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxBytes = DEFAULT_MAX_BYTES;
        private @Nullable ExecutorService executor;

        private Builder(MetricSource delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        /**
         * The scx_stats socket (default {@link ScxStatsSource#DEFAULT_SOCKET}).
         *
         * @param path the socket
         * @return this builder
         */
        public Builder socket(Path path) {
            socket = Objects.requireNonNull(path, "socket");
            return this;
        }

        /**
         * The longest a tick waits for an answer, 0..1 s (default 20 ms); 0 never waits.
         *
         * @param d the budget
         * @return this builder
         * @throws IllegalArgumentException if it is out of range
         */
        public Builder budget(Duration d) {
            if (d.isNegative() || d.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalArgumentException("scx stats budget must be in [0 ms, 1000 ms] but was "
                        + d.toMillis() + " ms");
            }
            budget = d;
            return this;
        }

        /**
         * The longest one exchange may take on the reader thread, 1 ms..60 s (default 1 s).
         *
         * @param d the timeout
         * @return this builder
         * @throws IllegalArgumentException if it is out of range
         */
        public Builder timeout(Duration d) {
            if (d.compareTo(Duration.ofMillis(1)) < 0 || d.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("scx stats timeout must be in [1 ms, 60000 ms] but was "
                        + d.toMillis() + " ms");
            }
            timeout = d;
            return this;
        }

        /**
         * The longest reply accepted, 64 bytes..16 MiB (default 256 KiB).
         *
         * @param bytes the limit
         * @return this builder
         * @throws IllegalArgumentException if it is out of range
         */
        public Builder maxBytes(int bytes) {
            if (bytes < 64 || bytes > 16 << 20) {
                throw new IllegalArgumentException("scx stats max bytes must be in [64, 16777216] but was " + bytes);
            }
            maxBytes = bytes;
            return this;
        }

        /**
         * Runs the exchanges here instead of on a daemon thread of the source's own (not shut down on close).
         *
         * @param e the executor
         * @return this builder
         */
        public Builder executor(ExecutorService e) {
            executor = Objects.requireNonNull(e, "executor");
            return this;
        }

        /**
         * Creates the source; the first exchange starts with its first sample.
         *
         * @return a new source with these settings
         */
        public ScxStatsSource build() {
            if (executor != null) {
                return new ScxStatsSource(this, executor, false);
            }
            ExecutorService own = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "autosa-scx-stats");
                t.setDaemon(true);
                return t;
            });
            return new ScxStatsSource(this, own, true);
        }
    }
}
