// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.util.List;

/**
 * A classifier's verdict on the window: the workload, how sure it is (0..1) and why, in words an
 * operator can check, e.g. {@code "iowait 31% > 20% for 48 of 60 s"}.
 *
 * @param workload the workload class the window shows
 * @param confidence how sure the classifier is, in [0, 1]
 * @param reasons why, one line per rule that counted; may be empty
 */
public record Classification(Workload workload, double confidence, List<String> reasons) {

    /**
     * Checks the confidence and copies the reasons.
     *
     * @param workload the workload class the window shows
     * @param confidence how sure the classifier is, in [0, 1] (NaN is refused)
     * @param reasons why, one line per rule that counted; not null, no null elements
     * @throws IllegalArgumentException when {@code confidence} is outside [0, 1]
     */
    public Classification {
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1] but was " + confidence);
        }
        reasons = List.copyOf(reasons);
    }

    /**
     * A classification with its reasons given one by one.
     *
     * @param workload the workload class the window shows
     * @param confidence how sure the classifier is, in [0, 1]
     * @param reasons why, one line per rule that counted
     * @return the classification
     * @throws IllegalArgumentException when {@code confidence} is outside [0, 1]
     */
    public static Classification of(Workload workload, double confidence, String... reasons) {
        return new Classification(workload, confidence, List.of(reasons));
    }
}
