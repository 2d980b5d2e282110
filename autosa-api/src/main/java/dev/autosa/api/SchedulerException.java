// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import org.jspecify.annotations.Nullable;

/** A scheduler could not be started or stopped. Carries the failure for events and backoff. */
public class SchedulerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SchedulerFailure failure;

    /**
     * An exception for a failure that has no underlying cause.
     *
     * @param failure what went wrong; its text is the message
     */
    public SchedulerException(SchedulerFailure failure) {
        this(failure, null);
    }

    /**
     * An exception for a failure caused by another exception.
     *
     * @param failure what went wrong; its text is the message
     * @param cause the underlying exception (e.g. an I/O error), or null
     */
    public SchedulerException(SchedulerFailure failure, @Nullable Throwable cause) {
        super(failure.toString(), cause);
        this.failure = failure;
    }

    /**
     * The failure, for events and backoff.
     *
     * @return which scheduler failed, how, and what the controller saw
     */
    public SchedulerFailure failure() {
        return failure;
    }
}
