// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/**
 * Reading a sched_ext scheduler's own statistics (the scx_stats protocol: one JSON line out, one
 * JSON line back over a Unix socket), bounded in size, depth and time. Not exported.
 */
@NullMarked
package dev.autosa.proc.linux.internal.scxstats;

import org.jspecify.annotations.NullMarked;
