// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.MachineFacts;
import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import dev.autosa.api.MetricSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A metric source that plays a script of workload phases, one sample per tick, so engine tests
 * can assert what AutoSA decides for known input.
 */
final class ScriptedSource implements MetricSource {

    static final Map<MetricKey, Double> IDLE = profile(0.03, 0.00, 0.01, 600);
    static final Map<MetricKey, Double> CPU = profile(0.97, 0.00, 0.02, 900);
    static final Map<MetricKey, Double> IO = profile(0.15, 0.35, 0.90, 1_500);
    static final Map<MetricKey, Double> LATENCY = profile(0.35, 0.00, 0.02, 40_000);

    private record Phase(String name, int ticks, List<Map<MetricKey, Double>> pattern) {
    }

    static final MachineFacts MACHINE = new MachineFacts(2, 8L << 30, "6.18.0-test");

    private final List<Phase> phases = new ArrayList<>();
    private int phase;
    private int tickInPhase;
    private boolean failNext;

    static Map<MetricKey, Double> profile(double busy, double iowait, double ioUtil, double ctxPerSec) {
        Map<MetricKey, Double> m = new LinkedHashMap<>();
        m.put(MetricKey.CPU_BUSY, busy);
        m.put(MetricKey.CPU_IOWAIT, iowait);
        m.put(MetricKey.IO_UTIL, ioUtil);
        m.put(MetricKey.SCHED_CTX_SWITCHES_PER_SEC, ctxPerSec);
        m.put(MetricKey.MEM_USED_FRACTION, 0.3);
        m.put(MetricKey.MEM_PGFAULTS_PER_SEC, 2_000.0);
        return m;
    }

    /** A phase of {@code seconds} ticks with the same values. */
    ScriptedSource then(String name, int seconds, Map<MetricKey, Double> values) {
        phases.add(new Phase(name, seconds, List.of(values)));
        return this;
    }

    /** Alternates {@code a} for {@code aTicks} and {@code b} for {@code bTicks}. */
    ScriptedSource thenBursty(String name, int seconds, Map<MetricKey, Double> a, int aTicks,
            Map<MetricKey, Double> b, int bTicks) {
        List<Map<MetricKey, Double>> pattern = new ArrayList<>();
        for (int i = 0; i < aTicks; i++) {
            pattern.add(a);
        }
        for (int i = 0; i < bTicks; i++) {
            pattern.add(b);
        }
        phases.add(new Phase(name, seconds, pattern));
        return this;
    }

    int totalTicks() {
        return phases.stream().mapToInt(Phase::ticks).sum();
    }

    void failNextSample() {
        failNext = true;
    }

    /** A fixed 2-CPU machine, so verdicts do not depend on the machine the tests run on. */
    @Override
    public MachineFacts machine() {
        return MACHINE;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public void sample(MetricSink sink) throws java.io.IOException {
        if (failNext) {
            failNext = false;
            throw new java.io.IOException("injected: /proc/stat truncated");
        }
        Phase p = phases.get(phase);
        Map<MetricKey, Double> values = p.pattern().get(tickInPhase % p.pattern().size());
        for (Map.Entry<MetricKey, Double> e : values.entrySet()) {
            sink.put(e.getKey(), e.getValue());
        }
        if (++tickInPhase == p.ticks() && phase < phases.size() - 1) {
            phase++;
            tickInPhase = 0;
        }
    }
}
