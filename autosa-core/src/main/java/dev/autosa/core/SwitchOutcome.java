// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.ActiveScheduler;

/**
 * The answer to {@link AutoSA#requestSwitch}: whether the switch was made, why (or why not, in the
 * policy's own words), and what the kernel runs afterwards.
 *
 * @param accepted true when the requested scheduler runs now (or already ran)
 * @param reason why it was accepted or refused, e.g. "min switch interval 5m: next switch allowed at ..."
 * @param active what the kernel runs after the request, read back from the controller
 */
public record SwitchOutcome(boolean accepted, String reason, ActiveScheduler active) {
}
