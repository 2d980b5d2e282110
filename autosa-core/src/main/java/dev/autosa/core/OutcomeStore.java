// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import java.io.IOException;
import java.util.List;

/**
 * Where the outcome history lives between runs. The library keeps it in memory ({@link #inMemory()},
 * the default); the daemon uses {@link FileOutcomeStore} in its state directory. Called from the
 * engine's loop thread: once at start to load, after each verdict to save the whole history.
 */
public interface OutcomeStore {

    /**
     * Reads the stored history. A store that finds its data unreadable starts afresh.
     *
     * @return the records; empty when there are none
     */
    List<OutcomeRecord> load();

    /**
     * Replaces the stored history with {@code records}.
     *
     * @param records the whole history, every machine and objective
     * @throws IOException when the history cannot be written; the engine logs it and keeps the history in
     *     memory
     */
    void save(List<OutcomeRecord> records) throws IOException;

    /** {@return a short description for logs, e.g. the file's path} */
    String describe();

    /** {@return a store that keeps nothing: each engine starts with an empty history} */
    static OutcomeStore inMemory() {
        return new OutcomeStore() {
            @Override
            public List<OutcomeRecord> load() {
                return List.of();
            }

            @Override
            public void save(List<OutcomeRecord> records) {
                // The engine holds the history itself; nothing outlives it.
            }

            @Override
            public String describe() {
                return "in memory";
            }
        };
    }
}
