// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.api.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a provider the way the engine does (highest priority among the available ones; broken
 * providers skipped and logged). The CLI needs the controller itself, for {@code list} and to
 * decide at {@code stop} whether to keep the scheduler, so it discovers it and hands it to the builder.
 */
public final class Providers {

    private static final Logger LOG = LoggerFactory.getLogger(Providers.class);

    private Providers() {
    }

    /**
     * The chosen provider, or null with the reason none is available; {@code unavailable} is the
     * best provider that is not available here (still useful for its catalog in {@code list}).
     */
    public record Found<T>(@Nullable T provider, String whyNone, @Nullable T unavailable) {
    }

    public static <T extends Provider> Found<T> discover(Class<T> type, ClassLoader loader) {
        List<T> available = new ArrayList<>();
        List<T> unavailable = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        Iterator<T> it = ServiceLoader.load(type, loader).iterator();
        while (true) {
            T candidate;
            try {
                if (!it.hasNext()) {
                    break;
                }
                candidate = it.next();
            } catch (ServiceConfigurationError e) {
                LOG.warn("skipping a {} provider that failed to load: {}", type.getSimpleName(), e.getMessage());
                refusals.add("a provider failed to load (" + e.getMessage() + ")");
                continue;
            }
            try {
                if (candidate.isAvailable()) {
                    available.add(candidate);
                } else {
                    unavailable.add(candidate);
                    refusals.add(candidate.name() + ": " + candidate.unavailableReason());
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("skipping {} provider {}: isAvailable() failed", type.getSimpleName(),
                        candidate.getClass().getName(), e);
                refusals.add(candidate.getClass().getName() + ": " + e);
            }
        }
        if (available.isEmpty()) {
            String why = refusals.isEmpty() ? "no provider found on the class path" : String.join("; ", refusals);
            unavailable.sort(Comparator.comparingInt(Provider::priority).reversed());
            return new Found<>(null, "no " + type.getSimpleName() + " available: " + why,
                    unavailable.isEmpty() ? null : unavailable.get(0));
        }
        available.sort(Comparator.comparingInt(Provider::priority).reversed());
        return new Found<>(available.get(0), "", null);
    }
}
