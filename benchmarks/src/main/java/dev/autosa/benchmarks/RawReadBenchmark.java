// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The floor: the syscalls a tick cannot avoid. Every tick file is kept open and re-read from
 * offset 0 (pread) into one reused buffer until end of file, with no parsing at all. A /proc
 * reader can only be slower than this; how much slower is the cost of its parsing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RawReadBenchmark {

    @Param({ProcFiles.FIXTURE, "/proc"})
    public String procRoot;

    private FileChannel[] channels;
    // Direct: a heap buffer makes FileChannel copy through a temporary direct buffer of its own.
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);

    @Setup(Level.Trial)
    public void open() throws IOException {
        List<Path> files = ProcFiles.tickFiles(ProcFiles.root(procRoot));
        channels = new FileChannel[files.size()];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = FileChannel.open(files.get(i), StandardOpenOption.READ);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        for (FileChannel c : channels) {
            c.close();
        }
    }

    /** Returns the bytes read so the work cannot be eliminated. */
    @Benchmark
    public long readAllFiles() throws IOException {
        long total = 0;
        for (FileChannel c : channels) {
            total += readFully(c, buffer);
        }
        return total;
    }

    /** Reads {@code c} from offset 0 to end of file; /proc files report size 0, so read until -1. */
    static int readFully(FileChannel c, ByteBuffer buf) throws IOException {
        buf.clear();
        int n;
        while ((n = c.read(buf, buf.position())) > 0) {
            if (!buf.hasRemaining()) {
                throw new IOException("a proc file is larger than the " + buf.capacity() + "-byte buffer");
            }
        }
        return buf.position();
    }
}
