// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import dev.autosa.proc.linux.trust.RootTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temp directories that can hold trusted scheduler binaries: every ancestor of a trusted directory
 * must be root-owned and not group/world-writable, which rules out the sticky {@code /tmp} that
 * JUnit uses by default. They go under the module's {@code target/} instead (the build runs as
 * root, as the controller tests need).
 */
final class TrustedTempDirFactory implements TempDirFactory {

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
        Path base = Path.of("target", "trusted-tmp").toAbsolutePath();
        Files.createDirectories(base);
        Optional<String> refusal = RootTrust.checkDirectory(base);
        if (refusal.isPresent()) {
            throw new IOException("cannot create a trusted temp directory under " + base + ": " + refusal.get()
                    + " (the controller tests need a checkout whose directories only root can write)");
        }
        Path dir = Files.createTempDirectory(base, "junit");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }
}
