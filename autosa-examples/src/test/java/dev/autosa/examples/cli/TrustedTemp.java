// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temp directories a root daemon may load plug-ins from: under the module's {@code target/}, since
 * every ancestor of a trusted directory must be root-owned and not group/world-writable and the
 * default temp dir ({@code /tmp}) is world-writable.
 */
final class TrustedTemp implements TempDirFactory {

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
        return newDirectory("junit");
    }

    /** A fresh 0755 directory under {@code target/trusted-tmp} (left for {@code mvn clean}). */
    static Path newDirectory(String prefix) throws IOException {
        Path base = Files.createDirectories(Path.of("target", "trusted-tmp").toAbsolutePath());
        Path dir = Files.createTempDirectory(base, prefix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }
}
