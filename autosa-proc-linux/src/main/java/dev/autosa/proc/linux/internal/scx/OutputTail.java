// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Keeps the last lines a child wrote to one stream. A daemon thread drains the pipe all the time,
 * because a scheduler that prints statistics every second would block on a full pipe and stall
 * (and an unsupervised scheduler is what sched_ext's watchdog ejects).
 */
public final class OutputTail {

    private static final int MAX_LINE = 512;

    private final int capacity;
    private final ArrayDeque<String> lines;
    private final Thread drainer;

    private OutputTail(int capacity, InputStream in, String threadName) {
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(capacity);
        this.drainer = new Thread(() -> drain(in), threadName);
        drainer.setDaemon(true);
    }

    /** Starts draining {@code in} on a daemon thread, keeping the last {@code capacity} lines. */
    public static OutputTail start(InputStream in, int capacity, String threadName) {
        OutputTail tail = new OutputTail(capacity, in, threadName);
        tail.drainer.start();
        return tail;
    }

    /** A tail with nothing in it, for processes we did not start. */
    public static OutputTail none() {
        return new OutputTail(1, InputStream.nullInputStream(), "unused");
    }

    /** The kept lines, oldest first. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits a little for the drainer to reach the end of the stream (after the process exited). */
    public void awaitEnd(long millis) {
        if (drainer.isAlive()) {
            try {
                drainer.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void drain(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                add(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line);
            }
        } catch (IOException e) {
            // the pipe is closed under us when the process is destroyed: nothing more to read
            return;
        }
    }

    private synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }
}
