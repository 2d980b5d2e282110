// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.api.Provider;
import dev.autosa.api.ProviderSettings;
import dev.autosa.core.Discovery;
import org.jspecify.annotations.Nullable;

/**
 * Finds a provider exactly as the engine does ({@link Discovery}), with the same provider settings.
 * The CLI needs the controller itself, for {@code list} and to serialize it with the control
 * socket, so it discovers it and hands it to the builder.
 */
public final class Providers {

    private Providers() {
    }

    /**
     * The chosen provider, or null with the reason none is available; {@code unavailable} is the
     * best provider that is not available here (still useful for its catalog in {@code list}).
     */
    public record Found<T>(@Nullable T provider, String whyNone, @Nullable T unavailable) {
    }

    /** Discovery without provider settings. */
    public static <T extends Provider> Found<T> discover(Class<T> type, ClassLoader loader) {
        return discover(type, loader, ProviderSettings.EMPTY);
    }

    /**
     * @throws IllegalArgumentException when a provider rejects its settings (the message names the key)
     */
    public static <T extends Provider> Found<T> discover(Class<T> type, ClassLoader loader, ProviderSettings settings) {
        Discovery.Choice<T> choice = Discovery.choose(type, null, loader, settings);
        return new Found<>(choice.provider(), choice.provider() == null ? choice.explanation() : "",
                choice.bestUnavailable());
    }
}
