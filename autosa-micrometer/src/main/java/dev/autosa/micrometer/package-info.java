// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** Binds an embedded AutoSA's status to the application's Micrometer registry. */
@NullMarked
package dev.autosa.micrometer;

import org.jspecify.annotations.NullMarked;
