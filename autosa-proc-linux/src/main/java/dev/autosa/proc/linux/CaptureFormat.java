// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import dev.autosa.api.Recording;
import dev.autosa.api.RecordingFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The proc capture format ({@link CaptureWriter}): a capture directory or a {@code .tar.gz} of one. */
public final class CaptureFormat implements RecordingFormat {

    @Override
    public String name() {
        return "proc-capture";
    }

    /**
     * A {@code .tar.gz}, or any directory (or missing path): captures are directories, so opening one
     * that is not says what is missing ("meta.properties not found").
     */
    @Override
    public boolean canOpen(Path path) {
        Path name = path.getFileName();
        return !Files.isRegularFile(path) || (name != null && name.toString().endsWith(CaptureArchive.SUFFIX));
    }

    @Override
    public Recording open(Path path) throws IOException {
        return CaptureSource.openAny(path);
    }
}
