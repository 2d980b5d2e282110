// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the process that runs a scheduler AutoSA did not start. The kernel does not say which
 * process holds a sched_ext scheduler's link, so this is a best-effort match of {@code scx_*}
 * process names against the ops name.
 */
public final class OwnerFinder {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerFinder.class);
    /** The kernel truncates comm to 15 characters; longer names are read from cmdline. */
    private static final int COMM_MAX = 15;

    /** A process that looks like the owner: its scheduler name and pid. */
    public record Owner(String scheduler, long pid) {
    }

    private final Path procRoot;

    public OwnerFinder(Path procRoot) {
        this.procRoot = procRoot;
    }

    /** The lowest-pid {@code scx_*} process whose name matches {@code ops}, if any. */
    public Optional<Owner> find(String ops) {
        Owner best = null;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(procRoot, OwnerFinder::isPidDir)) {
            for (Path dir : dirs) {
                long pid = Long.parseLong(dir.getFileName().toString());
                String name = schedulerName(dir);
                if (name != null && OpsNames.matches(name, ops) && (best == null || pid < best.pid())) {
                    best = new Owner(name, pid);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot scan {} for the owner of sched_ext ops {}: {}", procRoot, ops, e.toString());
        }
        return Optional.ofNullable(best);
    }

    private static boolean isPidDir(Path p) {
        String n = p.getFileName().toString();
        return !n.isEmpty() && n.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A zombie (or dead) process holds no BPF link; it is only waiting to be reaped. */
    private static boolean isDead(Path dir) throws IOException {
        String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
        int end = stat.lastIndexOf(')'); // comm may itself hold ')' and spaces
        char state = end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
        return state == 'Z' || state == 'X' || state == 'x';
    }

    private static @org.jspecify.annotations.Nullable String schedulerName(Path dir) {
        try {
            String comm = Files.readString(dir.resolve("comm"), StandardCharsets.UTF_8).trim();
            if (!comm.startsWith("scx_") || isDead(dir)) {
                return null;
            }
            if (comm.length() < COMM_MAX) {
                return comm;
            }
            byte[] cmdline = Files.readAllBytes(dir.resolve("cmdline"));
            int end = 0;
            while (end < cmdline.length && cmdline[end] != 0) {
                end++;
            }
            String argv0 = new String(cmdline, 0, end, StandardCharsets.UTF_8);
            String base = argv0.substring(argv0.lastIndexOf('/') + 1);
            return base.startsWith(comm) ? base : comm;
        } catch (IOException e) {
            return null; // the process exited while we looked, or is not ours to read
        }
    }
}
