// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** AutoSA as a JMX MXBean, for embedders and the daemon. */
module dev.autosa.jmx {
    requires transitive dev.autosa.core;
    requires transitive java.management;

    exports dev.autosa.jmx;
}
