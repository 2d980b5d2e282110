// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's effective uid, read from {@code /proc/self/status} so that no extra JDK module
 * ({@code jdk.security.auth}) is needed.
 */
public final class EffectiveUid {

    private EffectiveUid() {
    }

    /** The effective uid, or -1 when it cannot be read (not Linux, no /proc). */
    public static long get() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("Uid:")) {
                    String[] f = line.substring(4).trim().split("\\s+");
                    return Long.parseLong(f[1]); // real, effective, saved, filesystem
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
