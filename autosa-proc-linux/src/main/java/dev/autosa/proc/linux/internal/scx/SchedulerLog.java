// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file a started scheduler writes its stdout and stderr to. A file, not a pipe: a scheduler
 * kept running after the JVM exits ({@code close(true)}) would otherwise die of SIGPIPE at its
 * next line of statistics. Each start begins a fresh file; the child appends (O_APPEND), so the
 * controller can cut the file back to empty when it outgrows its cap and the child simply goes on
 * writing at the new end. Failure reports read only the file's last bytes.
 */
public final class SchedulerLog {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerLog.class);
    /** How much of the file's end a failure report reads. */
    public static final int TAIL_BYTES = 4096;
    private static final int MAX_LINE = 512;

    private final Path file;
    private final long maxBytes;

    public SchedulerLog(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    public Path file() {
        return file;
    }

    /** Starts a fresh, empty file (mode 0600): the output of an earlier run is dropped. */
    public void reset() throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    }

    /** Cuts the file back to empty when it is larger than its cap; the child keeps appending. */
    public void enforceCap() {
        try {
            if (Files.size(file) <= maxBytes) {
                return;
            }
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            LOG.warn("cannot bound scheduler log {}: {}", file, e.toString());
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (ch.size() > maxBytes) {
                ch.truncate(0);
                LOG.debug("{} grew past {} bytes: truncated", file, maxBytes);
            }
        } catch (NoSuchFileException e) {
            return; // removed by hand: the child writes to an unlinked file, nothing to bound here
        } catch (IOException e) {
            LOG.warn("cannot bound scheduler log {}: {}", file, e.toString());
        }
    }

    /** The last {@code count} non-blank lines within the file's last {@value #TAIL_BYTES} bytes, oldest first. */
    public List<String> lastLines(int count) {
        byte[] bytes;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
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
