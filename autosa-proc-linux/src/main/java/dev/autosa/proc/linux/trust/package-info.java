// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/**
 * The trust rules for files that code running as root executes or loads: this process's
 * effective uid and the check that a directory (with every ancestor) and a file in it can only be
 * changed by root. Shared by the sched_ext controller (scheduler binaries) and host applications
 * (e.g. the daemon's plug-in jars), so both apply exactly the same rule.
 */
@NullMarked
package dev.autosa.proc.linux.trust;

import org.jspecify.annotations.NullMarked;
