// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser-free status path answers exactly the plain status requests and leaves the rest to picocli. */
class QuickStatusTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Integer run(String... args) {
        return QuickStatus.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aPlainStatusWithoutADaemonSaysSoWithExitCode3() {
        Path sock = tmp.resolve("none.sock");
        assertThat(run("status", "--socket", sock.toString())).isEqualTo(ExitCodes.NOT_RUNNING);
        assertThat(out.toString()).startsWith("autosa is not running (no socket at " + sock + ")");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void jsonAndTheEqualsFormOfSocketAreUnderstood() {
        Path sock = tmp.resolve("none.sock");
        assertThat(run("status", "--socket=" + sock, "--json")).isEqualTo(ExitCodes.NOT_RUNNING);
        JsonObject o = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertThat(o.get("running").getAsBoolean()).isFalse();
        assertThat(o.get("socket").getAsString()).isEqualTo(sock.toString());
    }

    @Test
    void aBrokenAnswerIsOneLineOnStderrWithExitCode1() throws Exception {
        Path sock = tmp.resolve("broken.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            Thread daemon = new Thread(() -> {
                try (SocketChannel c = server.accept()) {
                    c.read(ByteBuffer.allocate(4096));
                    c.write(ByteBuffer.wrap("[1, 2]\n".getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            daemon.start();
            assertThat(run("status", "--socket", sock.toString())).isEqualTo(ExitCodes.FAILURE);
            daemon.join();
        }
        assertThat(err.toString()).isEqualTo("autosa status: unexpected answer from " + sock + ": [1, 2]\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anythingElseGoesToTheFullParser() {
        assertThat(run()).isNull();
        assertThat(run("list")).isNull();
        assertThat(run("status", "--help")).isNull();
        assertThat(run("status", "-h")).isNull();
        assertThat(run("status", "--socket")).isNull();
        assertThat(run("status", "--socket=")).isNull();
        assertThat(run("status", "--json", "--json")).isNull();
        assertThat(run("status", "--socket", "a", "--socket", "b")).isNull();
        assertThat(run("status", "--verbose")).isNull();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();
    }
}
