// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens recordings of one format (SPI, found with {@link java.util.ServiceLoader}), e.g. the
 * proc capture directory {@code autosa capture} writes or a {@code .tar.gz} of one.
 */
public interface RecordingFormat extends Provider {

    /**
     * Whether {@code path} looks like a recording of this format, judged without reading it all.
     *
     * @param path a file or directory
     * @return true when {@link #open} should be able to read it
     */
    boolean canOpen(Path path);

    /**
     * Opens {@code path}; the caller closes the recording.
     *
     * @param path a recording of this format, e.g. one {@link #canOpen} accepted
     * @return the recording, positioned before its first tick
     * @throws IOException naming the file that is missing or malformed
     */
    Recording open(Path path) throws IOException;

    /** Formats read files, so they are available wherever they load. */
    @Override
    default boolean isAvailable() {
        return true;
    }
}
