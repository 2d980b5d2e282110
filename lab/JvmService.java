// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.Executors;

/**
 * The lab's JVM service (lab/record.sh, phase jvm): the JDK's HTTP server with a small thread pool
 * that hashes a few KiB per request, as a light request/response service does. Run with
 * {@code java JvmService.java PORT}.
 */
public final class JvmService {

    private JvmService() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        byte[] payload = new byte[4096];
        server.createContext("/", exchange -> {
            byte[] body;
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (int i = 0; i < 4; i++) {
                    sha.update(payload);
                }
                body = (java.util.HexFormat.of().formatHex(sha.digest()) + "\n").getBytes(StandardCharsets.US_ASCII);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }
}
