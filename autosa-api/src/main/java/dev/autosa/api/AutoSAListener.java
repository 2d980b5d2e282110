// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

/**
 * Receives engine events on the engine's thread. Keep it quick; an exception thrown here is
 * logged and does not stop the loop.
 */
@FunctionalInterface
public interface AutoSAListener {

    /**
     * Called once for each event, in the order the engine sends them.
     *
     * @param event what happened; one of the {@link AutoSAEvent} records
     */
    void onEvent(AutoSAEvent event);
}
