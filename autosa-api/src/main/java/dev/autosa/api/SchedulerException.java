// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import org.jspecify.annotations.Nullable;

/** A scheduler could not be started or stopped. Carries the failure for events and backoff. */
public class SchedulerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SchedulerFailure failure;

    public SchedulerException(SchedulerFailure failure) {
        this(failure, null);
    }

    public SchedulerException(SchedulerFailure failure, @Nullable Throwable cause) {
        super(failure.toString(), cause);
        this.failure = failure;
    }

    public SchedulerFailure failure() {
        return failure;
    }
}
