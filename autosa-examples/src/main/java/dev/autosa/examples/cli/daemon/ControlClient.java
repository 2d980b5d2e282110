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
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.net.ExtendedSocketOptions;

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
        checkSocket(socket);
        // Everything but the peer check is done before connecting: the daemon closes a connection
        // that sends nothing for a while, and a cold JVM on a slow machine takes its time.
        List<UserPrincipal> trusted = trustedPeers(socket);
        ByteBuffer out = ByteBuffer.wrap(line(request).getBytes(StandardCharsets.UTF_8));
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().contains("ermission")) {
                    throw new CliException(ExitCodes.NO_ACCESS, "autosa is running (socket " + socket
                            + " exists) but this user (uid " + Uid.effective() + ") may not talk to it: permission"
                            + " denied; run as root or as the daemon's user");
                }
                throw new CliException(ExitCodes.NOT_RUNNING, "autosa is not running (nothing answers on " + socket
                        + ": a stale socket from a daemon that was killed)");
            }
            checkPeer(ch, socket, trusted);
            try {
                while (out.hasRemaining()) {
                    ch.write(out);
                }
            } catch (IOException e) {
                // A daemon over its connection limit answers "busy" and closes before reading: the
                // write fails, but its answer is there to read.
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
                    int n;
                    try {
                        n = ch.read(in);
                    } catch (IOException e) {
                        // A reset after the whole answer line arrived (the daemon closed with our
                        // request unread) is the end of the answer, not a failure.
                        if (answer.toString(StandardCharsets.UTF_8).indexOf('\n') >= 0) {
                            break;
                        }
                        throw e;
                    }
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

    /**
     * Refuses to talk to anything but a socket of this user or root, so a socket another user
     * bound where the daemon's was (after removing it from a directory they may write) is never
     * trusted with {@code stop}. Permission denied on the way is not "not running".
     */
    private static void checkSocket(Path socket) {
        FileChecks f;
        try {
            f = FileChecks.lstat(socket);
        } catch (AccessDeniedException e) {
            throw new CliException(ExitCodes.NO_ACCESS, "cannot tell whether autosa is running: permission denied on "
                    + socket.getParent() + " for this user (uid " + Uid.effective() + "); a system daemon's socket"
                    + " directory is root's only: run as root (sudo autosa ...)");
        } catch (IOException e) {
            throw CliException.failure("cannot check socket " + socket + ": " + e.getMessage());
        }
        if (f == null) {
            throw new CliException(ExitCodes.NOT_RUNNING, "autosa is not running (no socket at " + socket + ")"
                    + systemDaemonHint(socket));
        }
        if (!f.isSocket()) {
            throw CliException.failure(socket + " is " + f.type() + ", not a socket: not talking to it");
        }
        if (f.uid() != 0 && f.uid() != Uid.effective()) {
            throw CliException.failure("socket " + socket + " belongs to uid " + f.uid() + ", neither root nor this"
                    + " user (uid " + Uid.effective() + "): not talking to it (another user may have put it there)");
        }
    }

    /** The process that answers must run as root or as this user, whatever the socket file says. */
    private static void checkPeer(SocketChannel ch, Path socket, List<UserPrincipal> trusted) throws IOException {
        UserPrincipal peer;
        try {
            peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED).user();
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (!trusted.contains(peer)) {
            throw CliException.failure("the process on " + socket + " runs as " + peer.getName() + ", neither root"
                    + " nor this user: not talking to it (another user may have put it there)");
        }
    }

    /** This user and root (when there is a user named root). */
    private static List<UserPrincipal> trustedPeers(Path socket) {
        List<UserPrincipal> trusted = new ArrayList<>(2);
        try {
            trusted.add(Files.getOwner(Path.of("/proc/self")));
        } catch (IOException e) {
            throw CliException.failure("cannot tell which user this is (/proc/self): " + e.getMessage());
        }
        try {
            trusted.add(socket.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("root"));
        } catch (IOException e) {
            // No user named root: only this user is trusted.
        }
        return trusted;
    }

    /** A user's default socket is not the system daemon's, which only root can reach; say so. */
    private static String systemDaemonHint(Path socket) {
        Path system = Path.of("/run/autosa/autosa.sock");
        if (Uid.isRoot() || socket.equals(system) || !Files.isDirectory(Path.of("/run/autosa"))) {
            return "";
        }
        return "; a system daemon's socket " + system + " is for root only: try sudo autosa ... or --socket";
    }

    /**
     * The request as one line of JSON. A plain {@code {"cmd": NAME}} (status, list, adopt) is
     * written by hand, as gson would write it: gson's writer sets itself up with a regular
     * expression, {@code String.format} and method handles, a few milliseconds of every
     * {@code status} call.
     */
    static String line(JsonObject request) {
        JsonElement cmd = request.get("cmd");
        if (request.size() == 1 && cmd != null && cmd.isJsonPrimitive() && isPlainName(cmd.getAsString())) {
            return "{\"cmd\":\"" + cmd.getAsString() + "\"}\n";
        }
        return request + "\n";
    }

    /** Lower-case letters, '-' and '_' only: nothing JSON would escape. */
    private static boolean isPlainName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    public static JsonObject command(String cmd) {
        JsonObject o = new JsonObject();
        o.addProperty("cmd", cmd);
        return o;
    }
}
