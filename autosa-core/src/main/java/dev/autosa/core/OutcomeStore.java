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

    /** The stored history; empty when there is none. A store that finds its data unreadable starts afresh. */
    List<OutcomeRecord> load();

    /** Replaces the stored history with {@code records}. */
    void save(List<OutcomeRecord> records) throws IOException;

    /** A short description for logs, e.g. the file's path. */
    String describe();

    /** Keeps nothing: each engine starts with an empty history. */
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
