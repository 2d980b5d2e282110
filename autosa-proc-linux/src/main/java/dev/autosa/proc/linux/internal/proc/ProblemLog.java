// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns about problems in one file at most once per {@link #INTERVAL_NANOS}, counting the rest, so
 * a permanently broken file is visible in the log without filling it every second. Time is the
 * sampler's clock (a capture's own clock in replay), which keeps the behaviour deterministic.
 */
final class ProblemLog implements ProblemSink {

    static final long INTERVAL_NANOS = 60_000_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(ProblemLog.class);

    private final ProcFile file;
    private long now;
    private long lastWarn;
    private boolean warned;
    private int suppressed;
    private int total;
    private int logged;

    ProblemLog(ProcFile file) {
        this.file = file;
    }

    /** Sets the time of the tick being parsed. */
    void setNow(long nanos) {
        now = nanos;
    }

    /** How many problems were reported in all, logged or not (for tests and status). */
    int total() {
        return total;
    }

    /** How many warnings were actually written to the log. */
    int logged() {
        return logged;
    }

    @Override
    public void problem(int line, String reason) {
        total++;
        if (warned && now - lastWarn < INTERVAL_NANOS) {
            suppressed++;
            return;
        }
        warned = true;
        lastWarn = now;
        logged++;
        int before = suppressed;
        suppressed = 0;
        String where = line > 0 ? file.path() + ":" + line : file.path().toString();
        if (before > 0) {
            LOG.warn("{}: {}; value skipped for this tick ({} similar problems in this file not logged since the last warning)",
                    where, reason, before);
        } else {
            LOG.warn("{}: {}; value skipped for this tick (further problems in this file are logged at most once a minute)",
                    where, reason);
        }
    }
}
