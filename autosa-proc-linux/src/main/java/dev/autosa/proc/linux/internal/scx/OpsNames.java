// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

/**
 * Ties a binary name to the ops name the kernel reports: {@code scx_simple} attaches as {@code
 * simple}; the Rust schedulers add their version and architecture ({@code rusty_1.0.4_x86_64}).
 */
public final class OpsNames {

    private OpsNames() {
    }

    /** True when {@code ops} is what {@code scheduler} attaches as. */
    public static boolean matches(String scheduler, String ops) {
        String base = scheduler.startsWith("scx_") ? scheduler.substring(4) : scheduler;
        // "_" after the base so that scx_flash never claims an ops named "flashy"
        return ops.equals(base) || ops.startsWith(base + "_");
    }

    /** A binary name for an ops whose process is unknown ({@code simple} gives {@code scx_simple}), for reports. */
    public static String guessName(@org.jspecify.annotations.Nullable String ops) {
        if (ops == null) {
            return "scx_unknown";
        }
        int underscore = ops.indexOf('_');
        String base = underscore < 0 ? ops : ops.substring(0, underscore);
        return base.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) && !base.isEmpty()
                ? "scx_" + base : "scx_unknown";
    }
}
