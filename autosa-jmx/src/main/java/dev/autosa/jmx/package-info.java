// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/**
 * A JMX MXBean over a running AutoSA (default name {@code dev.autosa:type=AutoSA}), registered by
 * the daemon and by embedding applications alike.
 */
@NullMarked
package dev.autosa.jmx;

import org.jspecify.annotations.NullMarked;
