// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static dev.autosa.core.Durations.format;
import static java.util.Objects.requireNonNull;

import dev.autosa.api.SchedulerSpec;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The builder's single-value checks, each naming the setting and echoing the bad value. */
final class Settings {

    private Settings() {
    }

    /** Returns {@code value} unless the setting was already given. */
    static <T> T once(String setting, @Nullable T current, T value) {
        if (current != null) {
            throw new IllegalStateException(setting + " was already set to " + describe(current));
        }
        return value;
    }

    /** {@link #once}, for a value that must not be null (checked first, naming the setting). */
    static <T> T onceNonNull(String setting, @Nullable T current, T value) {
        requireNonNull(value, () -> setting + " must not be null");
        return once(setting, current, value);
    }

    static Duration between(String setting, Duration value, Duration min, Duration max) {
        requireNonNull(value, () -> setting + " must not be null");
        AutoSAConfig.requireBetween(setting, value, min, max);
        return value;
    }

    static Duration policyDuration(String setting, Duration value) {
        return between(setting, value, Duration.ZERO, AutoSAConfig.MAX_POLICY_DURATION);
    }

    static double confidence(double confidence) {
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("min confidence must be in [0, 1] but was " + confidence);
        }
        return confidence;
    }

    static int blocklistAfter(int failures) {
        if (failures < 1 || failures > 1000) {
            throw new IllegalArgumentException("blocklist after must be in [1, 1000] failures but was " + failures);
        }
        return failures;
    }

    static int decisionLogSize(int size) {
        if (size < 1 || size > 100_000) {
            throw new IllegalArgumentException("decision log size must be in [1, 100000] but was " + size);
        }
        return size;
    }

    /**
     * Every argument must be a flag ({@code -x}, {@code --name}, {@code --name=value}) or a plain
     * value: letters, digits and {@code - _ . , : / + = @ %}. Arguments never pass through a shell,
     * but a scheduler's own parser should not see what only makes sense to one.
     */
    static List<String> schedulerArgs(String scheduler, List<String> args) {
        SchedulerSpec.of(requireNonNull(scheduler, "scheduler args: scheduler must not be null"));
        requireNonNull(args, () -> "scheduler args for " + scheduler + " must not be null");
        for (String arg : args) {
            requireNonNull(arg, () -> "scheduler args for " + scheduler + " must not hold null");
            if (!plainArgument(arg)) {
                throw new IllegalArgumentException("scheduler args for " + scheduler + " must be flags or plain values"
                        + " (letters, digits, - _ . , : / + = @ %) but held \"" + printable(arg) + "\"");
            }
        }
        return List.copyOf(args);
    }

    private static boolean plainArgument(String arg) {
        if (arg.isEmpty() || arg.length() > 256) {
            return false;
        }
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-_.,:/+=@%".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Control characters shown escaped, so a message cannot forge log lines. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String describe(Object value) {
        if (value instanceof Duration d) {
            return format(d);
        }
        if (value instanceof Mode m) {
            return m.id();
        }
        return String.valueOf(value);
    }
}
