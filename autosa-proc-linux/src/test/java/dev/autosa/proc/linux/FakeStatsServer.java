// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * A scx_stats server for tests: answers each request line with {@code reply}, after
 * {@code release} opens (a slow server, held on a latch, not on a clock). Records what it was asked.
 */
final class FakeStatsServer implements AutoCloseable {

    final CountDownLatch release;
    final CountDownLatch asked = new CountDownLatch(1);
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final ServerSocketChannel server;
    private final Path path;
    private final Supplier<byte[]> reply;
    private final Thread thread;

    private FakeStatsServer(Path path, Supplier<byte[]> reply, boolean slow) throws IOException {
        this.path = path;
        this.reply = reply;
        this.release = new CountDownLatch(slow ? 1 : 0);
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        this.thread = new Thread(this::serve, "fake-scx-stats");
        thread.setDaemon(true);
        thread.start();
    }

    /** Answers at once. */
    static FakeStatsServer answering(Path path, String replyLine) throws IOException {
        return new FakeStatsServer(path, () -> replyLine.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Answers only after {@link #release} is counted down. */
    static FakeStatsServer slow(Path path, String replyLine) throws IOException {
        return new FakeStatsServer(path, () -> replyLine.getBytes(StandardCharsets.UTF_8), true);
    }

    /** Answers with whatever bytes {@code reply} gives (e.g. an endless line). */
    static FakeStatsServer raw(Path path, Supplier<byte[]> reply) throws IOException {
        return new FakeStatsServer(path, reply, false);
    }

    private void serve() {
        try {
            while (true) {
                try (SocketChannel ch = server.accept()) {
                    requests.add(readLine(ch));
                    asked.countDown();
                    release.await();
                    ByteBuffer out = ByteBuffer.wrap(reply.get());
                    while (out.hasRemaining()) {
                        ch.write(out);
                    }
                } catch (IOException e) {
                    // The client gave up (timeout, size limit): serve the next one.
                    if (!server.isOpen()) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readLine(SocketChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4096);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                break;
            }
            if (b.position() > 0 && b.get(b.position() - 1) == '\n') {
                break;
            }
        }
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        server.close();
        thread.interrupt();
        Files.deleteIfExists(path);
    }
}
