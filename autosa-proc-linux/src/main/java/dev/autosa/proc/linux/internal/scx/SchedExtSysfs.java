// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import dev.autosa.api.ActiveScheduler.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads sched_ext's sysfs files: {@code state}, {@code enable_seq}, {@code nr_rejected} and, while
 * a scheduler is loaded, {@code root/ops} and {@code root/events}. The kernel's word is the only
 * truth about what runs, so nothing here is cached.
 */
public final class SchedExtSysfs {

    /** One consistent-enough reading: state, ops name (null when none) and enable_seq (-1 when absent). */
    public record Snapshot(State state, @Nullable String ops, long enableSeq) {

        public boolean isDisabled() {
            return state == State.DISABLED;
        }

        /** For messages: {@code state=enabled ops=simple enable_seq=3}. */
        public String describe() {
            return "state=" + state.id() + " ops=" + (ops == null ? "-" : ops) + " enable_seq=" + enableSeq;
        }
    }

    private final Path root;

    public SchedExtSysfs(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public boolean exists() {
        return Files.isDirectory(root);
    }

    public Snapshot snapshot() {
        State state = state();
        String ops = state == State.DISABLED ? null : ops();
        return new Snapshot(state, ops, enableSeq());
    }

    /** The state; a missing file means no sched_ext, which is the kernel default. */
    public State state() {
        Path file = root.resolve("state");
        String text = read(file);
        if (text == null || text.isEmpty()) {
            return State.DISABLED;
        }
        try {
            return State.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " holds \"" + text
                    + "\", expected one of disabled, enabling, enabled, disabling", e);
        }
    }

    public @Nullable String ops() {
        String ops = read(root.resolve("root").resolve("ops"));
        return ops == null || ops.isEmpty() ? null : ops;
    }

    public long enableSeq() {
        return number("enable_seq");
    }

    public long nrRejected() {
        return number("nr_rejected");
    }

    /** The per-scheduler event counters ({@code root/events}), joined on one line, or null when absent. */
    public @Nullable String events() {
        String text = read(root.resolve("root").resolve("events"));
        return text == null ? null : text.replaceAll("\\s+", " ");
    }

    private long number(String name) {
        Path file = root.resolve(name);
        String text = read(file);
        if (text == null || text.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + " holds \"" + text + "\", expected a number", e);
        }
    }

    /**
     * The file's trimmed text, or null when absent. Empty text counts as absent: the kernel's
     * sysfs reads are atomic, but a fake tree written by a script can be caught mid-write.
     */
    private static @Nullable String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
