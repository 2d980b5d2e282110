// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.util.List;

/**
 * What to start: a scheduler binary name ({@code scx_*}) and its arguments. Arguments are passed
 * to the binary as they are, never through a shell; controllers validate them against the
 * scheduler's known flags.
 *
 * @param name the binary's name: {@code scx_} followed by 1..64 of a-z, 0-9 and '_'
 * @param args the arguments, in order; may be empty
 */
public record SchedulerSpec(String name, List<String> args) {

    /**
     * Checks the name and copies the arguments.
     *
     * @param name the binary's name: {@code scx_} followed by 1..64 of a-z, 0-9 and '_'
     * @param args the arguments, in order; not null, no null elements
     * @throws IllegalArgumentException when {@code name} is not of that form
     */
    public SchedulerSpec {
        requireSchedulerName(name);
        args = List.copyOf(args);
    }

    /**
     * A spec with its arguments given one by one.
     *
     * @param name the binary's name, e.g. {@code scx_rusty}
     * @param args the arguments, in order
     * @return the spec
     * @throws IllegalArgumentException when {@code name} is not a scheduler name
     */
    public static SchedulerSpec of(String name, String... args) {
        return new SchedulerSpec(name, List.of(args));
    }

    /** Scheduler names are {@code scx_} followed by 1..64 of a-z, 0-9 and '_'. */
    static void requireSchedulerName(String name) {
        boolean ok = name.startsWith("scx_") && name.length() > 4 && name.length() <= 68;
        for (int i = 4; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
        if (!ok) {
            throw new IllegalArgumentException(
                    "scheduler name must be scx_ followed by a-z, 0-9 or '_' but was \"" + name + "\"");
        }
    }

    @Override
    public String toString() {
        return args.isEmpty() ? name : name + " " + String.join(" ", args);
    }
}
