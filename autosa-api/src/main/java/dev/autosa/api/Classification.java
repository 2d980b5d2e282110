// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.util.List;

/**
 * A classifier's verdict on the window: the workload, how sure it is (0..1) and why, in words an
 * operator can check, e.g. {@code "iowait 31% > 20% for 48 of 60 s"}.
 */
public record Classification(Workload workload, double confidence, List<String> reasons) {

    public Classification {
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1] but was " + confidence);
        }
        reasons = List.copyOf(reasons);
    }

    public static Classification of(Workload workload, double confidence, String... reasons) {
        return new Classification(workload, confidence, List.of(reasons));
    }
}
