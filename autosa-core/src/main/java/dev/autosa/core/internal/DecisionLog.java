// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.Decision;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last N decisions that changed what the policy does or why, oldest first, for
 * {@code status()} and the log: a new action, target, reason kind or workload. A decision that
 * only re-words the same (a confidence of 0.83 instead of 0.82, "warming up: 5s of 30s" after "4s
 * of 30s") goes to debug and takes the newest entry's place, so the newest entry is always the
 * engine's current decision.
 */
public final class DecisionLog {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final int capacity;
    private final ArrayDeque<Decision> decisions;
    private @Nullable Decision last;

    public DecisionLog(int capacity) {
        this.capacity = capacity;
        this.decisions = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Keeps and logs {@code d} at info when it changed what or why; debug otherwise. */
    public void offer(Decision d) {
        Decision before = last;
        if (before == null || d.action() != before.action() || !Objects.equals(d.recommended(), before.recommended())
                || d.reasonCode().kind() != before.reasonCode().kind()
                || !d.classification().workload().equals(before.classification().workload())) {
            last = d;
            if (decisions.size() == capacity) {
                decisions.removeFirst();
            }
            decisions.addLast(d);
            LOG.info("{}: {} ({} {}) {}", d.action().id(), d.recommendedDisplay(), d.classification().workload(),
                    Decimals.twoPlaces(d.classification().confidence()), d.reason());
        } else {
            LOG.debug("{}: {} {}", d.action().id(), d.recommendedDisplay(), d.reason());
            decisions.pollLast();
            decisions.addLast(d);
        }
    }

    public List<Decision> snapshot() {
        return List.copyOf(decisions);
    }
}
