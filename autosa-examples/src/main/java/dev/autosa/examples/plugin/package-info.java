// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** A custom classifier plug-in, packaged as its own jar ({@code autosa-examples-*-plugin.jar}) for the daemon's plug-in directory. */
@NullMarked
package dev.autosa.examples.plugin;

import org.jspecify.annotations.NullMarked;
