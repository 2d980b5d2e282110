// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import dev.autosa.api.SchedulerSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of {@link ScxProcessController}: where sched_ext and /proc live, which directories may
 * hold scheduler binaries, how long to wait, and what to do with a scheduler someone else started.
 * Immutable; every value is checked when the record is built, and the {@code with*} methods return
 * changed copies.
 *
 * @param sysfsRoot sched_ext's sysfs directory, {@value #DEFAULT_SYSFS_ROOT} on a real kernel
 * @param procRoot the proc file system, used to find the process that owns a scheduler
 * @param runDir where the output of started schedulers goes, one {@code scx_*.log} per scheduler
 *     (fresh at each start, cut back when it passes {@link #MAX_LOG_BYTES}); created 0700 when
 *     absent; it must be a directory (not a link) owned by this process's uid and not writable by
 *     group or others, else (or when it cannot be created) a private directory in the system temp
 *     dir is used instead, with a warning naming the reason
 * @param trustedDirs the only directories searched for {@code scx_*} binaries; they, every ancestor
 *     and the binaries must be root-owned and not group/world-writable, and a binary's real path
 *     (links resolved) must lie inside one of them
 * @param startTimeout how long a scheduler may take to attach (BPF verification of the large Rust
 *     schedulers takes seconds on slow machines)
 * @param stopTimeout how long to wait after each signal (SIGINT, SIGTERM, SIGKILL) and for the kernel
 *     to report {@code disabled}
 * @param pollInterval how often sysfs is read while waiting
 * @param orphanPolicy what to do with a scheduler already attached when the controller is first used
 * @param extraFlags per scheduler, flags accepted in addition to the known ones (e.g. a flag of a
 *     newer release, or any flag of a scheduler this controller does not know); written {@code
 *     --name} or {@code -c}, they may take a value as {@code --name=v} or as the next argument
 * @param lockFile the machine-wide lock of "the AutoSA that manages sched_ext": taken before the
 *     first scheduler is started or adopted and held until close, so a second AutoSA (another
 *     socket, another run directory) cannot switch; the same path for every instance on a host
 */
public record ScxControllerConfig(Path sysfsRoot, Path procRoot, Path runDir, List<Path> trustedDirs, Duration startTimeout,
        Duration stopTimeout, Duration pollInterval, OrphanPolicy orphanPolicy, Map<String, Set<String>> extraFlags,
        Path lockFile) {

    /** sched_ext's directory in sysfs on a real kernel. */
    public static final String DEFAULT_SYSFS_ROOT = "/sys/kernel/sched_ext";
    /** The proc file system. */
    public static final String DEFAULT_PROC_ROOT = "/proc";
    /** Where scheduler logs go by default. */
    public static final String DEFAULT_RUN_DIR = "/run/autosa";
    /** Fixed, not derived from the socket or run directory: every AutoSA on the host must meet on it. */
    public static final String DEFAULT_LOCK_FILE = "/run/autosa/sched_ext.lock";
    /** A scheduler's log is cut back to empty when it grows past this (scx_* print statistics every second). */
    public static final long MAX_LOG_BYTES = 1 << 20;
    /** The system's bin directories, where distribution packages install scx_* schedulers. */
    public static final List<Path> DEFAULT_TRUSTED_DIRS = List.of(Path.of("/usr/bin"), Path.of("/usr/sbin"),
            Path.of("/usr/local/bin"), Path.of("/usr/local/sbin"));
    /** Default for {@code startTimeout}: room for the BPF verifier on a slow machine. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(15);
    /** Default for {@code stopTimeout}, per signal. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(5);
    /** Default for {@code pollInterval}. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(20);
    /** Respect a scheduler someone else started: report it, never fight it (architecture.md). */
    public static final OrphanPolicy DEFAULT_ORPHAN_POLICY = OrphanPolicy.LEAVE;

    /** What to do with a sched_ext scheduler that is already attached when the controller is first used. */
    public enum OrphanPolicy {
        /** Manage it as if this controller had started it: later switches and close() stop it. */
        ADOPT,
        /** Stop it (SIGINT, SIGTERM, SIGKILL to its process) so the kernel default runs. */
        STOP,
        /** Report it as not managed and refuse to replace it until {@code adopt()} is called. */
        LEAVE
    }

    /**
     * Checks every component and copies the collections.
     *
     * @param sysfsRoot sched_ext's sysfs directory, {@value #DEFAULT_SYSFS_ROOT} on a real kernel
     * @param procRoot the proc file system, used to find the process that owns a scheduler
     * @param runDir where the output of started schedulers goes, one {@code scx_*.log} per scheduler (fresh at
     *     each start, cut back when it passes {@link #MAX_LOG_BYTES}); when it cannot be created or written, a
     *     private directory in the system temp dir is used instead
     * @param trustedDirs the only directories searched for {@code scx_*} binaries; they and the binaries must
     *     be root-owned and not group/world-writable
     * @param startTimeout how long a scheduler may take to attach (BPF verification of the large Rust
     *     schedulers takes seconds on slow machines)
     * @param stopTimeout how long to wait after each signal (SIGINT, SIGTERM, SIGKILL) and for the kernel to
     *     report {@code disabled}
     * @param pollInterval how often sysfs is read while waiting
     * @param orphanPolicy what to do with a scheduler already attached when the controller is first used
     * @param extraFlags per scheduler, flags accepted in addition to the known ones (e.g. a flag of a newer
     *     release, or any flag of a scheduler this controller does not know); written {@code --name} or {@code
     *     -c}, they may take a value as {@code --name=v} or as the next argument
     * @param lockFile the machine-wide lock of "the AutoSA that manages sched_ext": taken before the first
     *     scheduler is started or adopted and held until close, so a second AutoSA (another socket, another run
     *     directory) cannot switch; the same path for every instance on a host
     * @throws IllegalArgumentException naming the setting and its value if it is out of range
     */
    public ScxControllerConfig {
        requireAbsolute("sysfs root", sysfsRoot);
        requireAbsolute("proc root", procRoot);
        requireAbsolute("run directory", runDir);
        requireAbsolute("lock file", lockFile);
        trustedDirs = List.copyOf(trustedDirs);
        for (Path dir : trustedDirs) {
            requireAbsolute("trusted directory", dir);
        }
        requirePositive("start timeout", startTimeout);
        requirePositive("stop timeout", stopTimeout);
        requirePositive("poll interval", pollInterval);
        if (pollInterval.compareTo(startTimeout) > 0 || pollInterval.compareTo(stopTimeout) > 0) {
            throw new IllegalArgumentException("poll interval must not exceed the start and stop timeouts but was "
                    + pollInterval);
        }
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        extraFlags.forEach((scheduler, flags) -> {
            try {
                SchedulerSpec.of(scheduler);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("extra flags: " + e.getMessage(), e);
            }
            for (String flag : flags) {
                requireFlag(scheduler, flag);
            }
            copy.put(scheduler, Set.copyOf(flags));
        });
        extraFlags = Map.copyOf(copy);
    }

    /**
     * The defaults: the real sysfs and /proc, {@value #DEFAULT_RUN_DIR}, the system's bin directories, LEAVE for orphans.
     *
     * @return the default settings
     */
    public static ScxControllerConfig ofDefaults() {
        return new ScxControllerConfig(Path.of(DEFAULT_SYSFS_ROOT), Path.of(DEFAULT_PROC_ROOT), Path.of(DEFAULT_RUN_DIR),
                DEFAULT_TRUSTED_DIRS,
                DEFAULT_START_TIMEOUT, DEFAULT_STOP_TIMEOUT, DEFAULT_POLL_INTERVAL, DEFAULT_ORPHAN_POLICY, Map.of(),
                Path.of(DEFAULT_LOCK_FILE));
    }

    /**
     * A copy with another {@code sysfsRoot}.
     *
     * @param value the new {@code sysfsRoot}, checked as the constructor does
     * @return the changed copy
     */
    public ScxControllerConfig withSysfsRoot(Path value) {
        return new ScxControllerConfig(value, procRoot, runDir, trustedDirs, startTimeout, stopTimeout, pollInterval,
                orphanPolicy, extraFlags, lockFile);
    }

    /**
     * A copy with another {@code procRoot}.
     *
     * @param value the new {@code procRoot}, checked as the constructor does
     * @return the changed copy
     */
    public ScxControllerConfig withProcRoot(Path value) {
        return new ScxControllerConfig(sysfsRoot, value, runDir, trustedDirs, startTimeout, stopTimeout, pollInterval,
                orphanPolicy, extraFlags, lockFile);
    }

    /**
     * A copy with another {@code runDir}.
     *
     * @param value the new {@code runDir}, checked as the constructor does
     * @return the changed copy
     */
    public ScxControllerConfig withRunDir(Path value) {
        return new ScxControllerConfig(sysfsRoot, procRoot, value, trustedDirs, startTimeout, stopTimeout,
                pollInterval, orphanPolicy, extraFlags, lockFile);
    }

    /**
     * A copy with another {@code trustedDirs}.
     *
     * @param value the new {@code trustedDirs}, checked as the constructor does
     * @return the changed copy
     */
    public ScxControllerConfig withTrustedDirs(List<Path> value) {
        return new ScxControllerConfig(sysfsRoot, procRoot, runDir, value, startTimeout, stopTimeout, pollInterval,
                orphanPolicy, extraFlags, lockFile);
    }

    /**
     * A copy with another {@code startTimeout}.
     *
     * @param value the new {@code startTimeout}, checked as the constructor does
     * @return the changed copy
     */
    public ScxControllerConfig withStartTimeout(Duration value) {
        return new ScxControllerConfig(sysfsRoot, procRoot, runDir, trustedDirs, value, stopTimeout, pollInterval,
                orphanPolicy, extraFlags, lockFile);
    }

    /**
     * A copy with another {@code stopTimeout}.
     *
     * @param value the new {@code stopTimeout}, checked as the constructor does
     * @return the changed copy
     */
    public ScxControllerConfig withStopTimeout(Duration value) {
        return new ScxControllerConfig(sysfsRoot, procRoot, runDir, trustedDirs, startTimeout, value, pollInterval,
                orphanPolicy, extraFlags, lockFile);
    }

    /**
     * A copy with another {@code pollInterval}.
     *
     * @param value the new {@code pollInterval}, checked as the constructor does
     * @return the changed copy
     */
    public ScxControllerConfig withPollInterval(Duration value) {
        return new ScxControllerConfig(sysfsRoot, procRoot, runDir, trustedDirs, startTimeout, stopTimeout, value,
                orphanPolicy, extraFlags, lockFile);
    }

    /**
     * A copy with another {@code orphanPolicy}.
     *
     * @param value the new {@code orphanPolicy}, checked as the constructor does
     * @return the changed copy
     */
    public ScxControllerConfig withOrphanPolicy(OrphanPolicy value) {
        return new ScxControllerConfig(sysfsRoot, procRoot, runDir, trustedDirs, startTimeout, stopTimeout, pollInterval,
                value, extraFlags, lockFile);
    }

    /**
     * A copy with another {@code extraFlags}.
     *
     * @param value the new {@code extraFlags}, checked as the constructor does
     * @return the changed copy
     */
    public ScxControllerConfig withExtraFlags(Map<String, Set<String>> value) {
        return new ScxControllerConfig(sysfsRoot, procRoot, runDir, trustedDirs, startTimeout, stopTimeout, pollInterval,
                orphanPolicy, value, lockFile);
    }

    /**
     * A copy with another {@code lockFile}.
     *
     * @param value the new {@code lockFile}, checked as the constructor does
     * @return the changed copy
     */
    public ScxControllerConfig withLockFile(Path value) {
        return new ScxControllerConfig(sysfsRoot, procRoot, runDir, trustedDirs, startTimeout, stopTimeout, pollInterval,
                orphanPolicy, extraFlags, value);
    }

    private static void requireAbsolute(String setting, Path path) {
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException(setting + " must be an absolute path but was \"" + path + "\"");
        }
    }

    private static void requirePositive(String setting, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive but was " + value);
        }
    }

    private static void requireFlag(String scheduler, String flag) {
        boolean ok = flag.length() == 2 && flag.charAt(0) == '-' && Character.isLetterOrDigit(flag.charAt(1));
        if (flag.startsWith("--") && flag.length() > 2) {
            ok = flag.substring(2).chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9') || c == '-' || c == '_');
        }
        if (!ok) {
            throw new IllegalArgumentException("extra flag for " + scheduler
                    + " must be -c or --name (letters, digits, '-', '_') but was \"" + flag + "\"");
        }
    }
}
