// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import dev.autosa.proc.linux.internal.scx.OwnerFinder.Owner;
import dev.autosa.proc.linux.internal.scx.SchedExtSysfs.Snapshot;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The process that owns the attached scheduler, remembered for one attach: finding it scans
 * every process in /proc, while {@code current()} is asked every tick. An attach is identified by
 * its ops name and {@code enable_seq}; a remembered owner that has exited is looked up again.
 */
public final class OwnerCache {

    private final OwnerFinder finder;
    private final AtomicReference<@Nullable Cached> cached = new AtomicReference<>();

    private record Cached(String ops, long enableSeq, @Nullable Owner owner) {
    }

    public OwnerCache(OwnerFinder finder) {
        this.finder = finder;
    }

    /** The owner of the scheduler in {@code s}, or null when none is attached or its process is not found. */
    public @Nullable Owner owner(Snapshot s) {
        String ops = s.ops();
        if (ops == null) {
            return null;
        }
        Cached c = cached.get();
        if (c != null && c.ops().equals(ops) && c.enableSeq() == s.enableSeq() && c.owner() != null
                && ProcessHandle.of(c.owner().pid()).isPresent()) {
            return c.owner();
        }
        Owner found = finder.find(ops).orElse(null);
        cached.set(new Cached(ops, s.enableSeq(), found));
        return found;
    }
}
