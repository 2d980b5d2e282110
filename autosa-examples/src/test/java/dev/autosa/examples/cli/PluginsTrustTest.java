// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.autosa.proc.linux.trust.RootTrust;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As root, plug-in jars pass the same trust check as scheduler binaries ({@link RootTrust}): every
 * ancestor of the plug-in directory counts, and a jar's real path must lie inside it (issue 12).
 */
class PluginsTrustTest {

    @TempDir(factory = TrustedTemp.class)
    Path tmp;

    @BeforeEach
    void asRoot() {
        Assumptions.assumeTrue(Uid.isRoot(), "the trust check applies to a daemon running as root");
        Assumptions.assumeTrue(RootTrust.checkDirectory(tmp).isEmpty(), "needs a checkout only root can write");
    }

    private static Path dir(Path p) throws IOException {
        Files.createDirectories(p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static Path jar(Path dir) throws IOException {
        Path jar = Files.write(dir.resolve("plugin.jar"), new byte[] {'P', 'K', 5, 6});
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        return jar;
    }

    private static String refusal(Path dir) {
        CliException e = catchThrowableOfType(CliException.class, () -> Plugins.loader(dir));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.exitCode()).isEqualTo(1);
        return e.getMessage();
    }

    @Test
    void aTrustedJarIsLoadedFromItsRealPath() throws IOException {
        Path plugins = dir(tmp.resolve("plugins"));
        Path jar = jar(dir(plugins.resolve("real")));
        Files.createSymbolicLink(plugins.resolve("linked.jar"), jar);
        ClassLoader loader = Plugins.loader(plugins);
        assertThat(loader).isInstanceOf(URLClassLoader.class);
        assertThat(((URLClassLoader) loader).getURLs()).extracting(URL::getPath).containsExactly(jar.toString());
    }

    @Test
    void aPluginDirectoryInsideAUserOwnedDirectoryIsRefused() throws IOException {
        Path home = dir(tmp.resolve("home"));
        Files.setAttribute(home, "unix:uid", 65534);
        Path plugins = dir(home.resolve("plugins"));
        jar(plugins);
        assertThat(refusal(plugins)).isEqualTo("refusing plug-in directory " + plugins + ": running as root, "
                + "directory " + home + " is owned by uid 65534, not root (an ancestor of " + plugins + ")");
    }

    @Test
    void aJarLinkPointingOutsideThePluginDirectoryIsRefused() throws IOException {
        Path plugins = dir(tmp.resolve("plugins"));
        Path outside = jar(dir(tmp.resolve("outside")));
        Path link = Files.createSymbolicLink(plugins.resolve("plugin.jar"), outside);
        assertThat(refusal(plugins)).isEqualTo("refusing plug-in " + link + ": running as root, " + link
                + " resolves to " + outside + ", which is outside every trusted directory [" + plugins + "]");
    }

    @Test
    void aJarOthersCanWriteIsRefused() throws IOException {
        Path plugins = dir(tmp.resolve("plugins"));
        Path jar = jar(plugins);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-r--"));
        assertThat(refusal(plugins)).isEqualTo("refusing plug-in " + jar + ": running as root, " + jar
                + " is group-writable (rw-rw-r--)");
    }
}
