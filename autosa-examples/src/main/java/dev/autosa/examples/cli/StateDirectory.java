// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where the daemon keeps what must outlive it (the outcome history of its experiments):
 * {@code /var/lib/autosa} as root (systemd's {@code StateDirectory=autosa}), else
 * {@code $XDG_STATE_HOME/autosa}, else {@code ~/.local/state/autosa}.
 */
public final class StateDirectory {

    public static final Path ROOT_DEFAULT = Path.of("/var/lib/autosa");

    private StateDirectory() {
    }

    /**
     * The flag if given, else the file's {@code state_dir}, else the default for this user.
     *
     * @param flag {@code --state-dir}, or null
     * @param file the configuration file's {@code state_dir}, or null
     * @return the state directory (it may not exist yet)
     */
    public static Path choose(@Nullable Path flag, @Nullable Path file) {
        if (flag != null) {
            return flag.toAbsolutePath();
        }
        if (file != null) {
            return file;
        }
        if (Uid.isRoot()) {
            return ROOT_DEFAULT;
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "autosa");
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "autosa");
    }

    /** A configured state directory: must be an absolute path. */
    static Path check(String value) {
        Path p = Path.of(value);
        if (!p.isAbsolute()) {
            throw new IllegalArgumentException("must be an absolute directory but was \"" + value + "\"");
        }
        return p;
    }
}
