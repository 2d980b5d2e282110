// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.proc.linux.trust.RootTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temp directories a root daemon may load plug-ins from: every ancestor of a trusted directory
 * must be root-owned and not group/world-writable, and the default temp dir ({@code /tmp}) is
 * world-writable.
 */
final class TrustedTemp implements TempDirFactory {

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
        return newDirectory("junit");
    }

    /**
     * A fresh 0755 directory under {@code target/trusted-tmp} when the checkout's directories only
     * root can write, else under {@code /run/autosa-tests} (a checkout under {@code /tmp}).
     */
    static Path newDirectory(String prefix) throws IOException {
        List<String> refusals = new ArrayList<>();
        for (Path base : List.of(Path.of("target", "trusted-tmp").toAbsolutePath(), Path.of("/run/autosa-tests"))) {
            Files.createDirectories(base);
            Optional<String> refusal = RootTrust.checkDirectory(base);
            if (refusal.isEmpty()) {
                Path dir = Files.createTempDirectory(base, prefix);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                return dir;
            }
            refusals.add(base + ": " + refusal.get());
        }
        throw new IOException("cannot create a directory only root can write: " + String.join("; ", refusals));
    }
}
