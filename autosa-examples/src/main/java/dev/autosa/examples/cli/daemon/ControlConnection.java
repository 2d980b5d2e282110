// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** One control connection's state on the selector thread: what was read, what is left to write, its deadlines. */
final class ControlConnection {
    final SocketChannel channel;
    final String peer;
    final boolean privileged;
    final long acceptedNanos;
    final long deadlineNanos;
    ByteBuffer in = ByteBuffer.allocate(512);
    @Nullable ByteBuffer out;
    @Nullable Runnable afterSend;
    boolean handling;
    boolean released;

    ControlConnection(SocketChannel channel, String peer, boolean privileged) {
        this.channel = channel;
        this.peer = peer;
        this.privileged = privileged;
        this.acceptedNanos = System.nanoTime();
        this.deadlineNanos = acceptedNanos + TimeUnit.MILLISECONDS.toNanos(ControlServer.CONNECTION_DEADLINE_MILLIS);
    }

    /** Where the request line ends in what was read so far, or -1. */
    int newlineIndex() {
        byte[] a = in.array();
        for (int i = 0; i < in.position(); i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
