// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.core.AutoSA;
import dev.autosa.examples.cli.daemon.ControlServer;
import dev.autosa.examples.cli.daemon.ControlServer.Reply;
import dev.autosa.examples.cli.daemon.ControlServer.Request;
import dev.autosa.examples.cli.daemon.PidLock;
import dev.autosa.examples.cli.daemon.QuietWarnings;
import dev.autosa.examples.cli.json.ExperimentJson;
import dev.autosa.examples.cli.json.Json;
import dev.autosa.jmx.AutoSAManagement;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: the engine, its control socket, pid lock and MXBean, and the one way to
 * stop all of them ({@link #shutdown()}), used by {@code autosa stop} and by the SIGTERM/SIGINT
 * shutdown hook alike.
 */
final class Daemon {

    private static final Logger LOG = LoggerFactory.getLogger("autosa");

    private final AutoSA autosa;
    private final @Nullable ManagedController controller;
    private final @Nullable SchedulerController catalogOnly;
    private final String controllerUnavailable;
    private final PidLock lock;
    private final Path socket;
    private final Instant startedAt = Instant.now();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ThreadPoolExecutor statusReader = idleEnding("autosa-status");
    private final LiveStatus live;
    private final QuietWarnings refusals = new QuietWarnings(System::nanoTime);
    private final Object shutdownLock = new Object();
    private @Nullable ControlServer server;
    private @Nullable AutoSAManagement jmx;
    private @Nullable Observability observability;
    private volatile boolean failed;
    private boolean down;

    /**
     * @param catalogOnly a controller that cannot switch here (no sched_ext, not root) but can still
     *     list what is installed; never given to the engine
     */
    Daemon(AutoSA autosa, @Nullable ManagedController controller, @Nullable SchedulerController catalogOnly,
            String controllerUnavailable, PidLock lock, Path socket) {
        this.autosa = autosa;
        this.controller = controller;
        this.catalogOnly = catalogOnly;
        this.controllerUnavailable = controllerUnavailable;
        this.lock = lock;
        this.socket = socket;
        this.live = new LiveStatus(autosa, controller, statusReader);
    }

    /** The status as the control socket answers it: the metrics endpoint serves the same. */
    LiveStatus live() {
        return live;
    }

    void attach(ControlServer s, @Nullable AutoSAManagement m) {
        server = s;
        jmx = m;
    }

    /** Scheduler statistics for status, and the metrics endpoint, closed after the engine. */
    void observe(Observability o) {
        observability = o;
    }

    /** Answers one control request (on the control pool). */
    Reply handle(Request r) {
        switch (r.cmd()) {
            case "status" -> {
                JsonObject o = ok();
                o.add("status", status());
                return Reply.of(o);
            }
            case "list" -> {
                JsonObject o = ok();
                o.add("list", list());
                return Reply.of(o);
            }
            case "stop" -> {
                if (!r.privileged()) {
                    warnRefused("stop", r.peer());
                    return Reply.of(ControlServer.error("permission denied: only root or the user running autosa"
                            + " may stop it (you are " + r.peer() + ")"));
                }
                Boolean keep = null;
                JsonElement k = r.body().get("keepScheduler");
                if (k != null && !k.isJsonNull()) {
                    if (!k.isJsonPrimitive() || !k.getAsJsonPrimitive().isBoolean()) {
                        return Reply.of(ControlServer.error("malformed request: keepScheduler must be true or false"));
                    }
                    keep = k.getAsBoolean();
                }
                // What the reply reports; AutoSA.close() applies the configured value itself.
                boolean effective = keep != null ? keep : autosa.config().keepSchedulerOnClose();
                Boolean requested = keep;
                ActiveScheduler active = live.get().status().active();
                JsonObject o = ok();
                o.addProperty("pid", ProcessHandle.current().pid());
                o.addProperty("keepScheduler", effective);
                o.add("active", Json.active(active));
                LOG.info("stop requested by {}{}", r.peer(), effective ? " (keeping the scheduler)" : "");
                // Shut down after the answer is out, and not on the socket thread that shutdown joins.
                return new Reply(o, () -> {
                    Thread t = new Thread(() -> shutdown(requested), "autosa-stop");
                    t.start();
                });
            }
            case "adopt" -> {
                if (!r.privileged()) {
                    warnRefused("adopt", r.peer());
                    return Reply.of(ControlServer.error("permission denied: only root or the user running autosa"
                            + " may hand a scheduler over to it (you are " + r.peer() + ")"));
                }
                boolean adopted = autosa.adoptRunningScheduler();
                ActiveScheduler active = autosa.status().active();
                LOG.info("adopt requested by {}: {}", r.peer(), adopted ? "autosa now manages " + active.displayName()
                        : "nothing to adopt");
                JsonObject o = ok();
                o.addProperty("adopted", adopted);
                o.add("active", Json.active(active));
                return Reply.of(o);
            }
            case "switch", "default" -> {
                return SwitchRequests.handle(r, autosa);
            }
            default -> {
                return Reply.of(ControlServer.error("unknown command \"" + r.cmd()
                        + "\" (known: status, list, stop, adopt, switch, default)"));
            }
        }
    }

    /** A user who tries again and again writes one warning a minute, with a count, not one per try. */
    private void warnRefused(String cmd, String peer) {
        long quiet = refusals.occurred(cmd + " " + peer);
        if (quiet >= 0) {
            LOG.warn("refused {} from user {}: only root or the daemon's user may {}; {} more refused since the last"
                    + " such warning (logged at most once a minute)", cmd, peer,
                    cmd.equals("stop") ? "stop it" : "hand control over", quiet);
        }
    }

    /** The status, answered at once also while a scheduler is being started (see {@link LiveStatus}). */
    JsonObject status() {
        LiveStatus.Snapshot snap = live.get();
        JsonObject o = Json.status(snap.status(), autosa.config(), new Json.DaemonInfo(ProcessHandle.current().pid(),
                VersionProvider.version(), socket.toString(), startedAt));
        ManagedController.Switch sw = snap.switching();
        if (sw != null) {
            JsonObject s = new JsonObject();
            s.addProperty("target", sw.target());
            s.addProperty("since", sw.since().toString());
            o.add("switching", s);
        }
        o.add("experiments", ExperimentJson.status(snap.experiments()));
        Observability obs = observability;
        JsonObject scx = obs == null ? null : obs.scxStatsJson();
        if (scx != null) {
            o.add("scxStats", scx);
        }
        return o;
    }

    JsonObject list() {
        List<SchedulerInfo> catalog = null;
        SchedulerController c = controller != null ? controller : catalogOnly;
        String unavailable = controllerUnavailable;
        if (c != null) {
            try {
                if (c instanceof ManagedController m) {
                    // Answers from its last catalog while a switch holds it.
                    catalog = m.available();
                } else {
                    synchronized (this) {
                        catalog = c.available();
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("could not read the scheduler catalog from {}", c.name(), e);
                unavailable = (unavailable.isEmpty() ? "" : unavailable + "; ") + "reading the catalog of "
                        + c.name() + " failed: " + e;
            }
        }
        return Json.catalog(catalog, controller == null ? null : controller.name(), unavailable,
                live.get().status().active(), autosa.config().preferences());
    }

    /** Stops everything once, keeping the scheduler as configured (SIGTERM, a dead socket). */
    void shutdown() {
        shutdown(null);
    }

    /**
     * Stops everything once; later calls wait until the first has finished. {@code keep} is what
     * {@code autosa stop} asked for, null for the configuration; the engine alone acts on it
     * ({@link AutoSA#close(boolean)}).
     */
    void shutdown(@Nullable Boolean keep) {
        synchronized (shutdownLock) {
            if (down) {
                return;
            }
            down = true;
            ControlServer s = server;
            if (s != null) {
                s.close();
            }
            AutoSAManagement m = jmx;
            if (m != null) {
                m.close();
            }
            try {
                if (keep == null) {
                    autosa.close();
                } else {
                    autosa.close(keep);
                }
            } catch (RuntimeException e) {
                LOG.error("closing the engine failed; check /sys/kernel/sched_ext/state", e);
            }
            Observability obs = observability;
            if (obs != null) {
                obs.close();
            }
            ActiveScheduler after = autosa.status().active();
            if (after.isKernelDefault()) {
                LOG.info("stopped; kernel default scheduler restored");
            } else if (after.managed()) {
                LOG.info("stopped; scheduler kept: {}", after.displayName());
            } else {
                LOG.info("stopped; {} still runs (not started by autosa)", after.displayName());
            }
            if (catalogOnly != null) {
                catalogOnly.close(true);
            }
            statusReader.shutdownNow();
            lock.close();
            stopped.countDown();
        }
    }

    /** The control socket died: stop (restoring the kernel default) and exit non-zero, so systemd restarts us. */
    void controlSocketDied() {
        failed = true;
        LOG.error("stopping: without its control socket the daemon cannot be managed");
        shutdown();
    }

    /** Waits until the daemon stopped; returns false when it stopped because of a failure. */
    boolean awaitStopped() throws InterruptedException {
        stopped.await();
        return !failed;
    }

    /** One thread, which ends after 30 s without work: between clients the daemon keeps no idle thread. */
    private static ThreadPoolExecutor idleEnding(String name) {
        ThreadPoolExecutor e = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    private static JsonObject ok() {
        JsonObject o = new JsonObject();
        o.addProperty("ok", true);
        return o;
    }
}
