// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/**
 * The AutoSA engine: build one with {@link dev.autosa.core.AutoSA#builder()}, {@code start()} it,
 * read {@code status()}, {@code close()} it.
 */
@NullMarked
package dev.autosa.core;

import org.jspecify.annotations.NullMarked;
