// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** Examples of hosting AutoSA: {@link dev.autosa.examples.EmbeddingExample} runs the engine inside a JVM service. */
@NullMarked
package dev.autosa.examples;

import org.jspecify.annotations.NullMarked;
