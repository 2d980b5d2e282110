// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/**
 * The workload lab: replays labelled real-workload captures through the engine and scores the
 * classifier and switch policy against the labels (accuracy, reaction time, switches, calibration).
 */
@NullMarked
package dev.autosa.lab;

import org.jspecify.annotations.NullMarked;
