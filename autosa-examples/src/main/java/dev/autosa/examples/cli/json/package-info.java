// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** JSON and text renderings of status, catalog and decisions, shared by the daemon and its clients. */
@NullMarked
package dev.autosa.examples.cli.json;

import org.jspecify.annotations.NullMarked;
