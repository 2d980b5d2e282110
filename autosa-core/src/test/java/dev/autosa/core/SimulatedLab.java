// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import dev.autosa.api.MetricSource;
import dev.autosa.api.Objective;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * A simulated machine for closed-loop tests: a {@link SimulatedController} whose schedulers change
 * the objective by known factors (on top of seeded Gaussian noise, optionally autocorrelated), and
 * a metric source whose workload profile may depend on the scheduler that runs (a scheduler that
 * changes the very metrics the classifier reads).
 */
final class SimulatedLab {

    /** The workload profile for a tick, given what runs (null: the kernel default). */
    interface Workload {
        Map<MetricKey, Double> at(int tick, @Nullable String running);
    }

    final SimulatedController controller;
    private final Map<String, Double> factors = new HashMap<>();
    private final Random random;
    private final double base;
    private final double noise;
    private final double autocorrelation;
    private double lastNoise;
    private Workload workload = (t, r) -> ScriptedSource.CPU;
    private int ticks;

    /**
     * @param seed the noise's seed
     * @param base the objective's mean under the kernel default
     * @param noise the noise's standard deviation
     * @param autocorrelation AR(1) coefficient of the noise (0: independent ticks)
     */
    SimulatedLab(long seed, double base, double noise, double autocorrelation) {
        this(seed, base, noise, autocorrelation, new SimulatedController());
    }

    /** A lab whose controller has {@code installed} (e.g. the guest's kernel-tree schedulers). */
    SimulatedLab(long seed, List<String> installed) {
        this(seed, 1.0, 0.0, 0, new SimulatedController(installed));
    }

    private SimulatedLab(long seed, double base, double noise, double autocorrelation, SimulatedController controller) {
        this.controller = controller;
        this.random = new Random(seed);
        this.base = base;
        this.noise = noise;
        this.autocorrelation = autocorrelation;
    }

    /** While {@code scheduler} runs, the objective's mean is {@code factor} times the base. */
    SimulatedLab effect(String scheduler, double factor) {
        factors.put(scheduler, factor);
        return this;
    }

    SimulatedLab workload(Workload w) {
        workload = w;
        return this;
    }

    private @Nullable String running() {
        return controller.current().scheduler();
    }

    /** An application-style objective, "latency" in ms, lower is better. */
    Objective objective() {
        return Objective.of("latency", "ms", Objective.Direction.LOWER_IS_BETTER, () -> {
            String r = running();
            double mean = base * (r == null ? 1.0 : factors.getOrDefault(r, 1.0));
            double innovation = random.nextGaussian() * noise;
            // AR(1) with the same marginal standard deviation as the independent case.
            lastNoise = autocorrelation * lastNoise + Math.sqrt(1 - autocorrelation * autocorrelation) * innovation;
            return mean + lastNoise;
        });
    }

    MetricSource source() {
        return new MetricSource() {
            @Override
            public String name() {
                return "lab";
            }

            @Override
            public boolean isAvailable() {
                return true;
            }

            @Override
            public void sample(MetricSink sink) {
                Map<MetricKey, Double> values = workload.at(ticks++, running());
                for (Map.Entry<MetricKey, Double> e : values.entrySet()) {
                    sink.put(e.getKey(), e.getValue());
                }
            }
        };
    }
}
