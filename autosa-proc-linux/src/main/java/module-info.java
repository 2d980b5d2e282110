// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/**
 * Linux implementations of AutoSA's SPIs: the /proc and PSI metric source, the capture format,
 * and the controller that runs sched_ext schedulers ({@code scx_*} binaries).
 */
module dev.autosa.proc.linux {
    requires transitive dev.autosa.api;
    requires org.slf4j;
    exports dev.autosa.proc.linux;
    exports dev.autosa.proc.linux.trust;
    provides dev.autosa.api.MetricSource with dev.autosa.proc.linux.ProcMetricSource;
    provides dev.autosa.api.SchedulerController with dev.autosa.proc.linux.ScxProcessController;
}
