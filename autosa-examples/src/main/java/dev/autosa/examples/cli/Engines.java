// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.core.AutoSA;

/** Builds the engine for a command, mapping the builder's errors to the CLI's exit codes. */
final class Engines {

    private Engines() {
    }

    /**
     * @throws CliException exit 2 when settings contradict each other (the library names the
     *     setting), exit 1 when no metric source is available here (the library says why)
     */
    static AutoSA build(AutoSA.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw CliException.usage(String.valueOf(e.getMessage()));
        } catch (IllegalStateException e) {
            throw CliException.failure(String.valueOf(e.getMessage()));
        }
    }
}
