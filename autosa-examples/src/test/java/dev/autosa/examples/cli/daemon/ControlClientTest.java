// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request line the client writes by hand is the one gson writes. */
class ControlClientTest {

    @Test
    void aPlainCommandIsWrittenAsGsonWritesIt() {
        for (String cmd : List.of("status", "list", "adopt", "stop", "default", "x-y_z")) {
            JsonObject request = ControlClient.command(cmd);
            assertThat(ControlClient.line(request)).isEqualTo(request.toString() + "\n")
                    .isEqualTo("{\"cmd\":\"" + cmd + "\"}\n");
        }
    }

    @Test
    void anythingElseGoesThroughGson() {
        JsonObject stop = ControlClient.command("stop");
        stop.addProperty("keepScheduler", true);
        JsonObject quoted = ControlClient.command("sta\"tus\n");
        JsonObject upper = ControlClient.command("Status");
        JsonObject empty = ControlClient.command("");
        for (JsonObject request : List.of(stop, quoted, upper, empty)) {
            assertThat(ControlClient.line(request)).isEqualTo(request.toString() + "\n");
        }
        assertThat(ControlClient.line(quoted)).isEqualTo("{\"cmd\":\"sta\\\"tus\\n\"}\n");
    }
}
