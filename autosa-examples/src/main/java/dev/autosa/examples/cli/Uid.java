// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.proc.linux.trust.EffectiveUid;

/**
 * This process's effective uid, for the CLI's socket and plug-in checks: a short name for {@link
 * EffectiveUid}, the one place the uid is read (the sched_ext controller uses it too).
 */
public final class Uid {

    private Uid() {
    }

    public static int effective() {
        return EffectiveUid.get();
    }

    public static boolean isRoot() {
        return EffectiveUid.isRoot();
    }
}
