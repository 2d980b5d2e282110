// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import java.util.HashMap;
import java.util.Map;

/**
 * Who may hold how many control connections, so that idle or flooding clients cannot lock anyone
 * out: each unprivileged user at most {@link #perPeer}, all of them together at most
 * {@link #shared}, and root and the daemon's own user a separate pool of {@link #privileged} that
 * nobody else can fill (so {@code status} and {@code stop} from root always get through).
 * Used only on the selector thread.
 */
final class ConnectionLimits {

    /** Whether a new connection is taken, and if not, which limit it hit. */
    enum Verdict {
        ACCEPT, PEER_FULL, SHARED_FULL, PRIVILEGED_FULL
    }

    private final int perPeer;
    private final int shared;
    private final int privileged;
    private final Map<String, Integer> openByPeer = new HashMap<>();
    private int openShared;
    private int openPrivileged;

    ConnectionLimits(int perPeer, int shared, int privileged) {
        if (perPeer < 1 || shared < perPeer || privileged < 1) {
            throw new IllegalArgumentException("connection limits must be 1 <= perPeer <= shared and privileged >= 1"
                    + " but were " + perPeer + ", " + shared + ", " + privileged);
        }
        this.perPeer = perPeer;
        this.shared = shared;
        this.privileged = privileged;
    }

    /** Admits a connection of {@code peer} (counting it) or says which limit refuses it. */
    Verdict admit(String peer, boolean isPrivileged) {
        if (isPrivileged) {
            if (openPrivileged >= privileged) {
                return Verdict.PRIVILEGED_FULL;
            }
            openPrivileged++;
            return Verdict.ACCEPT;
        }
        int mine = openByPeer.getOrDefault(peer, 0);
        if (mine >= perPeer) {
            return Verdict.PEER_FULL;
        }
        if (openShared >= shared) {
            return Verdict.SHARED_FULL;
        }
        openByPeer.put(peer, mine + 1);
        openShared++;
        return Verdict.ACCEPT;
    }

    /** An admitted connection closed. */
    void release(String peer, boolean isPrivileged) {
        if (isPrivileged) {
            openPrivileged--;
            return;
        }
        openShared--;
        openByPeer.computeIfPresent(peer, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** What a refused client is told. */
    String refusal(Verdict v, String peer) {
        return switch (v) {
            case PEER_FULL -> "daemon busy: user " + peer + " already has " + perPeer + " control connections open;"
                    + " try again";
            case SHARED_FULL -> "daemon busy: " + shared + " control connections of other users open; try again";
            case PRIVILEGED_FULL -> "daemon busy: more than " + privileged + " control connections open; try again";
            case ACCEPT -> throw new IllegalArgumentException("an accepted connection is not refused");
        };
    }

    int open() {
        return openShared + openPrivileged;
    }
}
