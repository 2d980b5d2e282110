// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.core.AutoSA;
import dev.autosa.core.FileOutcomeStore;
import dev.autosa.core.Mode;
import dev.autosa.core.OutcomeRecord;
import dev.autosa.core.OutcomeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the daemon's engine its persistent outcome history in the state directory. A dry run
 * switches nothing real, so its verdicts would teach nothing: it keeps its history in memory.
 * {@code recommend} reads the daemon's history without ever writing it.
 */
final class Outcomes {

    private static final Logger LOG = LoggerFactory.getLogger("autosa");

    private Outcomes() {
    }

    static void useStateDirectory(AutoSA.Builder builder, @Nullable ConfigFile file, @Nullable Path flag) {
        Mode mode;
        try {
            mode = builder.toConfig().mode();
        } catch (IllegalArgumentException e) {
            return; // the daemon's own check of the settings reports it, with the file's line
        }
        if (mode == Mode.DRY_RUN) {
            LOG.debug("dry run: the outcome history is kept in memory only");
            return;
        }
        Path dir = StateDirectory.choose(flag, file == null ? null : file.stateDir());
        builder.outcomeStore(new FileOutcomeStore(dir));
        LOG.debug("outcome history in {}", dir.resolve(FileOutcomeStore.FILE_NAME));
    }

    /**
     * The daemon's history as {@code recommend} sees it: read when readable (a scheduler that lost
     * here is then not recommended), never written, never set aside.
     */
    static OutcomeStore readOnly(Path dir) {
        Path file = dir.resolve(FileOutcomeStore.FILE_NAME);
        return new OutcomeStore() {
            @Override
            public List<OutcomeRecord> load() {
                if (!Files.isReadable(file)) {
                    return List.of();
                }
                try {
                    return FileOutcomeStore.read(file);
                } catch (IOException e) {
                    LOG.debug("not using the outcome history {}: {}", file, e.toString());
                    return List.of();
                }
            }

            @Override
            public void save(List<OutcomeRecord> records) {
                // recommend never switches, so it has nothing to add; the daemon owns the file.
            }

            @Override
            public String describe() {
                return file + " (read only)";
            }
        };
    }
}
