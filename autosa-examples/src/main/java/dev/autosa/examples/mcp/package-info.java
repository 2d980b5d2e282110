// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/**
 * {@code autosa mcp}: a Model Context Protocol server (stdio) that lets agents read AutoSA's state
 * and ask for switches through the running daemon, which keeps every check it applies to its own.
 */
@NullMarked
package dev.autosa.examples.mcp;

import org.jspecify.annotations.NullMarked;
