// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The proc files of {@link ProcSampler#FILES}, kept open, copied verbatim into a directory: one
 * tick of a capture. Uses the same reader as sampling, so a capture holds exactly the bytes a
 * sample would have parsed.
 */
public final class ProcFileSet implements AutoCloseable {

    private final ProcFile[] files;

    public ProcFileSet(Path root) {
        files = new ProcFile[ProcSampler.FILES.size()];
        for (int i = 0; i < files.length; i++) {
            files[i] = new ProcFile(root, ProcSampler.FILES.get(i));
        }
    }

    /**
     * Copies every file that exists into {@code target} (subdirectories such as {@code pressure/}
     * are created); returns how many were copied. Missing optional files are skipped.
     *
     * @throws IOException if the required stat file cannot be read, or writing fails
     */
    public int copyTo(Path target) throws IOException {
        int copied = 0;
        for (ProcFile f : files) {
            int length = f.read();
            if (length < 0) {
                if (f.name().equals(ProcSampler.REQUIRED_FILE) || length == ProcFile.FAILED) {
                    throw new IOException(f.path() + " could not be read (" + f.lastError() + ")");
                }
                continue;
            }
            Path out = target.resolve(f.name());
            Files.createDirectories(out.getParent());
            try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                f.writeLastReadTo(ch);
            }
            copied++;
        }
        return copied;
    }

    @Override
    public void close() {
        for (ProcFile f : files) {
            f.close();
        }
    }
}
