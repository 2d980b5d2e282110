// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/**
 * The contract between AutoSA's engine and its plug-ins: {@link dev.autosa.api.MetricSource},
 * {@link dev.autosa.api.WorkloadClassifier} and {@link dev.autosa.api.SchedulerController}, found
 * with {@link java.util.ServiceLoader}, plus the values and events that flow between them.
 */
@NullMarked
package dev.autosa.api;

import org.jspecify.annotations.NullMarked;
