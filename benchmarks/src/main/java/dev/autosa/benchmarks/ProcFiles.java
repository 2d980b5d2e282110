// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.benchmarks;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files one AutoSA tick reads, and the proc roots the benchmarks run on: the machine's live
 * {@code /proc}, or {@code fixture}, a fixed copy of one machine's files shipped in the jar so runs
 * on different machines (and runs on a busy machine) compare the same parsing work.
 */
public final class ProcFiles {

    /** The {@code @Param} value that selects the shipped fixture. */
    public static final String FIXTURE = "fixture";

    /** Relative to the proc root; the optional ones are skipped when absent. */
    static final String[] REQUIRED = {"stat", "meminfo", "vmstat", "diskstats", "loadavg"};
    static final String[] OPTIONAL = {"pressure/cpu", "pressure/io", "pressure/memory", "schedstat"};

    private static final String RESOURCE_DIR = "/fixture-proc/";
    private static @Nullable Path extracted;

    private ProcFiles() {
    }

    /** Resolves a {@code @Param} value to a directory: {@code fixture} or a path such as {@code /proc}. */
    public static synchronized Path root(String param) {
        if (!FIXTURE.equals(param)) {
            return Paths.get(param);
        }
        Path dir = extracted;
        if (dir == null) {
            dir = extractFixture();
            extracted = dir;
        }
        return dir;
    }

    /** The tick's files that exist under {@code root}, in reading order. */
    public static List<Path> tickFiles(Path root) {
        List<Path> files = new ArrayList<>();
        for (String name : REQUIRED) {
            Path p = root.resolve(name);
            if (!Files.isReadable(p)) {
                throw new IllegalStateException("required proc file " + p + " is not readable");
            }
            files.add(p);
        }
        for (String name : OPTIONAL) {
            Path p = root.resolve(name);
            if (Files.isReadable(p)) {
                files.add(p);
            }
        }
        return files;
    }

    // A directory, not class path resources: the readers under test open files by path.
    private static Path extractFixture() {
        try {
            Path dir = Files.createTempDirectory("autosa-fixture-proc");
            for (String name : concat(REQUIRED, OPTIONAL)) {
                try (InputStream in = ProcFiles.class.getResourceAsStream(RESOURCE_DIR + name)) {
                    if (in == null) {
                        continue;
                    }
                    Path target = dir.resolve(name);
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract the proc fixture to a temporary directory", e);
        }
    }

    private static List<String> concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete the proc fixture copy " + dir + ": " + e);
        }
    }
}
