// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlServerTest {

    @TempDir
    Path tmp;

    @Test
    void socketAppearsOnlyWithMode0600AndLeavesNothingElseBehind() throws Exception {
        // A shared directory (as /tmp): the socket must never be reachable before its mode is set.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path sock = tmp.resolve("autosa.sock");
        try (ControlServer server = ControlServer.start(sock, r -> {
            JsonObject o = new JsonObject();
            o.addProperty("ok", true);
            return ControlServer.Reply.of(o);
        }, () -> { })) {
            assertThat(server.path()).isEqualTo(sock);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sock))).isEqualTo("rw-------");
            try (Stream<Path> entries = Files.list(tmp)) {
                assertThat(entries).containsExactly(sock);
            }
            assertThat(ControlClient.request(sock, ControlClient.command("status"),
                    Duration.ofSeconds(10)).get("ok").getAsBoolean()).isTrue();
        }
        assertThat(sock).doesNotExist();
    }
}
