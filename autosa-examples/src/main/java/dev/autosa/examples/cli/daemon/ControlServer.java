// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's control socket. Protocol: per connection, one request line of JSON
 * ({@code {"cmd":"status"}}), one response line of JSON ({@code {"ok":true,...}} or
 * {@code {"ok":false,"error":"..."}}), then the daemon closes the connection.
 *
 * <p>One selector thread does all socket I/O without blocking, so a client that sends half a
 * line, junk or a megabyte cannot hold up anyone else: each connection has a deadline, one that
 * sends nothing is closed after {@link #IDLE_TIMEOUT_MILLIS}, requests over
 * {@link #MAX_REQUEST_BYTES} are answered with an error, each other user may hold at most
 * {@link #PER_PEER_CONNECTIONS} connections and all of them {@link #MAX_CONNECTIONS}, while root
 * and the daemon's user have {@link #PRIVILEGED_CONNECTIONS} of their own: a client flooding the
 * socket with idle connections locks nobody out. A connection over its limit is answered "busy"
 * and closed at once; the warnings about them come at most once a minute, with a count. Requests
 * are handled on a small bounded pool, so a slow answer does not stop the selector either.
 *
 * <p>The socket is bound in a fresh 0700 directory, made mode 0600 there and then renamed into
 * place, so nobody can reach it before its mode is set, even in a shared sticky directory. Each connection's peer uid is read with {@code SO_PEERCRED}; commands that change
 * anything run only for root or the daemon's own user.
 */
public final class ControlServer implements AutoCloseable {

    /** Longest request line accepted. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;
    /** A client must send its request and take the answer within this time. */
    public static final long CONNECTION_DEADLINE_MILLIS = 5_000;
    /**
     * A connection that has sent no byte within this time is closed: real clients send at once
     * (with room for a cold client JVM on a slow or emulated machine).
     */
    public static final long IDLE_TIMEOUT_MILLIS = 3_000;
    /** Connections open at once from all users but root and the daemon's user together. */
    public static final int MAX_CONNECTIONS = 32;
    /** Connections open at once from any one of those users. */
    public static final int PER_PEER_CONNECTIONS = 4;
    /** Connections open at once from root and the daemon's user, a pool nobody else can fill. */
    public static final int PRIVILEGED_CONNECTIONS = 32;

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    /**
     * Connections the kernel queues before accept: more than a flooder's threads, so root's
     * {@code connect} does not wait behind them for a place in the queue.
     */
    private static final int BACKLOG = 512;
    /** Connections accepted per round, so reading the requests of those accepted is not starved. */
    private static final int ACCEPTS_PER_ROUND = 64;

    /** Answers one request; runs on the handler pool. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Request request);
    }

    /**
     * A parsed request with who sent it.
     *
     * @param privileged the peer is root or the daemon's own user
     */
    public record Request(String cmd, JsonObject body, String peer, boolean privileged) {
    }

    /** The answer, and what to do once it has been sent (e.g. shut down after "stop"). */
    public record Reply(JsonObject body, @Nullable Runnable afterSend) {
        public static Reply of(JsonObject body) {
            return new Reply(body, null);
        }
    }

    private final Path path;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final Handler handler;
    private final Peers peers;
    private final ThreadPoolExecutor pool;
    private final Queue<Runnable> toSelector = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final Runnable onDeath;
    private final ConnectionLimits limits = new ConnectionLimits(PER_PEER_CONNECTIONS, MAX_CONNECTIONS,
            PRIVILEGED_CONNECTIONS);
    private final QuietWarnings warnings = new QuietWarnings(System::nanoTime);
    private volatile boolean open = true;

    private ControlServer(Path path, ServerSocketChannel server, Selector selector, Handler handler,
            Peers peers, Runnable onDeath) {
        this.path = path;
        this.onDeath = onDeath;
        this.server = server;
        this.selector = selector;
        this.handler = handler;
        this.peers = peers;
        this.pool = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_CONNECTIONS),
                r -> {
                    Thread t = new Thread(r, "autosa-control");
                    t.setDaemon(true);
                    return t;
                });
        // Between clients no handler thread waits: a daemon asked once an hour keeps no idle thread.
        this.pool.allowCoreThreadTimeOut(true);
        this.thread = new Thread(this::loop, "autosa-socket");
        this.thread.setDaemon(true);
    }

    /**
     * Binds {@code path} (which must not exist), sets it to 0600 and starts serving.
     *
     * @param onDeath run (on a new thread) if serving fails for good, e.g. so the daemon exits and
     *     systemd restarts it rather than running on without a way to stop it
     * @throws IOException when the socket cannot be bound
     */
    public static ControlServer start(Path path, Handler handler, Runnable onDeath) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            SocketPaths.bindPrivately(server, path, BACKLOG);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        try {
            server.configureBlocking(false);
            Selector selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
            ControlServer s = new ControlServer(path, server, selector, handler, Peers.forThisProcess(path), onDeath);
            s.thread.start();
            return s;
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(path);
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    private void loop() {
        try {
            while (open) {
                // With no client connected there is no deadline to enforce: sleep until a client
                // comes (or close()/a handler wakes us), instead of waking 4 times a second for
                // nothing — the daemon should cost an idle machine nothing.
                selector.select(selector.keys().size() > 1 ? 250 : 0);
                Runnable r;
                while ((r = toSelector.poll()) != null) {
                    r.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    try {
                        if (!key.isValid()) {
                            continue;
                        }
                        if (key.isAcceptable()) {
                            accept();
                        } else if (key.isReadable()) {
                            read(key);
                        } else if (key.isWritable()) {
                            write(key);
                        }
                    } catch (IOException e) {
                        LOG.debug("control connection failed: {}", e.toString());
                        closeConn(key);
                    }
                }
                selector.selectedKeys().clear();
                expire();
            }
        } catch (IOException | RuntimeException | Error e) {
            if (open) {
                LOG.error("control socket {} failed; 'autosa stop' and 'autosa status' cannot work any more", path, e);
                new Thread(onDeath, "autosa-socket-died").start();
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel ch;
        for (int round = 0; round < ACCEPTS_PER_ROUND && (ch = server.accept()) != null; round++) {
            Peers.Peer peer = peers.of(ch);
            ch.configureBlocking(false);
            ConnectionLimits.Verdict v = limits.admit(peer.name(), peer.privileged());
            if (v == ConnectionLimits.Verdict.ACCEPT) {
                ch.register(selector, SelectionKey.OP_READ, new ControlConnection(ch, peer.name(), peer.privileged()));
            } else {
                refuse(ch, peer.name(), v);
            }
        }
    }

    /**
     * Answers "busy" and closes at once, without waiting for the request: costs the daemon one
     * short write whatever the client does. What the client already sent is read first, so the
     * close does not reset the connection before the client has read why.
     */
    private void refuse(SocketChannel ch, String peer, ConnectionLimits.Verdict v) {
        String why = limits.refusal(v, peer);
        try (ch) {
            ch.read(ByteBuffer.allocate(MAX_REQUEST_BYTES / 16));
            ch.write(ByteBuffer.wrap((error(why) + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            LOG.debug("refusing a control connection: {}", e.toString());
        }
        String kind = v == ConnectionLimits.Verdict.PEER_FULL ? "peer " + peer : v.name();
        long quiet = warnings.occurred(kind);
        if (quiet >= 0) {
            LOG.warn("refused a control connection from {} ({}); {} more refused since the last such warning"
                    + " (logged at most once a minute)", peer, why.substring("daemon busy: ".length()), quiet);
        }
    }

    private void read(SelectionKey key) throws IOException {
        ControlConnection c = (ControlConnection) key.attachment();
        int n = c.channel.read(c.in);
        int newline = c.newlineIndex();
        if (newline >= 0) {
            dispatch(key, c, c.in.array(), newline);
        } else if (n < 0) {
            if (c.in.position() == 0) {
                closeConn(key);
            } else {
                // Half-closed without a newline: take what came as the request.
                dispatch(key, c, c.in.array(), c.in.position());
            }
        } else if (!c.in.hasRemaining()) {
            if (c.in.capacity() > MAX_REQUEST_BYTES) {
                respond(key, c, error("request longer than " + MAX_REQUEST_BYTES + " bytes"), null);
            } else {
                ByteBuffer bigger = ByteBuffer.allocate(Math.min(c.in.capacity() * 4, MAX_REQUEST_BYTES + 1));
                c.in.flip();
                bigger.put(c.in);
                c.in = bigger;
            }
        }
    }

    private void dispatch(SelectionKey key, ControlConnection c, byte[] bytes, int length) {
        key.interestOps(0);
        c.handling = true;
        ControlProtocol.Parsed parsed = ControlProtocol.parse(bytes, length);
        JsonObject request = parsed.body();
        String cmd = parsed.cmd();
        if (request == null || cmd == null) {
            respond(key, c, error(String.valueOf(parsed.error())), null);
            return;
        }
        Request req = new Request(cmd, request, c.peer, c.privileged);
        try {
            pool.execute(() -> {
                Reply reply;
                try {
                    reply = handler.handle(req);
                } catch (RuntimeException e) {
                    LOG.error("control command {} failed", cmd, e);
                    reply = Reply.of(error("internal error: " + e));
                }
                Reply r = reply;
                toSelector.add(() -> respond(key, c, r.body(), r.afterSend()));
                selector.wakeup();
            });
        } catch (RejectedExecutionException e) {
            respond(key, c, error("daemon busy; try again"), null);
        }
    }

    private void respond(SelectionKey key, ControlConnection c, JsonObject body, @Nullable Runnable afterSend) {
        c.out = ByteBuffer.wrap((body + "\n").getBytes(StandardCharsets.UTF_8));
        c.afterSend = afterSend;
        if (!key.isValid()) {
            runAfterSend(c);
            return;
        }
        key.interestOps(SelectionKey.OP_WRITE);
        try {
            write(key);
        } catch (IOException e) {
            LOG.debug("could not answer a control connection: {}", e.toString());
            closeConn(key);
        }
    }

    private void write(SelectionKey key) throws IOException {
        ControlConnection c = (ControlConnection) key.attachment();
        ByteBuffer out = c.out;
        if (out == null) {
            return;
        }
        c.channel.write(out);
        if (!out.hasRemaining()) {
            closeConn(key);
        }
    }

    private void expire() {
        long now = System.nanoTime();
        long idleNanos = TimeUnit.MILLISECONDS.toNanos(IDLE_TIMEOUT_MILLIS);
        List<SelectionKey> late = new ArrayList<>();
        List<SelectionKey> idle = new ArrayList<>();
        for (SelectionKey key : selector.keys()) {
            // A connection waiting for its handler keeps its slot; one reading or writing does not.
            if (key.attachment() instanceof ControlConnection c && (c.out != null || !c.handling)) {
                if (!c.handling && c.in.position() == 0 && now - c.acceptedNanos > idleNanos) {
                    idle.add(key);
                } else if (now - c.deadlineNanos > 0) {
                    late.add(key);
                }
            }
        }
        for (SelectionKey key : late) {
            LOG.debug("closing a control connection that missed its {} ms deadline", CONNECTION_DEADLINE_MILLIS);
            closeConn(key);
        }
        for (SelectionKey key : idle) {
            ControlConnection c = (ControlConnection) key.attachment();
            // Its request may be waiting unread behind a busy round: look once more before closing.
            try {
                read(key);
            } catch (IOException e) {
                LOG.debug("control connection failed: {}", e.toString());
            }
            if (c.handling || c.in.position() > 0 || !key.isValid()) {
                continue;
            }
            String peer = c.peer;
            closeConn(key);
            long quiet = warnings.occurred("idle " + peer);
            if (quiet >= 0) {
                LOG.warn("closed a control connection from {} that sent nothing for {} ms; {} more closed since the"
                        + " last such warning (logged at most once a minute)", peer, IDLE_TIMEOUT_MILLIS, quiet);
            }
        }
    }

    private void closeConn(SelectionKey key) {
        key.cancel();
        if (key.attachment() instanceof ControlConnection c) {
            if (!c.released) {
                c.released = true;
                limits.release(c.peer, c.privileged);
            }
            try {
                c.channel.close();
            } catch (IOException e) {
                LOG.debug("closing a control connection: {}", e.toString());
            }
            runAfterSend(c);
        }
    }

    private static void runAfterSend(ControlConnection c) {
        Runnable r = c.afterSend;
        c.afterSend = null;
        if (r != null) {
            r.run();
        }
    }

    public static JsonObject error(String message) {
        return ControlProtocol.error(message);
    }

    /** Stops serving and removes the socket file. */
    @Override
    public void close() {
        open = false;
        selector.wakeup();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        try {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof ControlConnection c) {
                    c.channel.close();
                }
            }
            selector.close();
            server.close();
        } catch (IOException | ClosedSelectorException e) {
            LOG.debug("closing the control socket: {}", e.toString());
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("could not remove socket {}: {}", path, e.getMessage());
        }
    }
}
