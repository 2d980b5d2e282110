// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Settings for providers, as text: {@code key = value} pairs the host collects (from a
 * configuration file, flags or code) and the engine hands to the providers it discovers. Each
 * {@link Configurable} provider claims the keys that start with its prefix (e.g. {@code scx_}) and
 * validates them itself, so a host needs no compile-time knowledge of a provider's settings.
 *
 * @param values the settings by key, sorted
 */
public record ProviderSettings(Map<String, String> values) {

    /** No settings. */
    public static final ProviderSettings EMPTY = new ProviderSettings(Map.of());

    /**
     * Checks every key and keeps a sorted, unmodifiable copy.
     *
     * @param values the settings by key; each key as {@link #requireKey} says, no null keys or values
     * @throws IllegalArgumentException when a key is not of that form
     */
    public ProviderSettings {
        Map<String, String> copy = new TreeMap<>();
        values.forEach((k, v) -> copy.put(requireKey(k), v));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * The value of one setting.
     *
     * @param key the setting's key
     * @return the value, or null when not set
     */
    public @Nullable String get(String key) {
        return values.get(key);
    }

    /**
     * The settings one provider claims.
     *
     * @param prefix the provider's {@link Configurable#settingsPrefix()}, e.g. {@code "scx_"}
     * @return the settings whose keys start with {@code prefix}; empty when none
     */
    public ProviderSettings withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return new ProviderSettings(out);
    }

    /**
     * Whether there are no settings.
     *
     * @return true when no key is set
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Checks a key: lower-case letters, digits and '_' (the configuration file's key syntax), 1..64
     * characters.
     *
     * @param key the key to check
     * @return {@code key}, for chaining
     * @throws IllegalArgumentException when {@code key} is not of that form
     */
    public static String requireKey(String key) {
        boolean ok = !key.isEmpty() && key.length() <= 64;
        for (int i = 0; ok && i < key.length(); i++) {
            char c = key.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
        if (!ok) {
            throw new IllegalArgumentException(
                    "provider setting key must be 1 to 64 of a-z, 0-9 and '_' but was \"" + key + "\"");
        }
        return key;
    }
}
