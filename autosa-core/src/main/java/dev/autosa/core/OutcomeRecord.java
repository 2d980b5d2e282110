// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.Workload;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the experiments found for one scheduler on one workload class, on one machine, by one
 * objective: how often it was tried, kept, reverted, better, inconclusive, and how much the
 * objective changed (after minus before, in the objective's unit; the most recent
 * {@value #MAX_CHANGES}).
 *
 * @param machine the machine fingerprint, e.g. {@code "cpus=2 kernel=7.2.13+deb14-cloud-amd64"}
 * @param objective the objective's name
 * @param workload the workload class the switches were made for
 * @param scheduler the {@code scx_*} name, or {@value #KERNEL_DEFAULT} for the kernel default
 * @param trials how many switches to it were evaluated
 * @param kept how many of them were kept (better or neutral)
 * @param reverted how many were reverted because the objective got worse
 * @param better how many of the kept ones made the objective better
 * @param inconclusive how many ended without a verdict (kept, no penalty)
 * @param lastLost when a switch to it was last reverted for this class, or null
 * @param changes the objective's change per trial (after minus before), oldest first, at most
 *     {@value #MAX_CHANGES}
 * @param schedulerVersion the scheduler's version in its latest trial, as the kernel named it (the
 *     Rust schedulers' ops name holds it: {@code rusty_1.0.4_x86_64}); empty where unknown
 */
public record OutcomeRecord(String machine, String objective, Workload workload, String scheduler, int trials,
        int kept, int reverted, int better, int inconclusive, @Nullable Instant lastLost, List<Double> changes,
        String schedulerVersion) {

    /** The scheduler name that stands for the kernel default. */
    public static final String KERNEL_DEFAULT = "default";
    /** How many changes a record keeps. */
    public static final int MAX_CHANGES = 50;

    /**
     * Checks the counts and keeps the most recent {@value #MAX_CHANGES} changes.
     *
     * @param machine the machine fingerprint
     * @param objective the objective's name
     * @param workload the workload class
     * @param scheduler the {@code scx_*} name, or {@value #KERNEL_DEFAULT}
     * @param trials at least 0
     * @param kept at least 0
     * @param reverted at least 0
     * @param better from 0 to {@code kept}
     * @param inconclusive at least 0; {@code kept + reverted + inconclusive} at most {@code trials}
     * @param lastLost when a switch to it was last reverted for this class, or null
     * @param changes the objective's changes, oldest first; older ones beyond {@value #MAX_CHANGES} are dropped
     * @param schedulerVersion the scheduler's version as the kernel named it, or empty where unknown
     * @throws IllegalArgumentException when the counts break these rules
     */
    public OutcomeRecord {
        if (trials < 0 || kept < 0 || reverted < 0 || better < 0 || inconclusive < 0
                || kept + reverted + inconclusive > trials) {
            throw new IllegalArgumentException("outcome counts must be non-negative and kept + reverted + "
                    + "inconclusive <= trials but were trials=" + trials + " kept=" + kept + " reverted=" + reverted
                    + " inconclusive=" + inconclusive);
        }
        if (better > kept) {
            throw new IllegalArgumentException("better (" + better + ") cannot exceed kept (" + kept + ")");
        }
        changes = List.copyOf(changes.size() > MAX_CHANGES ? changes.subList(changes.size() - MAX_CHANGES,
                changes.size()) : changes);
    }

    /**
     * A record of a scheduler whose version is not known: {@code schedulerVersion} empty.
     *
     * @param machine the machine fingerprint
     * @param objective the objective's name
     * @param workload the workload class
     * @param scheduler the {@code scx_*} name, or {@value #KERNEL_DEFAULT}
     * @param trials at least 0
     * @param kept at least 0
     * @param reverted at least 0
     * @param better from 0 to {@code kept}
     * @param inconclusive at least 0; {@code kept + reverted + inconclusive} at most {@code trials}
     * @param lastLost when a switch to it was last reverted for this class, or null
     * @param changes the objective's changes, oldest first; older ones beyond {@value #MAX_CHANGES} are dropped
     * @throws IllegalArgumentException when the counts break these rules
     */
    public OutcomeRecord(String machine, String objective, Workload workload, String scheduler, int trials, int kept,
            int reverted, int better, int inconclusive, @Nullable Instant lastLost, List<Double> changes) {
        this(machine, objective, workload, scheduler, trials, kept, reverted, better, inconclusive, lastLost, changes,
                "");
    }

    /** {@return the median of the recorded changes, in the objective's unit; NaN when there are none} */
    public double medianChange() {
        if (changes.isEmpty()) {
            return Double.NaN;
        }
        double[] s = changes.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
