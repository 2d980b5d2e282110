// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** JMH benchmarks of the sampling and decision path, against OSHI, a naive reader and the raw-read floor. */
@NullMarked
package dev.autosa.benchmarks;

import org.jspecify.annotations.NullMarked;
