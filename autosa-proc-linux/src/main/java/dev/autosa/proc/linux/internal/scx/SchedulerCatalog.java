// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import static dev.autosa.proc.linux.internal.scx.Failures.failure;

import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure.Kind;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.SchedulerSpec;
import dev.autosa.proc.linux.trust.RootTrust;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds {@code scx_*} binaries in the trusted directories and builds the catalog: the known
 * schedulers (installed or not) plus any other {@code scx_*} found, each with the flags it accepts.
 * Scans on every call: a handful of directory reads, and packages may be installed at any time.
 */
public final class SchedulerCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerCatalog.class);

    /** One catalog entry: what the API reports plus what activate() needs. */
    public record Entry(SchedulerInfo info, FlagSet flags) {
    }

    private final List<Path> trustedDirs;
    private final Map<String, Set<String>> extraFlags;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public SchedulerCatalog(List<Path> trustedDirs, Map<String, Set<String>> extraFlags) {
        this.trustedDirs = List.copyOf(trustedDirs);
        this.extraFlags = Map.copyOf(extraFlags);
    }

    /** The catalog, known schedulers first (in preference-table order), then discovered ones by name. */
    public List<Entry> scan() {
        Set<String> found = new TreeSet<>();
        for (Path dir : trustedDirs) {
            if (Files.isDirectory(dir)) {
                warnIfUntrusted(dir);
            }
            list(dir, found);
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (KnownScheduler k : KnownScheduler.all()) {
            if (k.alwaysListed() || found.contains(k.name())) {
                entries.put(k.name(), entry(k.name(), k.description(), k.flags()));
            }
        }
        for (String name : found) {
            if (!entries.containsKey(name) && !KnownScheduler.isTool(name)) {
                entries.put(name, entry(name, "sched_ext scheduler found in a trusted directory (not in AutoSA's "
                        + "catalog: only flags allowed in the config are accepted)", FlagSet.empty()));
            }
        }
        return List.copyOf(entries.values());
    }

    /** The entry for {@code name}, known or found, or empty when neither. */
    public Optional<Entry> find(String name) {
        return scan().stream().filter(e -> e.info().name().equals(name)).findFirst();
    }

    /**
     * The checked real path to run for {@code spec}: the scheduler is installed in a trusted
     * directory, passes the trust check, and its arguments are among its known flags.
     */
    public Path binaryFor(SchedulerSpec spec) throws SchedulerException {
        String name = spec.name();
        Entry entry = find(name).orElseThrow(() -> failure(name, Kind.START_FAILED,
                "unknown scheduler: not in the catalog and not found in the trusted directories " + trustedDirs, null));
        Path path = entry.info().path();
        if (!entry.info().installed() || path == null) {
            String why = entry.info().refusedReason().isEmpty()
                    ? "not installed in any trusted directory " + trustedDirs
                    : "refused: " + entry.info().refusedReason();
            throw failure(name, Kind.START_FAILED, why, null);
        }
        try {
            entry.flags().validate(name, spec.args());
        } catch (IllegalArgumentException e) {
            throw failure(name, Kind.START_FAILED, String.valueOf(e.getMessage()), null);
        }
        return path;
    }

    /** A helper tool (setsid, kill) from the trusted directories or the system's own, if trusted. */
    public @Nullable Path tool(String name, List<Path> systemDirs) {
        List<Path> dirs = new ArrayList<>(trustedDirs);
        dirs.addAll(systemDirs);
        for (Path dir : dirs) {
            Path p = dir.resolve(name);
            if (Files.exists(p)) {
                RootTrust.Verdict v = RootTrust.checkExecutable(p, dirs);
                if (v.trusted()) {
                    return v.realPath();
                }
            }
        }
        return null;
    }

    private Entry entry(String name, String description, FlagSet flags) {
        FlagSet allowed = flags.plus(extraFlags.getOrDefault(name, Set.of()));
        String firstRefusal = null;
        for (Path dir : trustedDirs) {
            Path p = dir.resolve(name);
            if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            RootTrust.Verdict v = RootTrust.checkExecutable(p, trustedDirs);
            Path real = v.realPath();
            if (real != null) {
                // the real path is what runs: a link re-pointed after this check changes nothing
                return new Entry(SchedulerInfo.installed(name, description, real), allowed);
            }
            LOG.debug("refusing {}: {}", p, v.refusal());
            if (firstRefusal == null) {
                firstRefusal = v.refusal();
            }
        }
        if (firstRefusal != null) {
            return new Entry(new SchedulerInfo(name, description, null, false, firstRefusal), allowed);
        }
        return new Entry(SchedulerInfo.missing(name, description), allowed);
    }

    /** Each configured trusted directory that fails the trust check, with why ("DIR: reason"). */
    public List<String> untrustedDirs() {
        List<String> problems = new ArrayList<>();
        for (Path dir : trustedDirs) {
            if (Files.isDirectory(dir)) {
                RootTrust.checkDirectory(dir).ifPresent(why -> problems.add(dir + ": " + why));
            }
        }
        return List.copyOf(problems);
    }

    /** Says once per directory and reason why a trusted directory cannot be trusted. */
    private void warnIfUntrusted(Path dir) {
        Optional<String> refusal = RootTrust.checkDirectory(dir);
        if (refusal.isPresent() && warned.add(dir + ": " + refusal.get())) {
            LOG.warn("trusted directory {} is refused: {}; no scheduler in it will be run", dir, refusal.get());
        }
    }

    private static void list(Path dir, Set<String> found) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "scx_*")) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (isSchedulerName(name)) {
                    found.add(name);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list trusted directory {}: {}", dir, e.toString());
        }
    }

    private static boolean isSchedulerName(String name) {
        if (name.length() <= 4 || name.length() > 68) {
            return false;
        }
        for (int i = 4; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
