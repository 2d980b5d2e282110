// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Decides whether a recurring problem deserves a warning: the first time, when its message
 * changes, and then once a minute of engine time. A part that fails on every tick (an unreadable
 * file, a broken plug-in) must not write 86 400 warnings a day; the rest go to debug.
 */
final class RepeatFilter {

    static final long QUIET_MILLIS = 60_000;

    private record Last(String message, long warnedAtMillis, int suppressed) {
    }

    private final Map<String, Last> lastBySource = new HashMap<>();

    /**
     * Returns -1 when this occurrence should only be logged at debug; else the number of
     * occurrences suppressed since the last warning (0 or more), to mention in the warning.
     */
    int shouldWarn(String source, String message, long nowMillis) {
        Last last = lastBySource.get(source);
        if (last == null || !last.message().equals(message) || nowMillis - last.warnedAtMillis() >= QUIET_MILLIS) {
            lastBySource.put(source, new Last(message, nowMillis, 0));
            return last == null || !last.message().equals(message) ? 0 : last.suppressed();
        }
        lastBySource.put(source, new Last(last.message(), last.warnedAtMillis(), last.suppressed() + 1));
        return -1;
    }

    /** The problem went away: the next occurrence warns again at once. */
    void clear(String source) {
        lastBySource.remove(source);
    }
}
