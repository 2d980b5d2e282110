// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.Classification;
import dev.autosa.api.Workload;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the workload class a switch was made for while the switch is evaluated and after it was
 * kept, so that the new scheduler's own effect on the metrics the classifier reads cannot undo it
 * (a scheduler that raises the context-switch rate must not turn "cpu-bound" into
 * "latency-sensitive" and switch itself away). Another class replaces the held one only when its
 * confidence reaches the confidence that chose the held class plus a margin (capped at 1): evidence
 * clearly stronger than what made the switch.
 */
public final class ClassHold {

    private final double margin;
    private @Nullable Workload held;
    private double chosenConfidence;
    private @Nullable String because;
    private @Nullable Classification lastRaw;
    private @Nullable Classification lastHeld;

    public ClassHold(double margin) {
        this.margin = margin;
    }

    /** Holds {@code workload}, chosen with {@code confidence}, {@code because} (e.g. "scx_rusty is evaluated"). */
    public void hold(Workload workload, double confidence, String because) {
        held = workload;
        chosenConfidence = confidence;
        this.because = because;
        lastRaw = null;
        lastHeld = null;
    }

    /** Updates why the class is held (e.g. from "evaluated" to "kept"), keeping the class. */
    public void because(String why) {
        if (held != null) {
            because = why;
            lastRaw = null;
        }
    }

    public void release() {
        held = null;
        because = null;
        lastRaw = null;
        lastHeld = null;
    }

    public @Nullable Workload held() {
        return held;
    }

    /** The confidence another class needs to replace the held one. */
    public double required() {
        return Math.min(1.0, chosenConfidence + margin);
    }

    /**
     * The classification the policy should see: {@code raw} when nothing is held, when it names the
     * held class, or when it is clearly stronger (then the hold ends); otherwise the held class,
     * with the reason why. The same answer object is returned while {@code raw} is the same object.
     */
    public Classification filter(Classification raw) {
        Workload h = held;
        if (h == null || raw.workload().equals(h)) {
            return raw;
        }
        if (raw.confidence() >= required()) {
            release();
            return raw;
        }
        if (raw == lastRaw && lastHeld != null) {
            return lastHeld;
        }
        String why = String.format(Locale.ROOT, "%s held while %s: %s %.2f is not clearly stronger (needs %.2f)",
                h, because, raw.workload(), raw.confidence(), required());
        Classification c = new Classification(h, chosenConfidence, List.of(why));
        lastRaw = raw;
        lastHeld = c;
        return c;
    }
}
