// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** The Debian package, installed, used and purged on this machine (-Pdeb). */
@NullMarked
package dev.autosa.examples.deb;

import org.jspecify.annotations.NullMarked;
