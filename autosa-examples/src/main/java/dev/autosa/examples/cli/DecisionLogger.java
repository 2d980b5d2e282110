// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.api.AutoSAEvent;
import dev.autosa.api.AutoSAListener;
import dev.autosa.api.Decision;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what the daemon decides, with reasons, without flooding the journal: a decision is logged
 * when its action or recommendation changes, and otherwise at most once per {@link #REPEAT_MILLIS}.
 * Switches and failures are always logged.
 */
public final class DecisionLogger implements AutoSAListener {

    static final long REPEAT_MILLIS = 10 * 60_000L;

    private static final Logger LOG = LoggerFactory.getLogger("autosa");

    private @Nullable Decision last;
    private long lastLoggedMillis;

    @Override
    public void onEvent(AutoSAEvent event) {
        if (event instanceof AutoSAEvent.Decided d) {
            decided(d.decision());
        } else if (event instanceof AutoSAEvent.Switched s) {
            LOG.info("{}switched {} -> {}: {}", s.simulated() ? "(simulated) " : "", name(s.from()), name(s.to()),
                    s.reason());
        } else if (event instanceof AutoSAEvent.Failed f) {
            LOG.warn("scheduler failure: {}; {} (backoff {}s)", f.failure(),
                    f.blocklisted() ? "blocklisted" : "backing off", f.backoff().toSeconds());
        } else if (event instanceof AutoSAEvent.TickProblem p) {
            LOG.warn("tick problem: {}", p.problem());
        }
    }

    private void decided(Decision d) {
        long now = d.time().toEpochMilli();
        Decision prev = last;
        boolean changed = prev == null || prev.action() != d.action()
                || !Objects.equals(prev.recommended(), d.recommended())
                || !prev.classification().workload().equals(d.classification().workload());
        if (changed || now - lastLoggedMillis >= REPEAT_MILLIS) {
            LOG.info("{} {} (confidence {}), recommend {}: {}", d.action().id(), d.classification().workload(),
                    String.format(java.util.Locale.ROOT, "%.2f", d.classification().confidence()),
                    d.recommendedDisplay(), d.reason());
            lastLoggedMillis = now;
        }
        last = d;
    }

    private static String name(@Nullable String scheduler) {
        return scheduler == null ? "kernel default" : scheduler;
    }
}
