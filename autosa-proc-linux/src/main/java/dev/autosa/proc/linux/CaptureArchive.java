// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A capture kept as a {@code .tar.gz} (as the workload lab keeps them): unpacked into a private
 * temporary directory (plain ustar/GNU tar: directories and regular files, nothing outside the
 * target) and deleted again on {@link #close()}, so no external tar is needed.
 */
public final class CaptureArchive implements AutoCloseable {

    /** The file name ending this class reads. */
    public static final String SUFFIX = ".tar.gz";

    private final Path tmp;
    private final Path root;

    private CaptureArchive(Path tmp, Path root) {
        this.tmp = tmp;
        this.root = root;
    }

    /**
     * Unpacks {@code archive}.
     *
     * @param archive a {@code .tar.gz} holding one capture directory
     * @return the unpacked capture; closing it deletes what was unpacked
     * @throws IOException when it is not a tar.gz holding exactly one capture
     */
    public static CaptureArchive unpack(Path archive) throws IOException {
        Path tmp = Files.createTempDirectory("autosa-capture");
        try {
            extract(archive, tmp);
            return new CaptureArchive(tmp, captureRoot(tmp));
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /**
     * The capture directory.
     *
     * @return the directory holding meta.properties
     */
    public Path root() {
        return root;
    }

    @Override
    public void close() throws IOException {
        deleteTree(tmp);
    }

    /**
     * Finds the capture inside an extracted archive.
     *
     * @param extracted where the archive was extracted
     * @return the directory holding meta.properties: {@code extracted} itself or one level down
     * @throws IOException when there is not exactly one such directory
     */
    public static Path captureRoot(Path extracted) throws IOException {
        if (Files.exists(extracted.resolve(CaptureMeta.FILE_NAME))) {
            return extracted;
        }
        try (Stream<Path> list = Files.list(extracted)) {
            List<Path> dirs = list.filter(p -> Files.exists(p.resolve(CaptureMeta.FILE_NAME))).toList();
            if (dirs.size() != 1) {
                throw new IOException("expected one capture (a directory with meta.properties) in the archive but found "
                        + dirs.size());
            }
            return dirs.get(0);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    /**
     * Extracts {@code archive} into {@code target}, refusing entries that would land outside it.
     *
     * @param archive a {@code .tar.gz} file
     * @param target an existing directory
     * @throws IOException when the archive cannot be read or an entry would land outside {@code target}
     */
    public static void extract(Path archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 1 << 16))) {
            byte[] header = new byte[512];
            String longName = null;
            while (true) {
                if (in.readNBytes(header, 0, 512) < 512 || isZero(header)) {
                    return;
                }
                String name = longName != null ? longName : string(header, 0, 100);
                longName = null;
                String prefix = string(header, 345, 155);
                if (!prefix.isEmpty() && header[257] == 'u') {
                    name = prefix + "/" + name;
                }
                long size = octal(header, 124, 12, archive);
                byte type = header[156];
                if (type == 'L') { // GNU long name: the next entry's name is this entry's data
                    byte[] data = in.readNBytes((int) size);
                    skipPadding(in, size);
                    longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                Path out = root.resolve(name).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException(archive + ": entry " + name + " points outside " + root);
                }
                if (type == '5') {
                    Files.createDirectories(out);
                } else if (type == '0' || type == 0) {
                    Files.createDirectories(out.getParent());
                    Files.write(out, in.readNBytes((int) size));
                    skipPadding(in, size);
                    continue;
                }
                in.skipNBytes(size);
                skipPadding(in, size);
            }
        }
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long pad = (512 - size % 512) % 512;
        in.skipNBytes(pad);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String string(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int off, int len, Path archive) throws IOException {
        String s = string(b, off, len).trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException(archive + ": bad tar size field \"" + s + "\"", e);
        }
    }
}
