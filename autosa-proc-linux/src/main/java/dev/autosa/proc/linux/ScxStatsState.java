// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import java.nio.file.Path;
import java.util.Map;

/**
 * What AutoSA last learnt from the running scheduler's own statistics (scx_stats), for status and
 * metrics.
 *
 * @param socket the scx_stats socket asked
 * @param status where the reading stands
 * @param detail why (the error, or why nothing is read), empty when {@code OK}
 * @param values the last good reading's fields (without the {@code scx.} prefix), empty if none yet
 * @param reads good readings so far
 * @param failures failed readings so far (refused, timed out, malformed, too long)
 */
public record ScxStatsState(Path socket, Status status, String detail, Map<String, Double> values, long reads,
        long failures) {

    /**
     * Copies the values.
     *
     * @param socket the scx_stats socket asked
     * @param status where the reading stands
     * @param detail why (the error, or why nothing is read), empty when {@code OK}
     * @param values the last good reading's fields (without the {@code scx.} prefix), empty if none yet
     * @param reads good readings so far
     * @param failures failed readings so far (refused, timed out, malformed, too long)
     */
    public ScxStatsState {
        values = Map.copyOf(values);
    }

    /** Where a reading stands. */
    public enum Status {
        /** No socket: no scheduler runs, or it does not serve scx_stats (the C example schedulers). */
        ABSENT,
        /** A request is out and took longer than the tick's budget; the tick went on without it. */
        PENDING,
        /** The last request was answered. */
        OK,
        /** The last request failed; {@code detail} says how. */
        FAILED;

        /**
         * The status as status and metrics show it.
         *
         * @return the name in lower case, e.g. {@code ok}
         */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
