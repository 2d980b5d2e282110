// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.micrometer;

import dev.autosa.api.Classification;
import dev.autosa.api.MetricKey;
import dev.autosa.api.Workload;
import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Binds an embedded {@link AutoSA} to a Micrometer registry:
 *
 * <pre>{@code
 * new AutoSAMetrics(autosa).bindTo(registry);   // e.g. Spring Boot's MeterRegistry bean
 * }</pre>
 *
 * <p>Meters (names as Micrometer spells them; a Prometheus registry renders {@code autosa.ticks} as
 * {@code autosa_ticks_total}, the same series the daemon's endpoint serves):
 * <ul>
 *   <li>{@code autosa.ticks}, {@code autosa.missed.ticks}, {@code autosa.switches},
 *       {@code autosa.holds}, {@code autosa.failures}: function counters;</li>
 *   <li>{@code autosa.workload.confidence}: the classification's confidence, 0..1;</li>
 *   <li>{@code autosa.workload} tagged {@code workload}, {@code autosa.scheduler.recommended} and
 *       {@code autosa.scheduler.active} tagged {@code scheduler}: 1 for the current one, 0 for the
 *       others (a state set over the standard workloads and the preference table's schedulers, plus
 *       {@code kernel_default}: a fixed set of tags, so no meter comes and goes);</li>
 *   <li>{@code autosa.window.mean} tagged {@code metric}: the window's mean of each standard metric;</li>
 *   <li>{@code autosa.running}: 1 while the loop runs.</li>
 * </ul>
 *
 * <p>Every value is read from {@link AutoSA#status()} when the registry asks; one snapshot serves
 * all meters for {@link #SNAPSHOT_REUSE_NANOS} so a scrape costs one snapshot, not one per meter.
 */
public final class AutoSAMetrics implements MeterBinder {

    /** How long one status snapshot answers every meter (the engine ticks once a second by default). */
    public static final long SNAPSHOT_REUSE_NANOS = 500_000_000L;

    /** The tag value for the kernel's own scheduler (EEVDF), which has no {@code scx_*} name. */
    public static final String KERNEL_DEFAULT = "kernel_default";

    /** The keys the standard Linux source writes; the window's means of these become gauges. */
    static final List<MetricKey> STANDARD_KEYS = List.of(MetricKey.CPU_BUSY, MetricKey.CPU_USER,
            MetricKey.CPU_SYSTEM, MetricKey.CPU_IOWAIT, MetricKey.CPU_STEAL, MetricKey.SCHED_CTX_SWITCHES_PER_SEC,
            MetricKey.SCHED_RUNNABLE_PER_CPU, MetricKey.SCHED_BLOCKED, MetricKey.SCHED_FORKS_PER_SEC,
            MetricKey.SCHED_RUNQUEUE_WAIT_PER_SEC, MetricKey.MEM_USED_FRACTION, MetricKey.MEM_PGFAULTS_PER_SEC,
            MetricKey.MEM_MAJOR_FAULTS_PER_SEC, MetricKey.MEM_SWAP_PER_SEC, MetricKey.IO_READ_BYTES_PER_SEC,
            MetricKey.IO_WRITE_BYTES_PER_SEC, MetricKey.IO_OPS_PER_SEC, MetricKey.IO_UTIL, MetricKey.PSI_CPU_SOME,
            MetricKey.PSI_IO_SOME, MetricKey.PSI_IO_FULL, MetricKey.PSI_MEM_SOME, MetricKey.PSI_MEM_FULL);

    private static final List<Workload> STANDARD_WORKLOADS = List.of(Workload.IDLE, Workload.CPU_BOUND,
            Workload.IO_BOUND, Workload.MEMORY_BOUND, Workload.LATENCY_SENSITIVE, Workload.MIXED);

    private final AutoSA autosa;
    private final Tags tags;
    private final LongSupplier nanoTime;
    private final Object lock = new Object();
    private @Nullable AutoSAStatus snapshot;
    private long snapshotNanos;

    /**
     * Binds {@code autosa} with no extra tags.
     *
     * @param autosa the engine whose status the meters read; not null
     */
    public AutoSAMetrics(AutoSA autosa) {
        this(autosa, Tags.empty());
    }

    /**
     * Binds {@code autosa}, adding {@code tags} to every meter (e.g. {@code engine=batch} for a second engine).
     *
     * @param autosa the engine whose status the meters read; not null
     * @param tags added to every meter; may be empty
     */
    public AutoSAMetrics(AutoSA autosa, Iterable<Tag> tags) {
        this(autosa, tags, System::nanoTime);
    }

    /** For tests: {@code nanoTime} decides when a snapshot is too old to reuse. */
    AutoSAMetrics(AutoSA autosa, Iterable<Tag> tags, LongSupplier nanoTime) {
        this.autosa = Objects.requireNonNull(autosa, "autosa");
        this.tags = Tags.of(tags);
        this.nanoTime = nanoTime;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "autosa.ticks", "ticks run", s -> s.ticks());
        counter(registry, "autosa.missed.ticks", "ticks that took longer than the collection interval or failed",
                s -> s.slowTicks());
        counter(registry, "autosa.switches", "scheduler switches performed (or simulated in dry-run)",
                s -> count(s, "switches"));
        counter(registry, "autosa.holds", "ticks on which a recommended switch was held back by the policy",
                s -> count(s, "holds"));
        counter(registry, "autosa.failures", "scheduler failures (start failed, exited, ejected by the kernel)",
                s -> count(s, "failures"));

        gauge(registry, "autosa.running", "1 while the loop runs", Tags.empty(), s -> s.running() ? 1 : 0);
        gauge(registry, "autosa.workload.confidence", "confidence of the current workload classification, 0..1",
                Tags.empty(), s -> s.classification() == null ? Double.NaN : s.classification().confidence());

        for (Workload w : workloads()) {
            gauge(registry, "autosa.workload", "1 for the current workload class, 0 for the others",
                    Tags.of("workload", w.id()), s -> isWorkload(s.classification(), w) ? 1 : 0);
        }
        for (String name : schedulers()) {
            gauge(registry, "autosa.scheduler.recommended", "1 for the recommended scheduler, 0 for the others",
                    Tags.of("scheduler", name), s -> name.equals(tagOf(s.recommended())) ? 1 : 0);
            gauge(registry, "autosa.scheduler.active", "1 for the scheduler the kernel runs, 0 for the others",
                    Tags.of("scheduler", name),
                    s -> name.equals(tagOf(s.active().isKernelDefault() ? null : s.active().scheduler())) ? 1 : 0);
        }
        for (MetricKey key : STANDARD_KEYS) {
            gauge(registry, "autosa.window.mean", "mean of the metric over the aggregation window",
                    Tags.of("metric", key.name()), s -> s.windowMeans().getOrDefault(key.name(), Double.NaN));
        }
    }

    private Set<Workload> workloads() {
        Set<Workload> all = new LinkedHashSet<>(STANDARD_WORKLOADS);
        all.addAll(autosa.config().preferences().preferences().keySet());
        return all;
    }

    private List<String> schedulers() {
        Set<String> names = new LinkedHashSet<>();
        names.add(KERNEL_DEFAULT);
        for (List<String> candidates : autosa.config().preferences().preferences().values()) {
            names.addAll(candidates);
        }
        return new ArrayList<>(names);
    }

    private static boolean isWorkload(@Nullable Classification c, Workload w) {
        return c != null && c.workload().equals(w);
    }

    private static String tagOf(@Nullable String scheduler) {
        return scheduler == null ? KERNEL_DEFAULT : scheduler;
    }

    private static long count(AutoSAStatus s, String counter) {
        Long v = s.counters().asMap().get(counter);
        return v == null ? 0 : v;
    }

    private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<AutoSAStatus> f) {
        FunctionCounter.builder(name, this, m -> f.applyAsDouble(m.status()))
                .description(description)
                .tags(tags)
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, Tags extra,
            ToDoubleFunction<AutoSAStatus> f) {
        Gauge.builder(name, this, m -> f.applyAsDouble(m.status()))
                .description(description)
                .tags(tags.and(extra))
                .strongReference(true)
                .register(registry);
    }

    /** The status snapshot for this read: reused while younger than {@link #SNAPSHOT_REUSE_NANOS}. */
    AutoSAStatus status() {
        synchronized (lock) {
            long now = nanoTime.getAsLong();
            AutoSAStatus s = snapshot;
            if (s == null || now - snapshotNanos >= SNAPSHOT_REUSE_NANOS) {
                s = autosa.status();
                snapshot = s;
                snapshotNanos = now;
            }
            return s;
        }
    }
}
