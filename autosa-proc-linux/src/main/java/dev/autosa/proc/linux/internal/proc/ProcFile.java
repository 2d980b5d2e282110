// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * One file under a proc root, kept open and re-read from offset 0 into a reused buffer each tick.
 * /proc files regenerate their content on every read from offset 0, so there is no need to
 * reopen them; the buffer only grows when a file is larger than anything read before.
 *
 * <p>Failures are reported as a negative length and {@link #lastError()} rather than thrown, so
 * one unreadable file costs its own metrics only. The channel is reopened on the next read after
 * an error (an interrupted thread closes a {@link FileChannel}).
 */
final class ProcFile implements AutoCloseable {

    /** {@link #read()} result: the file does not exist. */
    static final int MISSING = -1;
    /** {@link #read()} result: the file exists but could not be read; see {@link #lastError()}. */
    static final int FAILED = -2;

    /** A file bigger than this is not /proc content we understand; refuse rather than exhaust memory. */
    static final int MAX_SIZE = 16 << 20;

    private static final int INITIAL_SIZE = 8192;

    /**
     * A missing file is looked for again only every this many reads (10 minutes at the default
     * interval): a failed open allocates an
     * exception, and optional files (schedstat, pressure) do not come and go on a running kernel.
     */
    static final int MISSING_RETRY_READS = 600;

    private final String name;
    private Path path;
    private @Nullable FileChannel channel;
    private ByteBuffer direct = ByteBuffer.allocateDirect(INITIAL_SIZE);
    private byte[] bytes = new byte[INITIAL_SIZE];
    private int length;
    private String lastError = "";
    private int readsUntilRetry;

    /** {@code name} is the path relative to the proc root, e.g. {@code "pressure/io"}. */
    ProcFile(Path root, String name) {
        this.name = name;
        this.path = root.resolve(name);
    }

    /** Points this file at another root (the next tick of a capture); the next read reopens. */
    void setRoot(Path root) {
        closeQuietly();
        path = root.resolve(name);
        readsUntilRetry = 0;
    }

    String name() {
        return name;
    }

    Path path() {
        return path;
    }

    /** Why the last read failed, in words; empty after a successful read. */
    String lastError() {
        return lastError;
    }

    /** The bytes this file holds on to for reading (the larger of its two buffers); at most {@link #MAX_SIZE}. */
    int bufferCapacity() {
        return Math.max(direct.capacity(), bytes.length);
    }

    /** The content of the last successful read; valid up to the returned length. */
    byte[] bytes() {
        return bytes;
    }

    /** Reads the whole file; returns its length, {@link #MISSING} or {@link #FAILED}. */
    int read() {
        if (channel == null && readsUntilRetry > 0) {
            readsUntilRetry--;
            return MISSING;
        }
        try {
            if (channel == null) {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            }
            while (true) {
                direct.clear();
                long position = 0;
                int n;
                while ((n = channel.read(direct, position)) >= 0 && direct.hasRemaining()) {
                    position += n;
                }
                if (n < 0) {
                    length = direct.position();
                    direct.get(0, bytes, 0, length);
                    lastError = "";
                    return length;
                }
                // Buffer full before end of file: grow and read again from 0 for a consistent snapshot.
                if (direct.capacity() >= MAX_SIZE) {
                    lastError = "larger than " + MAX_SIZE + " bytes";
                    return FAILED;
                }
                int size = Math.min(MAX_SIZE, direct.capacity() * 2);
                direct = ByteBuffer.allocateDirect(size);
                bytes = new byte[size];
            }
        } catch (NoSuchFileException e) {
            closeQuietly();
            lastError = "not found";
            readsUntilRetry = MISSING_RETRY_READS - 1;
            return MISSING;
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: a bad path or an odd file system must not escape sample().
            closeQuietly();
            lastError = e.toString();
            return FAILED;
        }
    }

    /** Writes the content of the last successful read to {@code out}, verbatim. */
    void writeLastReadTo(WritableByteChannel out) throws IOException {
        ByteBuffer view = direct.duplicate();
        view.position(0).limit(length);
        while (view.hasRemaining()) {
            out.write(view);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        FileChannel c = channel;
        channel = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // Closing a read-only channel cannot lose data; nothing useful to do.
            }
        }
    }
}
