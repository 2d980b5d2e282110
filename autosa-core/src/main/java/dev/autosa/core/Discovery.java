// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

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
 * Finds the provider of an SPI the way SLF4J finds a binding: an explicit instance wins; otherwise
 * every provider {@link ServiceLoader} can load is asked whether it is available, and the highest
 * priority available one is used. A provider that fails to load or to answer is skipped and logged,
 * never fatal. Public so that hosts (the CLI's {@code list}) choose exactly as the engine does.
 */
public final class Discovery {

    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
    private static final Comparator<Provider> BY_PRIORITY = Comparator.comparingInt(Provider::priority).reversed();

    private Discovery() {
    }

    /**
     * The outcome: the chosen provider (or null) and how it was chosen or, when none was, why,
     * naming each provider that was found and what it lacks.
     *
     * @param bestUnavailable when none is available, the highest-priority provider that was found
     *     but is not available here (its catalog can still be shown), else null
     */
    public record Choice<T>(@Nullable T provider, String explanation, @Nullable T bestUnavailable) {
    }

    public static <T extends Provider> Choice<T> choose(Class<T> type, @Nullable T explicit, ClassLoader loader) {
        if (explicit != null) {
            return new Choice<>(explicit, "given to the builder", null);
        }
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
            String why = refusals.isEmpty() ? "no provider found on the class path or module path"
                    : String.join("; ", refusals);
            unavailable.sort(BY_PRIORITY);
            return new Choice<>(null, "no " + type.getSimpleName() + " available: " + why,
                    unavailable.isEmpty() ? null : unavailable.get(0));
        }
        available.sort(BY_PRIORITY);
        T chosen = available.get(0);
        LOG.debug("using {} {} (priority {}) out of {}", type.getSimpleName(), chosen.name(), chosen.priority(),
                available.size());
        return new Choice<>(chosen, "discovered (priority " + chosen.priority() + ")", null);
    }
}
