// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import dev.autosa.proc.linux.trust.RootTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Directories that can hold trusted scheduler binaries: every ancestor of a trusted directory must
 * be root-owned and not group/world-writable, which rules out the sticky {@code /tmp}. They go
 * under the module's {@code target/} when the checkout's directories pass that check, else under
 * {@code /run/autosa-tests} (a checkout under {@code /tmp}, as a CI machine may make; {@code /run}
 * is root's 0755 tmpfs on the host and in the sched_ext guest). The build runs as root, as the
 * controller tests need.
 */
public final class TrustedDirs {

    private TrustedDirs() {
    }

    /** Where trusted directories can live, best first. */
    private static final List<Path> BASES = List.of(Path.of("target", "trusted-tmp").toAbsolutePath(),
            Path.of("/run/autosa-tests"));

    /**
     * A fresh 0755 directory whose ancestors only root can write.
     *
     * @param prefix the start of its name
     * @return the new directory (left for {@code mvn clean} or the next boot)
     * @throws IOException when no base directory passes the trust check
     */
    public static Path newDirectory(String prefix) throws IOException {
        List<String> refusals = new ArrayList<>();
        for (Path base : BASES) {
            Files.createDirectories(base);
            Optional<String> refusal = RootTrust.checkDirectory(base);
            if (refusal.isEmpty()) {
                Path dir = Files.createTempDirectory(base, prefix);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                return dir;
            }
            refusals.add(base + ": " + refusal.get());
        }
        throw new IOException("cannot create a trusted temp directory (the controller tests need a directory only"
                + " root can write, and so every ancestor): " + String.join("; ", refusals));
    }
}
