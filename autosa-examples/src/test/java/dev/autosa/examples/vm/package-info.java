// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** The daemon against a real sched_ext kernel, run in the scx-vm guest. */
@NullMarked
package dev.autosa.examples.vm;

import org.jspecify.annotations.NullMarked;
