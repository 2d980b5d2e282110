// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/**
 * Linux metric source: reads /proc (or a copy of it, or a recorded capture) and writes AutoSA's
 * standard metric keys; records captures for replay and tests.
 */
@NullMarked
package dev.autosa.proc.linux;

import org.jspecify.annotations.NullMarked;
