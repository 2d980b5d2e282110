// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file a started scheduler writes its stdout and stderr to. A file, not a pipe: a scheduler
 * kept running after the JVM exits ({@code close(true)}) would otherwise die of SIGPIPE at its
 * next line of statistics. Each start begins a fresh file; the child appends (O_APPEND), so the
 * controller can cut the file back to empty when it outgrows its cap and the child simply goes on
 * writing at the new end. Failure reports read only the file's last bytes.
 *
 * <p>The file is created with {@code O_EXCL|O_NOFOLLOW} and the cap is applied through the channel
 * opened then, never by path: whatever is put at the path later (a link to a root-only file) is
 * never truncated or written. Reads open the path without following links.
 */
public final class SchedulerLog implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerLog.class);
    /** How much of the file's end a failure report reads. */
    public static final int TAIL_BYTES = 4096;
    private static final int MAX_LINE = 512;

    private final Path file;
    private final long maxBytes;
    private final @Nullable FileChannel channel;

    /** A log to read only (an existing file): {@link #enforceCap()} does nothing. */
    public SchedulerLog(Path file, long maxBytes) {
        this(file, maxBytes, null);
    }

    private SchedulerLog(Path file, long maxBytes, @Nullable FileChannel channel) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.channel = channel;
    }

    /**
     * Starts a fresh, empty file (mode 0600): whatever was at {@code file} is removed (a link
     * itself, never its target), and the new file is created exclusively, not through a link.
     */
    public static SchedulerLog create(Path file, long maxBytes) throws IOException {
        Files.deleteIfExists(file);
        FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
        return new SchedulerLog(file, maxBytes, ch);
    }

    public Path file() {
        return file;
    }

    /** Cuts the file this log created back to empty when it is larger than its cap; the child keeps appending. */
    public void enforceCap() {
        FileChannel ch = channel;
        if (ch == null || !ch.isOpen()) {
            return;
        }
        try {
            if (ch.size() > maxBytes) {
                ch.truncate(0);
                LOG.debug("{} grew past {} bytes: truncated", file, maxBytes);
            }
        } catch (IOException e) {
            LOG.warn("cannot bound scheduler log {}: {}", file, e.toString());
        }
    }

    /** Stops bounding the file (the scheduler is gone or kept without us); the child's own descriptor stays. */
    @Override
    public void close() {
        FileChannel ch = channel;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", file, e.toString());
            }
        }
    }

    /** The last {@code count} non-blank lines within the file's last {@value #TAIL_BYTES} bytes, oldest first. */
    public List<String> lastLines(int count) {
        byte[] bytes;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            long from = Math.max(0, size - TAIL_BYTES);
            ByteBuffer buf = ByteBuffer.allocate((int) (size - from));
            while (buf.hasRemaining() && ch.read(buf, from + buf.position()) > 0) {
                // read until the end seen at open; the child may append more meanwhile
            }
            bytes = new byte[buf.position()];
            buf.flip().get(bytes);
            if (from > 0) {
                // the first line is probably cut: drop it
                int nl = indexOf(bytes, (byte) '\n');
                bytes = nl < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, nl + 1, bytes.length);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warn("cannot read scheduler log {}: {}", file, e.toString());
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line);
            }
        }
        return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
