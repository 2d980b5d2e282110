// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@link DefaultClassifier}'s thresholds, as data: the defaults for a machine's CPU count
 * ({@link #forCpus}) with any of them overridden ({@link #with}). Immutable. Give one to
 * {@code AutoSA.builder().thresholds(...)} or set {@code threshold.<key>} in the daemon's config
 * file; without either, the classifier uses the defaults for the machine it runs on.
 */
public final class Thresholds {

    private static final Threshold[] ALL = Threshold.values();

    private final int cpus;
    private final double[] values;
    private final boolean[] overridden;

    private Thresholds(int cpus, double[] values, boolean[] overridden) {
        this.cpus = cpus;
        this.values = values;
        this.overridden = overridden;
    }

    /**
     * The defaults for a machine with {@code cpus} online CPUs.
     *
     * @param cpus the online CPU count, at least 1
     * @return every threshold at its default for that count, none overridden
     * @throws IllegalArgumentException when {@code cpus} is below 1
     */
    public static Thresholds forCpus(int cpus) {
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be at least 1 but was " + cpus);
        }
        double[] v = new double[ALL.length];
        for (Threshold t : ALL) {
            v[t.ordinal()] = t.defaultFor(cpus);
        }
        return new Thresholds(cpus, v, new boolean[ALL.length]);
    }

    /**
     * No overrides: every threshold derived from the CPU count of the machine the classifier runs
     * on (the values here are those for one CPU until then).
     *
     * @return the defaults, none overridden
     */
    public static Thresholds ofDefaults() {
        return forCpus(1);
    }

    /** {@return whether any threshold was set with {@link #with}} */
    public boolean hasOverrides() {
        for (boolean o : overridden) {
            if (o) {
                return true;
            }
        }
        return false;
    }

    /**
     * A copy with {@code threshold} set to {@code value}, which then no longer follows the CPU count.
     *
     * @param threshold the threshold to set
     * @param value its value: finite, at least 0, and at most 1 for a share (e.g. {@link Threshold#BUSIEST_CPU})
     * @return the new thresholds
     * @throws IllegalArgumentException naming the threshold and its range, when {@code value} is outside it
     */
    public Thresholds with(Threshold threshold, double value) {
        double[] v = values.clone();
        boolean[] o = overridden.clone();
        v[threshold.ordinal()] = threshold.check(value);
        o[threshold.ordinal()] = true;
        return new Thresholds(cpus, v, o);
    }

    /**
     * The same overrides on the defaults for another CPU count: how a classifier built with
     * thresholds for one machine adapts when it learns the real CPU count.
     *
     * @param otherCpus the other machine's online CPU count, at least 1
     * @return the defaults for {@code otherCpus} with this one's overrides; this instance when the count is
     *     the same
     * @throws IllegalArgumentException when {@code otherCpus} is below 1
     */
    public Thresholds forMachineWith(int otherCpus) {
        if (otherCpus == cpus) {
            return this;
        }
        Thresholds t = forCpus(otherCpus);
        for (Threshold th : ALL) {
            if (overridden[th.ordinal()]) {
                t.values[th.ordinal()] = values[th.ordinal()];
                t.overridden[th.ordinal()] = true;
            }
        }
        return t;
    }

    /**
     * The value of one threshold.
     *
     * @param threshold the threshold
     * @return its value: overridden, else the default for {@link #cpus()}
     */
    public double get(Threshold threshold) {
        return values[threshold.ordinal()];
    }

    /** {@return the CPU count the defaults were derived for} */
    public int cpus() {
        return cpus;
    }

    /**
     * Whether {@code threshold} was set explicitly rather than derived from the CPU count.
     *
     * @param threshold the threshold
     * @return true when it was set with {@link #with}
     */
    public boolean isOverridden(Threshold threshold) {
        return overridden[threshold.ordinal()];
    }

    /** {@return every threshold and its value, in declaration order} */
    public Map<Threshold, Double> asMap() {
        Map<Threshold, Double> m = new EnumMap<>(Threshold.class);
        for (Threshold t : ALL) {
            m.put(t, values[t.ordinal()]);
        }
        return m;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Thresholds t && t.cpus == cpus && Arrays.equals(t.values, values)
                && Arrays.equals(t.overridden, overridden);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cpus, Arrays.hashCode(values), Arrays.hashCode(overridden));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Thresholds[cpus=").append(cpus);
        for (Threshold t : ALL) {
            b.append(", ").append(t.key()).append('=').append(values[t.ordinal()]);
            if (overridden[t.ordinal()]) {
                b.append(" (set)");
            }
        }
        return b.append(']').toString();
    }
}
