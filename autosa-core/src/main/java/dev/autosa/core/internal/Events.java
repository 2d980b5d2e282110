// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.AutoSAEvent;
import dev.autosa.api.AutoSAListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Hands events to the listeners. A listener that throws is logged and reported to every listener
 * as a {@link AutoSAEvent.TickProblem}; one that throws on a TickProblem is only logged, so a
 * broken listener cannot start an endless chain of problems.
 */
final class Events {

    private final List<AutoSAListener> listeners;
    private final Warnings warnings;

    Events(List<AutoSAListener> listeners, Warnings warnings) {
        this.listeners = List.copyOf(listeners);
        this.warnings = warnings;
    }

    /** Whether anyone listens: events are built only then, so a quiet engine allocates nothing. */
    boolean any() {
        return !listeners.isEmpty();
    }

    void emit(AutoSAEvent event) {
        for (int i = 0; i < listeners.size(); i++) {
            AutoSAListener l = listeners.get(i);
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                String what = "listener " + l + " failed on " + event.getClass().getSimpleName() + ": " + e;
                warnings.warnOrDebug("listener " + i, event.time().toEpochMilli(), what, e);
                if (!(event instanceof AutoSAEvent.TickProblem)) {
                    problem(event.time().toEpochMilli(), what, Duration.ZERO);
                }
            }
        }
    }

    /** Reports a problem of this tick to the listeners (the caller logs it). */
    void problem(long nowMillis, String what, Duration took) {
        if (any()) {
            emit(new AutoSAEvent.TickProblem(Instant.ofEpochMilli(nowMillis), what, took));
        }
    }
}
