// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/**
 * Linux implementations of AutoSA's service provider interfaces: {@link
 * dev.autosa.proc.linux.ScxProcessController} runs {@code scx_*} binaries and checks them against
 * {@code /sys/kernel/sched_ext}.
 */
@NullMarked
package dev.autosa.proc.linux;

import org.jspecify.annotations.NullMarked;
