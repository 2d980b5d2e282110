// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** AutoSA's service provider interfaces, value types and events. No logic. */
module dev.autosa.api {
    requires transitive org.jspecify;

    exports dev.autosa.api;
}
