// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * Serves {@link AutoSATools} over stdin/stdout (the MCP stdio transport) until the client closes
 * stdin. Nothing else may write to stdout: logs go to stderr.
 */
public final class StdioServer {

    private StdioServer() {
    }

    /** Serves until {@code in} ends (the agent went away). */
    public static void serve(AutoSATools tools, String version, InputStream in, OutputStream out)
            throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    ended.countDown();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n;
                try {
                    n = super.read(buf, off, len);
                } catch (IOException e) {
                    ended.countDown();
                    throw e;
                }
                if (n < 0) {
                    ended.countDown();
                }
                return n;
            }
        };
        StdioServerTransportProvider transport = new StdioServerTransportProvider(McpJsonDefaults.getMapper(), watched,
                out);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("autosa", version)
                .instructions("AutoSA tunes the Linux sched_ext scheduler to the machine's workload. Read status,"
                        + " list_schedulers, recommendation and history freely; switch_scheduler and"
                        + " return_to_kernel_default ask the running daemon, which applies its own safety rules"
                        + " and says why when it refuses.")
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(tools.all())
                .build();
        try {
            ended.await();
        } finally {
            server.closeGracefully();
        }
    }
}
