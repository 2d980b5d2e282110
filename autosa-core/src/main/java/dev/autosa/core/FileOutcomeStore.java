// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.Workload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome history as a tab-separated file, {@value #FILE_NAME}, in a state directory (the
 * daemon's is {@code /var/lib/autosa}). Written atomically: a temporary file in the same directory
 * is written, forced to disk and renamed over the old one, so a crash leaves either the old or the
 * new history. A file that cannot be parsed is set aside as {@code outcomes.tsv.corrupt-<millis>}
 * with a warning and a fresh history begins.
 */
public final class FileOutcomeStore implements OutcomeStore {

    /** The history file's name in the state directory. */
    public static final String FILE_NAME = "outcomes.tsv";
    static final String HEADER = "# autosa outcome history v2";
    /** Version 1 had no scheduler version column; its files are read as they are. */
    static final String HEADER_V1 = "# autosa outcome history v1";
    static final String COLUMNS = "# machine\tobjective\tworkload\tscheduler\ttrials\tkept\treverted\tbetter"
            + "\tinconclusive\tlast_lost_ms\tchanges\tscheduler_version";
    private static final long MAX_SIZE = 16L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(FileOutcomeStore.class);

    private final Path directory;
    private final Path file;

    /**
     * A store in {@code directory}; nothing is read or written until the engine loads or saves.
     *
     * @param directory the state directory that holds (or will hold) {@value #FILE_NAME}; it must exist
     *     when the history is saved
     */
    public FileOutcomeStore(Path directory) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
    }

    /** {@return the history file: {@value #FILE_NAME} in the state directory} */
    public Path file() {
        return file;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public List<OutcomeRecord> load() {
        String text;
        try {
            if (Files.isSymbolicLink(file)) {
                throw new IOException("is a symbolic link");
            }
            if (Files.size(file) > MAX_SIZE) {
                throw new IOException("larger than " + MAX_SIZE + " bytes");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            setAside("cannot be read: " + e.getMessage());
            return List.of();
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            setAside(e.getMessage());
            return List.of();
        }
    }

    /**
     * Reads a history file without setting anything aside (for {@code autosa history}).
     *
     * @param file a history file as this store writes it
     * @return its records, in file order
     * @throws IOException when the file cannot be read or is malformed (the message names the file and line)
     */
    public static List<OutcomeRecord> read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static List<OutcomeRecord> parse(String text) {
        List<OutcomeRecord> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int fields;
        if (lines[0].equals(HEADER)) {
            fields = 12;
        } else if (lines[0].equals(HEADER_V1)) {
            fields = 11;
        } else {
            throw new IllegalArgumentException("line 1: expected \"" + HEADER + "\"");
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                out.add(parseLine(line, fields));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static OutcomeRecord parseLine(String line, int fields) {
        String[] f = line.split("\t", -1);
        if (f.length != fields) {
            throw new IllegalArgumentException("expected " + fields + " tab-separated fields but found " + f.length);
        }
        List<Double> changes = new ArrayList<>();
        if (!f[10].isEmpty()) {
            for (String c : f[10].split(",")) {
                double d = Double.parseDouble(c);
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("change must be a finite number but was " + c);
                }
                changes.add(d);
            }
        }
        long lost = Long.parseLong(f[9]);
        return new OutcomeRecord(f[0], f[1], Workload.of(f[2]), f[3], Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                lost < 0 ? null : Instant.ofEpochMilli(lost), changes, fields > 11 ? f[11] : "");
    }

    static String format(List<OutcomeRecord> records) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n').append(COLUMNS).append('\n');
        for (OutcomeRecord r : records) {
            requireField(r.machine());
            requireField(r.objective());
            requireField(r.scheduler());
            requireField(r.schedulerVersion());
            sb.append(r.machine()).append('\t').append(r.objective()).append('\t').append(r.workload().id())
                    .append('\t').append(r.scheduler()).append('\t').append(r.trials()).append('\t').append(r.kept())
                    .append('\t').append(r.reverted()).append('\t').append(r.better()).append('\t')
                    .append(r.inconclusive()).append('\t').append(r.lastLost() == null ? -1 : r.lastLost().toEpochMilli())
                    .append('\t');
            for (int i = 0; i < r.changes().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(String.format(Locale.ROOT, "%.6g", r.changes().get(i)));
            }
            sb.append('\t').append(r.schedulerVersion()).append('\n');
        }
        return sb.toString();
    }

    private static void requireField(String s) {
        if (s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("history field must not hold a tab or a line break: \"" + s + "\"");
        }
    }

    @Override
    public void save(List<OutcomeRecord> records) throws IOException {
        createDirectory();
        byte[] bytes = format(records).getBytes(StandardCharsets.UTF_8);
        Path tmp = directory.resolve("." + FILE_NAME + ".tmp-" + ProcessHandle.current().pid());
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot replace " + file + " atomically: " + e.getMessage(), e);
        }
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("state directory " + directory + " exists but is not a directory", e);
        }
    }

    private void setAside(@Nullable String why) {
        Path aside = directory.resolve(FILE_NAME + ".corrupt-" + System.currentTimeMillis());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("outcome history {} {}; set aside as {}, starting a fresh history", file, why, aside);
        } catch (IOException e) {
            LOG.warn("outcome history {} {}; could not set it aside ({}); starting a fresh history", file, why,
                    e.toString());
        }
    }
}
