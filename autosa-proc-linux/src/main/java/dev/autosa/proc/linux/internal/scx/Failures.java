// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.SchedulerFailure.Kind;
import org.jspecify.annotations.Nullable;

/** Builds the exceptions the controller throws: every failure names the scheduler and says why. */
public final class Failures {

    private Failures() {
    }

    public static SchedulerException failure(String scheduler, Kind kind, String detail, @Nullable Integer code) {
        return new SchedulerException(new SchedulerFailure(scheduler, kind, detail, code));
    }
}
