// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.mcp;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The tools an agent gets. Each reads from or asks the daemon, so an agent sees what
 * {@code autosa status} and {@code autosa list} show and switches only where the daemon's policy
 * allows it: trusted binaries, validated flags, the attach verified in sysfs, failure backoff and
 * the min switch interval, with the daemon's reasons when it says no.
 */
public final class AutoSATools {

    /** A scheduler name as the daemon accepts it; anything else is refused before it is sent. */
    static final String SCHEDULER_PATTERN = "^scx_[a-z0-9_]{1,64}$";

    private static final Map<String, Object> NO_ARGUMENTS = Map.of("type", "object", "properties", Map.of(),
            "additionalProperties", false);

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private final DaemonLink daemon;

    public AutoSATools(DaemonLink daemon) {
        this.daemon = daemon;
    }

    /** Every tool, in the order agents see them. */
    public List<SyncToolSpecification> all() {
        return List.of(
                readOnly("status", "AutoSA status",
                        "The running AutoSA daemon's state: mode and why, workload class and confidence, the"
                                + " recommended scheduler, what the kernel runs, the last decisions, counters and the"
                                + " window's metric means.",
                        args -> status()),
                readOnly("list_schedulers", "Installed schedulers",
                        "The sched_ext schedulers AutoSA knows, whether each is installed in a trusted directory"
                                + " and may be started (trust: trusted, not installed, or refused with why), which"
                                + " workloads each suits, and which one runs.",
                        args -> listSchedulers()),
                readOnly("recommendation", "Recommendation",
                        "The scheduler AutoSA recommends for the current workload, with the classifier's reasons"
                                + " and the switch policy's last decision (switch, or why it holds).",
                        args -> recommendation()),
                readOnly("history", "Decision history",
                        "The recent distinct decisions with their reasons, the last switch, scheduler failures"
                                + " (backoff, blocklist) and the decision counters.",
                        args -> history()),
                tool(Tool.builder("switch_scheduler", Map.of("type", "object",
                                "properties", Map.of("scheduler", Map.of("type", "string",
                                        "pattern", SCHEDULER_PATTERN,
                                        "description", "the scheduler's binary name, e.g. scx_lavd (see"
                                                + " list_schedulers)")),
                                "required", List.of("scheduler"),
                                "additionalProperties", false))
                        .title("Switch scheduler")
                        .description("Asks the daemon to switch to an installed sched_ext scheduler now. The daemon"
                                + " decides with its own rules: auto or dry-run mode only, a trusted installed"
                                + " binary, not blocklisted or in failure backoff, the min switch interval passed,"
                                + " never over a scheduler someone else started; the start is verified in sysfs."
                                + " A refusal says why. The policy leaves an accepted switch alone for the min"
                                + " switch interval.")
                        .annotations(new ToolAnnotations(null, false, false, true, false, null))
                        .build(),
                        args -> switchTo(String.valueOf(args.get("scheduler")))),
                tool(Tool.builder("return_to_kernel_default", NO_ARGUMENTS).title("Return to the kernel default")
                        .description("Asks the daemon to stop the sched_ext scheduler it runs and return to the"
                                + " kernel's own scheduler (EEVDF). Refused in recommend mode and when the running"
                                + " scheduler was started outside AutoSA.")
                        .annotations(new ToolAnnotations(null, false, false, true, false, null))
                        .build(),
                        args -> switchTo(null)));
    }

    private static SyncToolSpecification readOnly(String name, String title, String description,
            Function<Map<String, Object>, CallToolResult> call) {
        return tool(Tool.builder(name, NO_ARGUMENTS).title(title).description(description)
                .annotations(new ToolAnnotations(null, true, false, true, false, null))
                .build(), call);
    }

    private static SyncToolSpecification tool(Tool tool, Function<Map<String, Object>, CallToolResult> call) {
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            try {
                return call.apply(request.arguments() == null ? Map.of() : request.arguments());
            } catch (RuntimeException e) {
                return error(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }).build();
    }

    private JsonObject statusObject() {
        return daemon.request(command("status")).getAsJsonObject("status");
    }

    CallToolResult status() {
        return text(statusObject());
    }

    CallToolResult listSchedulers() {
        JsonObject list = daemon.request(command("list")).getAsJsonObject("list");
        for (JsonElement e : list.getAsJsonArray("schedulers")) {
            JsonObject s = e.getAsJsonObject();
            String refused = s.has("refusedReason") && !s.get("refusedReason").isJsonNull()
                    ? s.get("refusedReason").getAsString() : "";
            boolean installed = s.has("installed") && s.get("installed").getAsBoolean();
            s.addProperty("trust", installed ? "trusted" : refused.isEmpty() ? "not installed" : "refused: " + refused);
        }
        return text(list);
    }

    CallToolResult recommendation() {
        JsonObject s = statusObject();
        JsonObject o = new JsonObject();
        for (String key : List.of("mode", "modeReason", "workload", "confidence", "reasons", "recommended", "active",
                "lastDecision", "nextSwitchAllowedAt")) {
            if (s.has(key)) {
                o.add(key, s.get(key));
            }
        }
        return text(o);
    }

    CallToolResult history() {
        JsonObject s = statusObject();
        JsonObject o = new JsonObject();
        for (String key : List.of("recentDecisions", "lastSwitch", "failures", "counters")) {
            o.add(key, s.has(key) ? s.get(key) : new JsonArray());
        }
        return text(o);
    }

    CallToolResult switchTo(@Nullable String scheduler) {
        JsonObject request = command(scheduler == null ? "default" : "switch");
        if (scheduler != null) {
            request.addProperty("scheduler", scheduler);
        }
        request.addProperty("via", "mcp");
        JsonObject answer = daemon.request(request);
        return text(answer);
    }

    private static JsonObject command(String cmd) {
        JsonObject o = new JsonObject();
        o.addProperty("cmd", cmd);
        return o;
    }

    private static CallToolResult text(JsonObject o) {
        return CallToolResult.builder().addTextContent(GSON.toJson(o)).isError(false).build();
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
