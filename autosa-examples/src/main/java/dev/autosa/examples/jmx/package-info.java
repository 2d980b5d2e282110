// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** A JMX MXBean ({@code dev.autosa:type=AutoSA}) over a running engine, for the daemon and embedded users. */
@NullMarked
package dev.autosa.examples.jmx;

import org.jspecify.annotations.NullMarked;
