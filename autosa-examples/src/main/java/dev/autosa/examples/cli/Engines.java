// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.core.AutoSA;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Builds the engine for a command, mapping the builder's errors to the CLI's exit codes. */
final class Engines {

    private Engines() {
    }

    /**
     * @param file the configuration file applied to {@code builder}, so an error about one of its
     *     settings names the line
     * @throws CliException exit 2 when settings contradict each other or a provider rejects one (the
     *     library names the setting), exit 1 when no metric source is available here (it says why)
     */
    static AutoSA build(AutoSA.Builder builder, @Nullable ConfigFile file) {
        return checked(builder::build, file);
    }

    /** Runs a step that checks settings (build, discovery with provider settings), mapping its errors. */
    static <T> T checked(Supplier<T> step, @Nullable ConfigFile f) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw CliException.usage((f == null ? "" : f.locate(message)) + message);
        } catch (IllegalStateException e) {
            throw CliException.failure(String.valueOf(e.getMessage()));
        }
    }
}
