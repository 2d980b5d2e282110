// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** A Micrometer {@code MeterBinder} for an embedded AutoSA. */
module dev.autosa.micrometer {
    requires transitive dev.autosa.core;
    requires transitive micrometer.core;

    exports dev.autosa.micrometer;
}
