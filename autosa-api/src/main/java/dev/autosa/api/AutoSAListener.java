// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

/**
 * Receives engine events on the engine's thread. Keep it quick; an exception thrown here is
 * logged and does not stop the loop.
 */
@FunctionalInterface
public interface AutoSAListener {

    void onEvent(AutoSAEvent event);
}
