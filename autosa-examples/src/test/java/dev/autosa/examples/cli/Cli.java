// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs the packaged {@code autosa.jar} the way a user does: a separate JVM per command, real exit
 * codes, real stdout and stderr, and the daemon's real control socket.
 */
final class Cli {

    static final Path JAR = Path.of(System.getProperty("autosa.jar", "target/autosa.jar")).toAbsolutePath();
    static final Path PLUGIN_JAR = Path.of(System.getProperty("autosa.pluginJar",
            "target/autosa-examples-0.1.0-SNAPSHOT-plugin.jar")).toAbsolutePath();
    /** The launcher's flags, which also make each short-lived JVM start faster. */
    static final List<String> JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-XX:-UsePerfData");

    private Cli() {
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        return runWith(List.of(), args);
    }

    /** Runs any command, e.g. the launcher script. */
    static Result runRaw(List<String> command) {
        return exec(command, "" + command);
    }

    /** Runs the CLI with a command prefix, e.g. {@code setpriv --reuid=65534 ...}. */
    static Result runWith(List<String> prefix, String... args) {
        return exec(command(prefix, args), "autosa " + String.join(" ", args));
    }

    private static Result exec(List<String> command, String what) {
        try {
            Path out = Files.createTempFile("autosa-out", ".txt");
            Path err = Files.createTempFile("autosa-err", ".txt");
            try {
                Process p = new ProcessBuilder(command)
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(90, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(what + " did not finish in 90 s");
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<String> command(List<String> prefix, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM);
        cmd.add("-jar");
        cmd.add(JAR.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A daemon started in the background; its log (stderr and stdout) goes to {@code log}. */
    record Daemon(Process process, Path socket, Path logFile) implements AutoCloseable {

        String log() {
            try {
                return Files.readString(logFile);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            try {
                Files.deleteIfExists(logFile);
            } catch (IOException e) {
                // A leftover log in /tmp is harmless.
            }
        }
    }

    /** Starts {@code autosa start --socket SOCKET ARGS} and waits until it answers status with a tick. */
    static Daemon start(Path socket, String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("start", "--socket", socket.toString(), "--collection-interval", "1"));
        a.addAll(List.of(args));
        Path log = Files.createTempFile("autosa-daemon", ".log");
        Process p = new ProcessBuilder(command(List.of(), a.toArray(String[]::new)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Daemon d = new Daemon(p, socket, log);
        try {
            awaitTrue(() -> "the daemon to answer on " + socket + "; log:\n" + d.log(), () -> {
                if (!p.isAlive()) {
                    throw new AssertionError("daemon exited with " + p.exitValue() + ":\n" + d.log());
                }
                String answer = tryRequest(socket, "{\"cmd\":\"status\"}");
                if (answer == null || answer.isBlank()) {
                    return false;
                }
                // Two ticks: the first sample has no rates yet.
                JsonObject status = JsonParser.parseString(answer).getAsJsonObject().getAsJsonObject("status");
                return status.get("ticks").getAsLong() >= 2;
            });
        } catch (AssertionError | RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    /** One request line over the socket, or null when nothing answers. */
    static String tryRequest(Path socket, String line) {
        try {
            return request(socket, line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    static String request(Path socket, byte[] bytes) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer b = ByteBuffer.wrap(bytes);
            try {
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.shutdownOutput();
            } catch (IOException e) {
                // The daemon may answer and close before taking everything (an oversized request).
            }
            return new String(readAll(ch), StandardCharsets.UTF_8);
        }
    }

    private static byte[] readAll(SocketChannel ch) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(8192);
        while (true) {
            int n;
            try {
                n = ch.read(b);
            } catch (IOException e) {
                break;
            }
            if (n < 0) {
                break;
            }
            out.write(b.array(), 0, b.position());
            b.clear();
        }
        return out.toByteArray();
    }

    /** Polls {@code condition} until it holds or 30 s pass. */
    static void awaitTrue(Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    static void assertOneLine(String s) {
        assertThat(s.strip()).doesNotContain("\n");
    }
}
