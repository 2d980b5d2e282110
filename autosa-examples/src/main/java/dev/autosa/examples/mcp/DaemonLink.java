// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.mcp;

import com.google.gson.JsonObject;

/** One request to the running daemon over its control socket. */
@FunctionalInterface
public interface DaemonLink {

    /**
     * Sends {@code request} and returns the answer.
     *
     * @throws RuntimeException with the daemon's own words when it refuses or is not running
     */
    JsonObject request(JsonObject request);
}
