// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.proc.linux.trust.EffectiveUid;
import dev.autosa.proc.linux.trust.RootTrust;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads plug-in jars (extra classifiers, metric sources or controllers found by ServiceLoader)
 * from a directory into a class loader for {@code AutoSA.builder().classLoader(...)}.
 *
 * <p>A plug-in runs with the daemon's rights (root), so as root the directory (and every ancestor)
 * and each jar must be owned by root and not writable by group or others, and a jar's real path
 * must lie inside the directory: {@link RootTrust}, the rule the controller applies to {@code
 * scx_*} binaries.
 */
public final class Plugins {

    /** Used when {@code --plugins} is not given and the directory exists. */
    public static final Path DEFAULT_DIR = Path.of("/usr/lib/autosa/plugins");

    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    private Plugins() {
    }

    /**
     * The class loader for {@code dir} (or the default directory when it exists), or the
     * application's loader when there are no plug-ins.
     *
     * @throws CliException (exit 2) when a given directory does not exist, or (exit 1) when a jar is not trusted
     */
    public static ClassLoader loader(@Nullable Path dir) {
        ClassLoader parent = Plugins.class.getClassLoader();
        Path d = dir;
        if (d == null) {
            if (!Files.isDirectory(DEFAULT_DIR)) {
                return parent;
            }
            d = DEFAULT_DIR;
        } else if (!Files.isDirectory(d)) {
            throw CliException.usage("--plugins: " + d + " is not a directory");
        }
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> list = Files.list(d)) {
            list.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
        } catch (IOException e) {
            throw CliException.failure("cannot list plug-in directory " + d + ": " + e.getMessage());
        }
        if (jars.isEmpty()) {
            return parent;
        }
        if (EffectiveUid.isRoot()) {
            Optional<String> refusal = RootTrust.checkDirectory(d);
            if (refusal.isPresent()) {
                throw CliException.failure("refusing plug-in directory " + d + ": running as root, " + refusal.get());
            }
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            Path jar = trusted(jars.get(i), d);
            try {
                urls[i] = jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw CliException.failure("bad plug-in path " + jar + ": " + e.getMessage());
            }
        }
        LOG.info("plug-ins from {}: {}", d, jars.stream().map(p -> p.getFileName().toString()).toList());
        return new URLClassLoader("autosa-plugins", urls, parent);
    }

    /** The path to load {@code jar} from: as root, its checked real path (the rule scheduler binaries follow). */
    private static Path trusted(Path jar, Path dir) {
        if (!EffectiveUid.isRoot()) {
            return jar;
        }
        RootTrust.Verdict v = RootTrust.checkFile(jar, List.of(dir));
        Path real = v.realPath();
        if (real == null) {
            throw CliException.failure("refusing plug-in " + jar + ": running as root, " + v.refusal());
        }
        return real;
    }
}
