// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.jmx;

import java.util.Map;

/**
 * What JMX clients (jconsole, a Prometheus JMX exporter) see of a running AutoSA, by
 * default under {@code dev.autosa:type=AutoSA}. Read-only: changing the scheduler stays with AutoSA's policy.
 */
public interface AutoSAMXBean {

    /**
     * Whether the loop runs.
     *
     * @return true between start and close
     */
    boolean isRunning();

    /**
     * The mode.
     *
     * @return {@code auto}, {@code recommend} or {@code dry-run}
     */
    String getMode();

    /**
     * Why that mode, e.g. why AutoSA will not switch on this machine.
     *
     * @return the reason, one line
     */
    String getModeReason();

    /**
     * The current workload.
     *
     * @return e.g. {@code cpu-bound}; empty before the first classification
     */
    String getWorkload();

    /**
     * The classification's confidence.
     *
     * @return 0..1; 0 before the first classification
     */
    double getConfidence();

    /**
     * The recommended scheduler.
     *
     * @return an {@code scx_*} name, or {@code kernel default}
     */
    String getRecommended();

    /**
     * What the kernel really runs, read back from sysfs.
     *
     * @return e.g. {@code scx_rusty} or {@code kernel default}
     */
    String getActiveScheduler();

    /**
     * The last decision.
     *
     * @return its action and reason
     */
    String getLastDecision();

    /**
     * Ticks since start.
     *
     * @return how many times the loop sampled and decided
     */
    long getTicks();

    /**
     * Decision counters.
     *
     * @return ticks, switches, holds, none, failures, slowTicks by name
     */
    Map<String, Long> getCounters();
}
