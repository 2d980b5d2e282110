// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The helper binaries the controller runs besides schedulers ({@code setsid}, {@code kill}),
 * looked up once, lazily, under the same trust rule as schedulers, and the {@link Stopper} built on
 * {@code kill}.
 */
public final class SystemTools {

    private static final Logger LOG = LoggerFactory.getLogger(SystemTools.class);
    /** Where setsid and kill are looked for besides the trusted directories (same trust check). */
    private static final List<Path> SYSTEM_TOOL_DIRS = List.of(Path.of("/usr/bin"), Path.of("/bin"),
            Path.of("/usr/sbin"), Path.of("/sbin"));

    private final SchedulerCatalog catalog;
    private final SchedExtSysfs sysfs;
    private final Duration stopTimeout;
    private final Duration pollInterval;
    private @Nullable Stopper stopper;
    private @Nullable Path setsid;
    private boolean setsidLooked;

    public SystemTools(SchedulerCatalog catalog, SchedExtSysfs sysfs, Duration stopTimeout, Duration pollInterval) {
        this.catalog = catalog;
        this.sysfs = sysfs;
        this.stopTimeout = stopTimeout;
        this.pollInterval = pollInterval;
    }

    public synchronized Stopper stopper() {
        Stopper s = stopper;
        if (s == null) {
            Path kill = catalog.tool("kill", SYSTEM_TOOL_DIRS);
            if (kill == null) {
                LOG.warn("no trusted kill binary in the trusted directories or {}: schedulers are stopped with "
                        + "SIGTERM, not SIGINT", SYSTEM_TOOL_DIRS);
            }
            s = new Stopper(sysfs, kill, stopTimeout, pollInterval);
            stopper = s;
        }
        return s;
    }

    /** The trusted {@code setsid}, or null when there is none (schedulers then share the JVM's process group). */
    public synchronized @Nullable Path setsid() {
        if (!setsidLooked) {
            setsidLooked = true;
            setsid = catalog.tool("setsid", SYSTEM_TOOL_DIRS);
            if (setsid == null) {
                LOG.info("no trusted setsid binary: schedulers run in the JVM's process group");
            }
        }
        return setsid;
    }
}
