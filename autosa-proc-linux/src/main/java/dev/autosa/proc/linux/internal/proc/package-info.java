// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/**
 * Allocation-free readers and parsers of /proc files, and the collectors that turn their counters
 * into interval-normalized metrics. Not exported: the layout may change at any time.
 */
@NullMarked
package dev.autosa.proc.linux.internal.proc;

import org.jspecify.annotations.NullMarked;
