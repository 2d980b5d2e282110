// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the control protocol: the request parser on its own, and a real {@link ControlServer}
 * on a real socket. Properties, for every input: the parser never throws and returns either a
 * command or a one-line "malformed request" reason; a well-formed request's command survives the
 * trip; the server answers each connection with at most one line of JSON that has an {@code ok}
 * boolean (or closes it), and still answers a plain status afterwards.
 *
 * <p>Each property runs {@value #DEFAULT_TRIES} tries in the default build; its {@code slow}
 * twin runs {@code jqwik.tries.default} tries (10^5 in {@code -Pslow}).
 */
class ControlProtocolFuzzTest {

    static final int DEFAULT_TRIES = 200;

    private static Path dir;
    private static ControlServer server;
    private static final AtomicBoolean DIED = new AtomicBoolean();

    @BeforeContainer
    static void startServer() throws IOException {
        dir = Files.createTempDirectory("autosa-protocol-fuzz");
        server = ControlServer.start(dir.resolve("autosa.sock"), r -> {
            JsonObject o = new JsonObject();
            o.addProperty("ok", true);
            o.addProperty("cmd", r.cmd());
            return ControlServer.Reply.of(o);
        }, () -> DIED.set(true));
    }

    @AfterContainer
    static void stopServer() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---- the parser ----

    @Property(tries = DEFAULT_TRIES * 5)
    void parserNeverThrows(@ForAll("requests") byte[] line) {
        checkParse(line);
    }

    @Property
    @Tag("slow")
    void parserNeverThrowsFull(@ForAll("requests") byte[] line) {
        checkParse(line);
    }

    @Property(tries = DEFAULT_TRIES * 5)
    void wellFormedRequestKeepsItsCommand(@ForAll("commands") String cmd, @ForAll("extras") JsonObject extra) {
        JsonObject request = extra.deepCopy();
        request.addProperty("cmd", cmd);
        byte[] bytes = request.toString().getBytes(StandardCharsets.UTF_8);
        ControlProtocol.Parsed p = ControlProtocol.parse(bytes, bytes.length);
        assertThat(p.error()).isNull();
        assertThat(p.cmd()).isEqualTo(cmd);
        assertThat(p.body()).isEqualTo(request);
    }

    private static void checkParse(byte[] line) {
        ControlProtocol.Parsed p = ControlProtocol.parse(line, line.length);
        if (p.error() != null) {
            assertThat(p.body()).isNull();
            assertThat(p.cmd()).isNull();
            assertThat(p.error()).startsWith("malformed request: ").doesNotContain("\n").hasSizeLessThan(260);
        } else {
            assertThat(p.body()).isNotNull();
            assertThat(p.cmd()).isNotNull();
            assertThat(p.body().get("cmd").getAsString()).isEqualTo(p.cmd());
        }
    }

    // ---- the server, over its socket ----

    @Property(tries = DEFAULT_TRIES)
    void serverAnswersAnythingAndGoesOn(@ForAll("requests") byte[] line, @ForAll boolean newline) throws IOException {
        checkServer(line, newline);
    }

    @Property
    @Tag("slow")
    void serverAnswersAnythingAndGoesOnFull(@ForAll("requests") byte[] line, @ForAll boolean newline)
            throws IOException {
        checkServer(line, newline);
    }

    private static void checkServer(byte[] line, boolean newline) throws IOException {
        byte[] sent = newline ? append(line, (byte) '\n') : line;
        String answer = exchange(sent);
        if (!answer.isEmpty()) {
            assertThat(answer).endsWith("\n");
            assertThat(answer.strip()).doesNotContain("\n");
            JsonElement e = JsonParser.parseString(answer);
            assertThat(e.isJsonObject()).as(answer).isTrue();
            assertThat(e.getAsJsonObject().get("ok").getAsJsonPrimitive().isBoolean()).as(answer).isTrue();
        }
        // An empty request line (or none at all) is closed without an answer; anything else is answered.
        if (line.length > 0 && indexOf(line, (byte) '\n') != 0) {
            assertThat(answer).as("answer to %d bytes", line.length).isNotEmpty();
        }
        assertThat(exchange("{\"cmd\":\"status\"}\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"ok\":true,\"cmd\":\"status\"}\n");
        assertThat(DIED).isFalse();
    }

    private static String exchange(byte[] bytes) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(server.path()));
            ByteBuffer b = ByteBuffer.wrap(bytes);
            try {
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.shutdownOutput();
            } catch (IOException e) {
                // The server answers an oversized request and closes before taking it all.
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (true) {
                int n;
                try {
                    n = ch.read(in.clear());
                } catch (IOException e) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                out.write(in.array(), 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    // ---- inputs ----

    @Provide
    Arbitrary<String> commands() {
        return Arbitraries.oneOf(Arbitraries.of("status", "list", "stop", "adopt"),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<JsonObject> extras() {
        Arbitrary<JsonElement> values = Arbitraries.oneOf(
                Arbitraries.of(true, false).map(b -> (JsonElement) new com.google.gson.JsonPrimitive(b)),
                Arbitraries.integers().map(i -> (JsonElement) new com.google.gson.JsonPrimitive(i)),
                Arbitraries.strings().ofMaxLength(20).map(s -> (JsonElement) new com.google.gson.JsonPrimitive(s)));
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                        .filter(k -> !k.equals("cmd")), values).ofMaxSize(4)
                .map(m -> {
                    JsonObject o = new JsonObject();
                    m.forEach(o::add);
                    return o;
                });
    }

    /** Random bytes, damaged valid requests, JSON of the wrong shape, deep nesting and oversized lines. */
    @Provide
    Arbitrary<byte[]> requests() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<String> valid = Arbitraries.of("{\"cmd\":\"status\"}", "{\"cmd\":\"list\"}",
                "{\"cmd\":\"stop\",\"keepScheduler\":true}", "{\"cmd\":\"adopt\"}");
        Arbitrary<byte[]> damaged = Combinators.combine(valid, Arbitraries.integers().between(0, 40),
                Arbitraries.bytes()).as((v, at, b) -> {
                    byte[] a = v.getBytes(StandardCharsets.UTF_8);
                    a[Math.min(at, a.length - 1)] = b;
                    return a;
                });
        Arbitrary<byte[]> shapes = Arbitraries.of("[]", "null", "1e999999", "\"status\"", "{\"cmd\":null}",
                "{\"cmd\":{}}", "{\"cmd\":[1]}", "{\"cmd\":1}", "{cmd:status}", "{\"cmd\":\"status\"} trailing",
                "{\"cmd\":\"status\",\"cmd\":\"stop\"}", "{\"cmd\":\"stop\",\"keepScheduler\":\"yes\"}",
                "\uFEFF{\"cmd\":\"status\"}", "{\"cmd\":\"st\\u0000atus\"}", "{\"cmd\":\"status\"")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> deep = Arbitraries.integers().between(1, 20_000).map(n -> {
            String s = "[".repeat(n) + "]".repeat(n);
            return s.getBytes(StandardCharsets.UTF_8);
        });
        Arbitrary<byte[]> huge = Arbitraries.integers().between(ControlServer.MAX_REQUEST_BYTES - 2,
                ControlServer.MAX_REQUEST_BYTES + 4096).map(n -> {
                    byte[] a = new byte[n];
                    java.util.Arrays.fill(a, (byte) 'x');
                    return a;
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, random), net.jqwik.api.Tuple.of(5, damaged), net.jqwik.api.Tuple.of(3, shapes),
                net.jqwik.api.Tuple.of(1, deep), net.jqwik.api.Tuple.of(1, huge));
    }

    private static byte[] append(byte[] a, byte b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

}
