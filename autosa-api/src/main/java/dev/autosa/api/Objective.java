// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.util.function.DoubleSupplier;

/**
 * What "better" means for the machine or the service AutoSA runs in: one number read every tick,
 * with a direction and a unit. After each switch the engine compares the objective before and
 * after and reverts a switch that made it worse. Found with {@link java.util.ServiceLoader} like
 * the other SPIs; an instance given to the builder (e.g. a service's own p99 latency through
 * {@link #of}) wins over discovery.
 *
 * <p>The engine calls {@link #read(WindowView)} from its single loop thread, once per tick, after
 * the tick's sample entered the window.
 */
public interface Objective extends Provider {

    /** Which way is better. */
    enum Direction {
        /** Smaller values are better, e.g. latency or run-queue wait. */
        LOWER_IS_BETTER,
        /** Larger values are better, e.g. throughput. */
        HIGHER_IS_BETTER;

        /**
         * The direction in words, for status and logs.
         *
         * @return {@code "lower is better"} or {@code "higher is better"}
         */
        public String id() {
            return this == LOWER_IS_BETTER ? "lower is better" : "higher is better";
        }
    }

    /**
     * The unit of the value, for reports.
     *
     * @return e.g. {@code "ms"} or {@code "wait/work"}
     */
    String unit();

    /**
     * Which way is better: decides whether a change counts as better or worse.
     *
     * @return the direction
     */
    Direction direction();

    /**
     * The objective's value for this tick, or {@link Double#NaN} when there is none this tick (a
     * NaN is left out of the comparison, never counted as good or bad).
     *
     * @param window the engine's window, holding this tick's sample as its newest values
     * @return the value, in {@link #unit()}, or NaN when there is none this tick
     */
    double read(WindowView window);

    /**
     * The objective that judges a switch made for work of this class: this one unless an objective
     * means different things for different work. The default objective judges CPU-bound work by the
     * work done and everything else by CPU contention; a service could judge its latency-sensitive
     * hours by p99 latency and its nightly batch by throughput. Called on the loop thread every tick:
     * return a kept instance, do not build one per call.
     *
     * @param workload the class the policy acts on this tick
     * @return the objective for it, never null
     */
    default Objective forWorkload(Workload workload) {
        return this;
    }

    /**
     * An objective read from the host application, e.g. {@code Objective.of("p99 latency", "ms",
     * Direction.LOWER_IS_BETTER, latency::p99)}. The supplier is called on AutoSA's loop thread
     * once per tick; it may return NaN when it has nothing to report.
     *
     * @param name what is measured, for status and logs; not blank (also the provider's {@link #name()})
     * @param unit the unit of the values, e.g. {@code "ms"}
     * @param direction whether lower or higher values are better
     * @param value reads the current value
     * @return an objective that is always available
     * @throws IllegalArgumentException when {@code name} is blank
     */
    static Objective of(String name, String unit, Direction direction, DoubleSupplier value) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("objective name must not be blank");
        }
        return new Objective() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String unit() {
                return unit;
            }

            @Override
            public Direction direction() {
                return direction;
            }

            @Override
            public boolean isAvailable() {
                return true;
            }

            @Override
            public double read(WindowView window) {
                return value.getAsDouble();
            }

            @Override
            public String toString() {
                return name + " (" + unit + ", " + direction.id() + ")";
            }
        };
    }
}
