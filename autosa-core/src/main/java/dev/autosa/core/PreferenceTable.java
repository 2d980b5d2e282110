// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.SchedulerSpec;
import dev.autosa.api.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which schedulers suit which workload, best first. The engine recommends the first entry that is
 * installed (and not blocklisted); an empty list means the kernel default (EEVDF).
 *
 * <p>The defaults keep the original AutoSA's choices (cpu-bound: scx_rusty, io-bound: scx_bpfland,
 * latency-sensitive: scx_lavd, mixed: scx_flash) and add idle: kernel default (a sched_ext
 * scheduler buys nothing on an idle machine) and memory-bound: scx_rusty (its NUMA/LLC-aware load
 * balancing keeps memory-heavy tasks near their caches). Fallbacks follow each scheduler's own
 * description: scx_bpfland favours interactive and I/O-waking tasks, scx_flash is its
 * latency-and-fairness sibling, scx_simple is a global FIFO/weighted queue fine for throughput.
 *
 * @param preferences for each workload class, the {@code scx_*} schedulers that suit it, best first
 */
public record PreferenceTable(Map<Workload, List<String>> preferences) {

    private static final PreferenceTable DEFAULTS = new PreferenceTable(defaultMap());

    /**
     * Checks every scheduler name and keeps an unmodifiable copy.
     *
     * @param preferences for each workload class, its schedulers best first; each name {@code scx_}
     *     followed by 1..64 of a-z, 0-9 and '_'; an empty list means the kernel default
     * @throws IllegalArgumentException when a name is not of that form
     */
    public PreferenceTable {
        Map<Workload, List<String>> copy = new LinkedHashMap<>();
        preferences.forEach((workload, schedulers) -> {
            for (String s : schedulers) {
                // Same rule as scheduler specs, so a typo fails here and not at switch time.
                SchedulerSpec.of(s);
            }
            copy.put(workload, List.copyOf(schedulers));
        });
        preferences = java.util.Collections.unmodifiableMap(copy);
    }

    /** {@return the default table described above} */
    public static PreferenceTable defaults() {
        return DEFAULTS;
    }

    private static Map<Workload, List<String>> defaultMap() {
        Map<Workload, List<String>> m = new LinkedHashMap<>();
        m.put(Workload.IDLE, List.of());
        m.put(Workload.CPU_BOUND, List.of("scx_rusty", "scx_bpfland", "scx_simple"));
        m.put(Workload.IO_BOUND, List.of("scx_bpfland", "scx_flash"));
        m.put(Workload.MEMORY_BOUND, List.of("scx_rusty", "scx_bpfland"));
        m.put(Workload.LATENCY_SENSITIVE, List.of("scx_lavd", "scx_bpfland", "scx_flash"));
        m.put(Workload.MIXED, List.of("scx_flash", "scx_bpfland"));
        return m;
    }

    /**
     * The ordered candidates for a workload.
     *
     * @param workload the workload class
     * @return its schedulers, best first; empty (the kernel default) when the table does not name it
     */
    public List<String> candidates(Workload workload) {
        return preferences.getOrDefault(workload, List.of());
    }

    /**
     * A copy with one workload's list replaced (or added).
     *
     * @param workload the workload class
     * @param schedulers its schedulers, best first; empty for the kernel default
     * @return the new table
     * @throws IllegalArgumentException when a scheduler name is not valid
     */
    public PreferenceTable with(Workload workload, List<String> schedulers) {
        Map<Workload, List<String>> m = new LinkedHashMap<>(preferences);
        m.put(workload, schedulers);
        return new PreferenceTable(m);
    }
}
