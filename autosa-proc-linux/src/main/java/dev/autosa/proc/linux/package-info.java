// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/**
 * Linux implementations of AutoSA's service provider interfaces: {@link
 * dev.autosa.proc.linux.ProcMetricSource} reads /proc (or a copy of it, or a recorded capture)
 * and writes AutoSA's standard metric keys, {@link dev.autosa.proc.linux.CaptureWriter} records
 * captures for replay and tests, and {@link dev.autosa.proc.linux.ScxProcessController} runs
 * {@code scx_*} binaries and checks them against {@code /sys/kernel/sched_ext}.
 */
@NullMarked
package dev.autosa.proc.linux;

import org.jspecify.annotations.NullMarked;
