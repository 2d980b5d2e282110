// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The unprivileged actors of the socket tests, run as a separate process under {@code setpriv}
 * as another user: {@code flood SOCKET CONNECTIONS SECONDS} keeps that many idle connections
 * open, reopening each as the daemon closes it, and prints how many it opened;
 * {@code fake SOCKET} binds a socket that answers every request like a daemon would (the socket
 * a planted-fake test must never trust).
 */
public final class HostileClient {

    private HostileClient() {
    }

    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[1]);
        if (args[0].equals("flood")) {
            flood(socket, Integer.parseInt(args[2]), Long.parseLong(args[3]) * 1_000_000_000L);
        } else {
            fake(socket);
        }
    }

    private static void flood(Path socket, int connections, long nanos) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        AtomicLong opened = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> {
                ByteBuffer b = ByteBuffer.allocate(1024);
                while (System.nanoTime() < end) {
                    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                        ch.connect(UnixDomainSocketAddress.of(socket));
                        opened.incrementAndGet();
                        // Send nothing; wait until the daemon closes (or answers "busy" and closes).
                        while (ch.read(b.clear()) >= 0 && System.nanoTime() < end) {
                            // keep reading until closed
                        }
                    } catch (IOException e) {
                        // Refused or reset: open the next one at once.
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        System.out.println("ready");
        System.out.flush();
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("opened " + opened.get());
    }

    private static void fake(Path socket) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            System.out.println("ready");
            System.out.flush();
            while (true) {
                try (SocketChannel ch = server.accept()) {
                    ch.read(ByteBuffer.allocate(4096));
                    ch.write(ByteBuffer.wrap(("{\"ok\":true,\"pid\":1,\"keepScheduler\":false,\"active\":{\"display\":"
                            + "\"kernel default\",\"managed\":false,\"state\":\"disabled\"},\"status\":{}}\n")
                            .getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
    }
}
