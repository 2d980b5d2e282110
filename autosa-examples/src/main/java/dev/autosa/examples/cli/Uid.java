// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's effective uid, read as the owner of {@code /proc/self} (Java has no geteuid()). */
public final class Uid {

    private static final int UID = read();

    private Uid() {
    }

    public static int effective() {
        return UID;
    }

    public static boolean isRoot() {
        return UID == 0;
    }

    private static int read() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // Not Linux: fall back to the login name; only "root" matters.
            return "root".equals(System.getProperty("user.name")) ? 0 : -1;
        }
    }
}
