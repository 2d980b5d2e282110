// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/** Warns about a recurring problem once a minute at most (see {@link RepeatFilter}); debug otherwise. */
final class Warnings {

    private final Logger log;
    private final RepeatFilter repeats = new RepeatFilter();

    Warnings(Logger log) {
        this.log = log;
    }

    void warnOrDebug(String source, long now, String message, @Nullable Throwable cause) {
        int suppressed = repeats.shouldWarn(source, message, now);
        if (suppressed < 0) {
            log.debug("{}", message);
        } else if (suppressed > 0) {
            log.warn("{} (repeated {} more times in the last minute)", message, suppressed, cause);
        } else {
            log.warn("{}", message, cause);
        }
    }

    /** The problem went away: the next occurrence warns again at once. */
    void clear(String source) {
        repeats.clear(source);
    }
}
