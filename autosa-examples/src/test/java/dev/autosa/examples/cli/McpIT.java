// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code autosa mcp} driven by the MCP Java SDK's own client, as an agent would: it lists the tools,
 * reads the daemon's state, and asks for switches that the daemon (dry-run: simulated controller)
 * accepts or refuses with its policy's reasons.
 */
class McpIT {

    @TempDir
    Path tmp;

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
        return client.callTool(CallToolRequest.builder(tool).arguments(args).build());
    }

    @Test
    void anAgentReadsStateAndSwitchesOnlyWhereTheDaemonsPolicyAllows() throws IOException {
        Path socket = tmp.resolve("autosa.sock");
        // A long stability period keeps the daemon's own policy from switching during the test.
        Path conf = tmp.resolve("autosa.conf");
        Files.writeString(conf, "stability_period_secs = 3600\n");
        try (Cli.Daemon daemon = Cli.start(socket, "--mode", "dry-run", "--aggregation-window", "4", "--no-jmx",
                "--config", conf.toString())) {
            List<String> command = Cli.command(List.of(), "mcp", "--socket", socket.toString());
            ServerParameters server = ServerParameters.builder(command.get(0))
                    .args(command.subList(1, command.size())).build();
            List<String> stderr = new ArrayList<>();
            StdioClientTransport transport = new StdioClientTransport(server, McpJsonDefaults.getMapper());
            transport.setStdErrorHandler(stderr::add);
            McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                    .initializationTimeout(Duration.ofSeconds(60)).build();
            try {
                assertThat(client.initialize().serverInfo().name()).isEqualTo("autosa");
                assertThat(client.listTools().tools()).extracting(Tool::name).containsExactly("status",
                        "list_schedulers", "recommendation", "history", "switch_scheduler",
                        "return_to_kernel_default");

                CallToolResult status = call(client, "status", Map.of());
                assertThat(status.isError()).isFalse();
                JsonObject s = JsonParser.parseString(text(status)).getAsJsonObject();
                assertThat(s.get("mode").getAsString()).isEqualTo("dry-run");
                assertThat(s.get("pid").getAsLong()).isEqualTo(daemon.process().pid());
                if (!Files.exists(Path.of("/var/run/scx/root/stats"))) {
                    assertThat(s.getAsJsonObject("scxStats").get("status").getAsString()).isEqualTo("absent");
                }

                String list = text(call(client, "list_schedulers", Map.of()));
                // The real controller's verdicts (here: no sched_ext, so nothing is installed); dry-run
                // switches among the simulated controller's schedulers.
                assertThat(list).contains("\"name\": \"scx_lavd\"").containsPattern("\"trust\": \"(trusted|not"
                        + " installed|refused: [^\"]+)\"");
                assertThat(text(call(client, "recommendation", Map.of()))).contains("\"modeReason\"");
                assertThat(text(call(client, "history", Map.of()))).contains("\"counters\"");

                CallToolResult refused = call(client, "switch_scheduler", Map.of("scheduler", "scx_nosuch"));
                assertThat(refused.isError()).as(text(refused)).isTrue();
                assertThat(text(refused)).isEqualTo("scx_nosuch is not installed in a trusted directory (see"
                        + " 'autosa list')");

                CallToolResult accepted = call(client, "switch_scheduler", Map.of("scheduler", "scx_lavd"));
                assertThat(accepted.isError()).as(text(accepted)).isFalse();
                JsonObject a = JsonParser.parseString(text(accepted)).getAsJsonObject();
                assertThat(a.get("accepted").getAsBoolean()).isTrue();
                assertThat(a.get("reason").getAsString()).startsWith("switched to scx_lavd (requested by ")
                        .contains(" via mcp)").endsWith("dry run: simulated, the kernel was not touched");
                assertThat(a.getAsJsonObject("active").get("scheduler").getAsString()).isEqualTo("scx_lavd");

                CallToolResult tooSoon = call(client, "switch_scheduler", Map.of("scheduler", "scx_rusty"));
                assertThat(tooSoon.isError()).isTrue();
                assertThat(text(tooSoon)).startsWith("min switch interval 300s: next switch allowed at ");

                CallToolResult home = call(client, "return_to_kernel_default", Map.of());
                assertThat(home.isError()).as(text(home)).isFalse();
                JsonObject after = JsonParser.parseString(text(call(client, "status", Map.of()))).getAsJsonObject();
                assertThat(after.getAsJsonObject("active").get("display").getAsString()).isEqualTo("kernel default");
                assertThat(after.getAsJsonObject("lastSwitch").get("reason").getAsString()).contains("via mcp");
            } finally {
                client.closeGracefully();
            }
            assertThat(daemon.log()).contains("refused a switch to scx_nosuch requested by");
        }
    }
}
