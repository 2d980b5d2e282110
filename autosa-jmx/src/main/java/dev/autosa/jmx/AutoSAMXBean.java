// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.jmx;

import java.util.Map;

/**
 * What JMX clients (jconsole, a Prometheus JMX exporter) see of a running AutoSA, by
 * default under {@code dev.autosa:type=AutoSA}. Read-only: changing the scheduler stays with AutoSA's policy.
 */
public interface AutoSAMXBean {

    boolean isRunning();

    /** {@code auto}, {@code recommend} or {@code dry-run}. */
    String getMode();

    /** Why that mode, e.g. why AutoSA will not switch on this machine. */
    String getModeReason();

    /** The current workload, e.g. {@code cpu-bound}; empty before the first classification. */
    String getWorkload();

    /** The classification's confidence, 0..1; 0 before the first classification. */
    double getConfidence();

    /** The recommended {@code scx_*} scheduler, or {@code kernel default}. */
    String getRecommended();

    /** What the kernel really runs, e.g. {@code scx_rusty} or {@code kernel default}. */
    String getActiveScheduler();

    /** The last decision: action and reason. */
    String getLastDecision();

    long getTicks();

    /** Decision counters: ticks, switches, holds, none, failures, slowTicks. */
    Map<String, Long> getCounters();
}
