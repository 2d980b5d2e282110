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

    @Override
    public boolean canOpen(Path path) {
        return Files.isRegularFile(path.resolve(CaptureMeta.FILE_NAME))
                || (path.getFileName() != null && path.getFileName().toString().endsWith(CaptureArchive.SUFFIX)
                        && Files.isRegularFile(path));
    }

    @Override
    public Recording open(Path path) throws IOException {
        return CaptureSource.openAny(path);
    }
}
