// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.autosa.core.AutoSA;
import dev.autosa.core.SwitchOutcome;
import dev.autosa.examples.cli.daemon.ControlServer;
import dev.autosa.examples.cli.daemon.ControlServer.Reply;
import dev.autosa.examples.cli.daemon.ControlServer.Request;
import dev.autosa.examples.cli.json.Json;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control socket's {@code switch} ({@code {"cmd":"switch","scheduler":"scx_lavd"}}) and
 * {@code default} (back to the kernel's own scheduler) commands: only root or the daemon's user may
 * send them, and the engine's own rules decide ({@link AutoSA#requestSwitch}). The answer says
 * whether the switch was made, why, and what runs: {@code ok} is false when it was refused.
 */
final class SwitchRequests {

    private static final Logger LOG = LoggerFactory.getLogger("autosa");
    private static final int MAX_VIA = 64;

    private SwitchRequests() {
    }

    static Reply handle(Request r, AutoSA autosa) {
        if (!r.privileged()) {
            LOG.warn("refused {} from user {}: only root or the daemon's user may switch schedulers", r.cmd(), r.peer());
            return Reply.of(ControlServer.error("permission denied: only root or the user running autosa may switch"
                    + " schedulers (you are " + r.peer() + ")"));
        }
        String scheduler = null;
        if (r.cmd().equals("switch")) {
            JsonElement s = r.body().get("scheduler");
            if (s == null || !s.isJsonPrimitive() || !s.getAsJsonPrimitive().isString()) {
                return Reply.of(ControlServer.error("malformed request: switch needs \"scheduler\": an scx_* name"
                        + " (use the default command for the kernel default)"));
            }
            scheduler = s.getAsString();
        }
        String requestedBy = r.peer() + via(r.body().get("via"));
        SwitchOutcome outcome = autosa.requestSwitch(scheduler, requestedBy);
        JsonObject o = outcome.accepted() ? new JsonObject() : ControlServer.error(outcome.reason());
        if (outcome.accepted()) {
            o.addProperty("ok", true);
        }
        o.addProperty("accepted", outcome.accepted());
        o.addProperty("reason", outcome.reason());
        o.add("active", Json.active(outcome.active()));
        return Reply.of(o);
    }

    /** " via mcp" from the request's optional "via" (printable ASCII, shortened), for the log and the switch's reason. */
    private static String via(@Nullable JsonElement e) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            return "";
        }
        String v = e.getAsString();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length() && b.length() < MAX_VIA; i++) {
            char c = v.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.length() == 0 ? "" : " via " + b;
    }
}
