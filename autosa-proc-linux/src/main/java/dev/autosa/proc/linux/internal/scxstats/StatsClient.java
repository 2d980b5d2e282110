// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scxstats;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * One scx_stats exchange: connect to the scheduler's socket, send the {@code stat} request for the
 * {@code top} target as one line, read one line back. Non-blocking with a deadline, so a scheduler
 * that accepts and never answers costs at most {@code timeout}; a reply longer than
 * {@code maxBytes} is refused rather than buffered.
 */
public final class StatsClient {

    /** The request line, as the scx_stats server expects it (a JSON object and a newline). */
    static final byte[] REQUEST = "{\"req\":\"stat\",\"args\":{\"target\":\"top\"}}\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final Path socket;
    private final long timeoutNanos;
    private final int maxBytes;

    public StatsClient(Path socket, Duration timeout, int maxBytes) {
        this.socket = socket;
        this.timeoutNanos = timeout.toNanos();
        this.maxBytes = maxBytes;
    }

    /**
     * Asks once and parses the reply.
     *
     * @throws IOException naming the socket: refused, timed out, closed early, too long, or malformed
     */
    public Map<String, Double> read() throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX); Selector selector = Selector.open()) {
            // Non-blocking from the start: even a connect to a server whose backlog is full waits
            // only until the deadline.
            ch.configureBlocking(false);
            boolean connected = ch.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap(REQUEST);
            SelectionKey key = ch.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT);
            byte[] buf = new byte[Math.min(4096, maxBytes + 1)];
            int len = 0;
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException(socket + ": no answer within " + Duration.ofNanos(timeoutNanos).toMillis()
                            + " ms");
                }
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
                if (!connected) {
                    connected = ch.finishConnect();
                    if (connected) {
                        key.interestOps(SelectionKey.OP_WRITE);
                    }
                    continue;
                }
                if (out.hasRemaining()) {
                    ch.write(out);
                    if (!out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                    continue;
                }
                if (len == buf.length) {
                    if (buf.length > maxBytes) {
                        throw new IOException(socket + ": reply longer than " + maxBytes + " bytes; ignored");
                    }
                    buf = Arrays.copyOf(buf, Math.min(buf.length * 2, maxBytes + 1));
                }
                int n = ch.read(ByteBuffer.wrap(buf, len, buf.length - len));
                if (n < 0) {
                    throw new IOException(socket + ": closed before a whole reply (" + len + " bytes)");
                }
                int from = len;
                len += n;
                for (int i = from; i < len; i++) {
                    if (buf[i] == '\n') {
                        try {
                            return StatsReply.parse(buf, i);
                        } catch (IllegalArgumentException e) {
                            throw new IOException(socket + ": " + e.getMessage(), e);
                        }
                    }
                }
            }
        }
    }
}
