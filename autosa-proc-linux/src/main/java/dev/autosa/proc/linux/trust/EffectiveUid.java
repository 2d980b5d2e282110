// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's effective uid. Java has no {@code geteuid()}; the value is read once from {@code
 * /proc/self/status} so that no extra JDK module ({@code jdk.security.auth}) is needed.
 */
public final class EffectiveUid {

    private static final int UID = read(Path.of("/proc/self/status"));

    private EffectiveUid() {
    }

    /**
     * The effective uid, or -1 when it cannot be read (not Linux, no /proc).
     *
     * @return the uid
     */
    public static int get() {
        return UID;
    }

    /**
     * Whether this process runs with uid 0.
     *
     * @return true for root
     */
    public static boolean isRoot() {
        return UID == 0;
    }

    /**
     * The {@code index}th field of {@code s}, fields separated by blanks; no regular expression, which
     * would cost a short CLI call more than reading the file.
     */
    private static String field(String s, int index) {
        int i = 0;
        int n = s.length();
        for (int f = 0; ; f++) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("no field " + index + " in \"" + s + "\"");
            }
            if (f == index) {
                return s.substring(start, i);
            }
        }
    }

    /** The effective uid in a {@code status} file of /proc, or -1 when the file has none. */
    static int read(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(field(line.substring(4), 1)); // real, effective, saved, filesystem
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
