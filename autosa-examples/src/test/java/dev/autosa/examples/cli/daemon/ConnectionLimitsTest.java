// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.examples.cli.daemon.ConnectionLimits.Verdict;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {

    @Test
    void oneUserCannotTakeMoreThanItsShareNorRootsSlots() {
        ConnectionLimits l = new ConnectionLimits(4, 32, 2);
        for (int i = 0; i < 4; i++) {
            assertThat(l.admit("nobody", false)).isEqualTo(Verdict.ACCEPT);
        }
        // A hundred more from the flooder: all refused, none counted.
        for (int i = 0; i < 100; i++) {
            assertThat(l.admit("nobody", false)).isEqualTo(Verdict.PEER_FULL);
        }
        assertThat(l.open()).isEqualTo(4);
        assertThat(l.admit("alice", false)).isEqualTo(Verdict.ACCEPT);
        assertThat(l.admit("root", true)).isEqualTo(Verdict.ACCEPT);
        assertThat(l.admit("root", true)).isEqualTo(Verdict.ACCEPT);
        assertThat(l.admit("root", true)).isEqualTo(Verdict.PRIVILEGED_FULL);
        l.release("root", true);
        assertThat(l.admit("root", true)).isEqualTo(Verdict.ACCEPT);
        l.release("nobody", false);
        assertThat(l.admit("nobody", false)).isEqualTo(Verdict.ACCEPT);
        assertThat(l.admit("nobody", false)).isEqualTo(Verdict.PEER_FULL);
    }

    @Test
    void manyUsersTogetherStopAtTheSharedLimit() {
        ConnectionLimits l = new ConnectionLimits(2, 4, 1);
        assertThat(l.admit("a", false)).isEqualTo(Verdict.ACCEPT);
        assertThat(l.admit("a", false)).isEqualTo(Verdict.ACCEPT);
        assertThat(l.admit("b", false)).isEqualTo(Verdict.ACCEPT);
        assertThat(l.admit("c", false)).isEqualTo(Verdict.ACCEPT);
        assertThat(l.admit("d", false)).isEqualTo(Verdict.SHARED_FULL);
        assertThat(l.admit("root", true)).isEqualTo(Verdict.ACCEPT);
        l.release("a", false);
        assertThat(l.admit("d", false)).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void refusalsSayWhichLimit() {
        ConnectionLimits l = new ConnectionLimits(4, 32, 32);
        assertThat(l.refusal(Verdict.PEER_FULL, "nobody"))
                .isEqualTo("daemon busy: user nobody already has 4 control connections open; try again");
        assertThat(l.refusal(Verdict.SHARED_FULL, "nobody"))
                .isEqualTo("daemon busy: 32 control connections of other users open; try again");
        assertThat(l.refusal(Verdict.PRIVILEGED_FULL, "root"))
                .isEqualTo("daemon busy: more than 32 control connections open; try again");
    }

    @Test
    void limitsAreChecked() {
        assertThatThrownBy(() -> new ConnectionLimits(0, 4, 1))
                .hasMessage("connection limits must be 1 <= perPeer <= shared and privileged >= 1 but were 0, 4, 1");
    }

    @Test
    void warningsComeOnceAMinuteWithTheCountKeptQuiet() {
        AtomicLong now = new AtomicLong(1_000);
        QuietWarnings w = new QuietWarnings(now::get);
        assertThat(w.occurred("peer nobody")).isZero();
        for (int i = 0; i < 14_000; i++) {
            now.addAndGet(1_000_000);
            assertThat(w.occurred("peer nobody")).isEqualTo(-1);
        }
        // Another kind is not held back by the first.
        assertThat(w.occurred("idle nobody")).isZero();
        now.addAndGet(QuietWarnings.QUIET_NANOS);
        assertThat(w.occurred("peer nobody")).isEqualTo(14_000);
        assertThat(w.occurred("peer nobody")).isEqualTo(-1);
    }
}
