// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.Workload;
import dev.autosa.core.PreferenceTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a workload into the scheduler to run: the first entry of the preference table that is
 * installed and not blocklisted. Without a controller (no catalog) the first entry is recommended
 * as it is, since recommending is all the engine can do then.
 */
public final class Recommender {

    /** Sentinel: the kernel's default scheduler is recommended. Compared by identity. */
    public static final String KERNEL_DEFAULT = new String("kernel default");
    /** Sentinel: the table names schedulers for the workload, but none is installed. Compared by identity. */
    public static final String NONE_INSTALLED = new String("none installed");
    /** Sentinel: every installed candidate made the workload worse recently. Compared by identity. */
    public static final String ALL_LOST = new String("all lost");

    /** How often the controller's catalog is re-read (binaries get installed and removed). */
    private static final long CATALOG_REFRESH_MILLIS = 10 * 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final PreferenceTable table;
    private final FailureTracker failures;

    private final @Nullable OutcomeHistory history;
    private final List<String> eligible = new ArrayList<>();
    private @Nullable Set<String> installed;
    private long catalogReadMillis = Long.MIN_VALUE;

    public Recommender(PreferenceTable table, FailureTracker failures) {
        this(table, failures, null);
    }

    /** With a history: schedulers that lost for a workload drop out for a while, measured winners come first. */
    public Recommender(PreferenceTable table, FailureTracker failures, @Nullable OutcomeHistory history) {
        this.table = table;
        this.failures = failures;
        this.history = history;
    }

    /** Re-reads the controller's catalog on the first call and every ten minutes after. */
    public void refresh(SchedulerController controller, long now) {
        if (catalogReadMillis == Long.MIN_VALUE || now - catalogReadMillis >= CATALOG_REFRESH_MILLIS) {
            catalogReadMillis = now;
            try {
                catalog(controller.available());
            } catch (RuntimeException e) {
                LOG.warn("could not read the scheduler catalog from {}", controller.name(), e);
            }
        }
    }

    /** Sets the controller's catalog; null means no controller, so installation is unknown. */
    public void catalog(@Nullable List<SchedulerInfo> catalog) {
        if (catalog == null) {
            installed = null;
            return;
        }
        Set<String> names = new HashSet<>();
        for (SchedulerInfo info : catalog) {
            if (info.installed()) {
                names.add(info.name());
            }
        }
        installed = names;
    }

    public String resolve(Workload workload) {
        return resolve(workload, Long.MIN_VALUE);
    }

    /**
     * The scheduler for {@code workload} at {@code nowMillis}: a measured winner among the eligible
     * candidates (installed, not blocklisted, not lost for this workload recently), else the first
     * eligible one in table order.
     */
    public String resolve(Workload workload, long nowMillis) {
        List<String> candidates = table.candidates(workload);
        if (candidates.isEmpty()) {
            return KERNEL_DEFAULT;
        }
        eligible.clear();
        boolean lost = false;
        for (int i = 0; i < candidates.size(); i++) {
            String name = candidates.get(i);
            if ((installed == null || installed.contains(name)) && !failures.isBlocklisted(name)) {
                if (history != null && nowMillis < history.lostUntil(workload, name)) {
                    lost = true;
                } else {
                    eligible.add(name);
                }
            }
        }
        if (eligible.isEmpty()) {
            return lost ? ALL_LOST : NONE_INSTALLED;
        }
        String winner = history == null || eligible.size() == 1 ? null : history.winner(workload, eligible);
        return winner != null ? winner : eligible.get(0);
    }

    public List<String> candidates(Workload workload) {
        return table.candidates(workload);
    }

    public static @Nullable String schedulerOrNull(String target) {
        return target == KERNEL_DEFAULT || target == NONE_INSTALLED || target == ALL_LOST ? null : target;
    }
}
