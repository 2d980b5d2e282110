// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/**
 * Implementation of the sched_ext process controller: sysfs reading, the scheduler catalog and
 * its flags, binary trust checks, child processes and signals. Not exported; may change at will.
 */
@NullMarked
package dev.autosa.proc.linux.internal.scx;

import org.jspecify.annotations.NullMarked;
