// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.Decision;
import java.util.ArrayDeque;
import java.util.List;

/** The last N distinct decisions, oldest first, for {@code status()}. */
public final class DecisionLog {

    private final int capacity;
    private final ArrayDeque<Decision> decisions;

    public DecisionLog(int capacity) {
        this.capacity = capacity;
        this.decisions = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public void add(Decision d) {
        if (decisions.size() == capacity) {
            decisions.removeFirst();
        }
        decisions.addLast(d);
    }

    public List<Decision> snapshot() {
        return List.copyOf(decisions);
    }
}
