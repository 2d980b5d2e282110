// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** The {@code autosa} command line: the daemon ({@code start}) and its clients, one-shot {@code recommend}, {@code capture} and {@code replay}. */
@NullMarked
package dev.autosa.examples.cli;

import org.jspecify.annotations.NullMarked;
