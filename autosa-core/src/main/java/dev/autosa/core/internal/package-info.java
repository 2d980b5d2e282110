// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** The engine's parts: window, policy, discovery, loop. Not exported; may change at any time. */
@NullMarked
package dev.autosa.core.internal;

import org.jspecify.annotations.NullMarked;
