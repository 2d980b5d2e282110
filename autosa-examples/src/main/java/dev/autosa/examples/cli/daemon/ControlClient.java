// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.autosa.examples.cli.CliException;
import dev.autosa.examples.cli.ExitCodes;
import dev.autosa.examples.cli.Uid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Sends one request to the daemon's control socket and returns its answer (see {@link ControlServer}). */
public final class ControlClient {

    private ControlClient() {
    }

    /** Whether a daemon answers on {@code socket} (connect succeeds). */
    public static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sends {@code request} and returns the daemon's answer.
     *
     * @throws CliException exit 3 when no daemon listens on {@code socket}; exit 1 on a timeout,
     *     a broken answer or an answer with {@code "ok": false} (its error is the message)
     */
    public static JsonObject request(Path socket, JsonObject request, Duration timeout) {
        if (!Files.exists(socket)) {
            throw new CliException(ExitCodes.NOT_RUNNING, "autosa is not running (no socket at " + socket + ")"
                    + systemDaemonHint(socket));
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                String why = e.getMessage() != null && e.getMessage().contains("ermission")
                        ? "permission denied on " + socket
                        : "nothing answers on " + socket + ": a stale socket from a daemon that was killed";
                int code = why.startsWith("permission") ? ExitCodes.FAILURE : ExitCodes.NOT_RUNNING;
                throw new CliException(code, code == ExitCodes.FAILURE ? "cannot connect to autosa: " + why
                        : "autosa is not running (" + why + ")");
            }
            ByteBuffer out = ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                ch.write(out);
            }
            ch.configureBlocking(false);
            long deadline = System.nanoTime() + timeout.toNanos();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(8192);
            try (Selector sel = Selector.open()) {
                ch.register(sel, SelectionKey.OP_READ);
                while (true) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw CliException.failure("autosa did not answer on " + socket + " within "
                                + timeout.toSeconds() + "s");
                    }
                    sel.select(Math.max(1, left / 1_000_000));
                    sel.selectedKeys().clear();
                    int n = ch.read(in);
                    if (n > 0) {
                        answer.write(in.array(), 0, in.position());
                        in.clear();
                    }
                    if (n < 0) {
                        break;
                    }
                    if (answer.size() > 16 << 20) {
                        throw CliException.failure("answer from " + socket + " is too long");
                    }
                }
            }
            String text = answer.toString(StandardCharsets.UTF_8).strip();
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw CliException.failure("unexpected answer from " + socket + ": " + text);
            }
            JsonObject o = e.getAsJsonObject();
            if (!o.has("ok") || !o.get("ok").getAsBoolean()) {
                throw CliException.failure(o.has("error") ? o.get("error").getAsString() : "request refused: " + text);
            }
            return o;
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw CliException.failure("talking to autosa on " + socket + " failed: " + e.getMessage());
        }
    }

    /** A user's default socket is not the system daemon's, which only root can reach; say so. */
    private static String systemDaemonHint(Path socket) {
        Path system = Path.of("/run/autosa/autosa.sock");
        if (Uid.isRoot() || socket.equals(system) || !Files.isDirectory(Path.of("/run/autosa"))) {
            return "";
        }
        return "; a system daemon's socket " + system + " is for root only: try sudo autosa ... or --socket";
    }

    public static JsonObject command(String cmd) {
        JsonObject o = new JsonObject();
        o.addProperty("cmd", cmd);
        return o;
    }
}
