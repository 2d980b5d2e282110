// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

/**
 * A provider that takes {@link ProviderSettings}. Discovery creates providers with their no-argument
 * constructor (which must stay cheap: no files opened, no processes started); when the host gave
 * settings under this provider's {@link #settingsPrefix()}, discovery asks for a configured copy
 * before it asks {@link Provider#isAvailable()}, since settings (a directory, a root path) decide
 * availability.
 *
 * @param <T> the SPI the configured copy implements
 */
public interface Configurable<T extends Provider> {

    /**
     * The prefix of the keys this provider claims.
     *
     * @return e.g. {@code "scx_"}; never empty
     */
    String settingsPrefix();

    /**
     * A provider like this one with {@code settings} applied; {@code settings} holds only keys that
     * start with {@link #settingsPrefix()}.
     *
     * @param settings the host's settings under this provider's prefix; not empty
     * @return a configured provider, which discovery then asks {@link Provider#isAvailable()}
     * @throws IllegalArgumentException for an unknown key or a bad value; the message starts with
     *     the key, e.g. {@code "scx_start_timeout_secs must be positive but was -1"}
     */
    T withSettings(ProviderSettings settings);
}
