// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** Daemon plumbing: the control socket and its protocol, the pid lock, peer credential checks. */
@NullMarked
package dev.autosa.examples.cli.daemon;

import org.jspecify.annotations.NullMarked;
