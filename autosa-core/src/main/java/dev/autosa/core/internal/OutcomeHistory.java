// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.AutoSAEvent.Evaluated.Verdict;
import dev.autosa.api.Objective;
import dev.autosa.api.Objective.Direction;
import dev.autosa.api.Workload;
import dev.autosa.core.OutcomeRecord;
import dev.autosa.core.OutcomeStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcomes of past experiments, per machine, objective, workload class and scheduler, loaded
 * from and saved to an {@link OutcomeStore}. Answers the recommender's two questions for this
 * machine, each class judged by its objective ({@link Objective#forWorkload}): did a scheduler lose
 * for a class recently, and which one won.
 */
public final class OutcomeHistory {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeHistory.class);

    private record Key(String machine, String objective, Workload workload, String scheduler) {
    }

    private final OutcomeStore store;
    private final String machine;
    private final Objective objective;
    private final long retryLostAfterMillis;
    private final Map<Key, OutcomeRecord> records = new LinkedHashMap<>();
    // This machine's and objective's records by workload and scheduler: looked up every tick, without allocating.
    private final Map<Workload, Map<String, OutcomeRecord>> local = new HashMap<>();

    public OutcomeHistory(OutcomeStore store, String machine, Objective objective, Duration retryLostAfter) {
        this.store = store;
        this.machine = machine;
        this.objective = objective;
        this.retryLostAfterMillis = retryLostAfter.toMillis();
        List<OutcomeRecord> loaded;
        try {
            loaded = store.load();
        } catch (RuntimeException e) {
            LOG.warn("cannot load the outcome history from {}; starting a fresh one", store.describe(), e);
            loaded = List.of();
        }
        for (OutcomeRecord r : loaded) {
            put(r);
        }
        if (!loaded.isEmpty()) {
            LOG.info("outcome history: {} records from {}", loaded.size(), store.describe());
        }
    }

    private void put(OutcomeRecord r) {
        records.put(new Key(r.machine(), r.objective(), r.workload(), r.scheduler()), r);
        if (isLocal(r)) {
            local.computeIfAbsent(r.workload(), w -> new HashMap<>()).put(r.scheduler(), r);
        }
    }

    /** Whether {@code r} is this machine's and judged its class by the objective that judges it now. */
    private boolean isLocal(OutcomeRecord r) {
        return r.machine().equals(machine) && r.objective().equals(objective.forWorkload(r.workload()).name());
    }

    private @Nullable OutcomeRecord local(Workload workload, String scheduler) {
        Map<String, OutcomeRecord> m = local.get(workload);
        return m == null ? null : m.get(scheduler);
    }

    /** Name of a scheduler in the history: the {@code scx_*} name, or "default" for the kernel default. */
    public static String historyName(@Nullable String scheduler) {
        return scheduler == null ? OutcomeRecord.KERNEL_DEFAULT : scheduler;
    }

    /**
     * The version in a scheduler's ops name, e.g. {@code 1.0.4} from {@code rusty_1.0.4_x86_64} (the
     * Rust schedulers name themselves so); empty when the name carries none ({@code simple}).
     */
    public static String schedulerVersion(@Nullable String ops) {
        if (ops == null) {
            return "";
        }
        int start = ops.indexOf('_') + 1;
        if (start == 0 || start >= ops.length() || !Character.isDigit(ops.charAt(start))) {
            return "";
        }
        int end = ops.indexOf('_', start);
        return ops.substring(start, end < 0 ? ops.length() : end);
    }

    /** Adds one experiment's outcome and saves the whole history. */
    public void record(Workload workload, @Nullable String scheduler, String schedulerVersion, Verdict verdict,
            double change, long nowMillis) {
        String name = historyName(scheduler);
        OutcomeRecord old = local(workload, name);
        List<Double> changes = new ArrayList<>(old == null ? List.of() : old.changes());
        if (verdict != Verdict.INCONCLUSIVE && Double.isFinite(change)) {
            changes.add(change);
        }
        boolean kept = verdict == Verdict.BETTER || verdict == Verdict.NEUTRAL;
        OutcomeRecord r = new OutcomeRecord(machine, objective.forWorkload(workload).name(), workload, name,
                (old == null ? 0 : old.trials()) + 1,
                (old == null ? 0 : old.kept()) + (kept ? 1 : 0),
                (old == null ? 0 : old.reverted()) + (verdict == Verdict.WORSE ? 1 : 0),
                (old == null ? 0 : old.better()) + (verdict == Verdict.BETTER ? 1 : 0),
                (old == null ? 0 : old.inconclusive()) + (verdict == Verdict.INCONCLUSIVE ? 1 : 0),
                verdict == Verdict.WORSE ? Instant.ofEpochMilli(nowMillis) : old == null ? null : old.lastLost(),
                changes, schedulerVersion);
        put(r);
        try {
            store.save(List.copyOf(records.values()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot save the outcome history to {}: {}; it is kept in memory", store.describe(), e.toString());
        }
    }

    /**
     * Until when {@code scheduler} is not tried again for {@code workload} on this machine (it made
     * the class worse), or {@code Long.MIN_VALUE} when it may be tried.
     */
    public long lostUntil(Workload workload, @Nullable String scheduler) {
        OutcomeRecord r = local(workload, historyName(scheduler));
        if (r == null || r.lastLost() == null) {
            return Long.MIN_VALUE;
        }
        return r.lastLost().toEpochMilli() + retryLostAfterMillis;
    }

    /**
     * The measured winner for {@code workload} among {@code eligible}: a scheduler that made the class
     * better at least once, with the best median change in the direction of the objective that
     * judges the class; null when none did. The caller leaves out schedulers that lost recently.
     */
    public @Nullable String winner(Workload workload, List<String> eligible) {
        Direction direction = objective.forWorkload(workload).direction();
        String best = null;
        double bestGain = 0;
        for (int i = 0; i < eligible.size(); i++) {
            OutcomeRecord r = local(workload, eligible.get(i));
            if (r == null || r.better() == 0) {
                continue;
            }
            double gain = direction == Direction.LOWER_IS_BETTER ? -r.medianChange() : r.medianChange();
            if (best == null || gain > bestGain) {
                best = r.scheduler();
                bestGain = gain;
            }
        }
        return best;
    }

    /** Every record, this machine's and others', in the order first seen. */
    public List<OutcomeRecord> records() {
        return List.copyOf(records.values());
    }

    /** This machine's records, each under the objective that judges its class now, in the order first seen. */
    public List<OutcomeRecord> localRecords() {
        List<OutcomeRecord> out = new ArrayList<>();
        for (OutcomeRecord r : records.values()) {
            if (isLocal(r)) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    public @Nullable OutcomeRecord get(Workload workload, @Nullable String scheduler) {
        return local(workload, historyName(scheduler));
    }

    public String machine() {
        return machine;
    }

    public String storeDescription() {
        return store.describe();
    }

    @Override
    public String toString() {
        return "OutcomeHistory[" + machine + ", " + objective.name() + ", " + records.size() + " records, "
                + Objects.toString(store.describe()) + "]";
    }
}
