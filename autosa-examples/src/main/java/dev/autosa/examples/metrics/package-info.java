// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** The daemon's Prometheus/OpenMetrics endpoint ({@code autosa start --metrics ADDRESS:PORT}). */
@NullMarked
package dev.autosa.examples.metrics;

import org.jspecify.annotations.NullMarked;
