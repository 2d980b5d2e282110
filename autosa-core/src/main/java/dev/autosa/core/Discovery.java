// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.Configurable;
import dev.autosa.api.MetricSource;
import dev.autosa.api.Provider;
import dev.autosa.api.ProviderSettings;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.WorkloadClassifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the provider of an SPI the way SLF4J finds a binding: an explicit instance wins (and is used
 * as it is, even when it says it is not available: a warning says so); otherwise every provider
 * {@link ServiceLoader} can load gets its {@link ProviderSettings} (when it is {@link Configurable})
 * and is asked whether it is available, and the highest priority available one is used. On a tie
 * the name that sorts first wins, with a warning naming both. A provider that fails to load or to
 * answer is skipped and logged with its cause, never fatal; a bad setting is (it names the key).
 * Public so that hosts (the CLI's {@code list}) choose exactly as the engine does.
 */
public final class Discovery {

    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
    private static final Comparator<Provider> ORDER = Comparator.comparingInt(Provider::priority).reversed()
            .thenComparing(Provider::name).thenComparing(p -> p.getClass().getName());
    /** The artifact that provides the Linux metric source and controller, for "nothing found" errors. */
    static final String LINUX_ARTIFACT = "dev.autosa:autosa-proc-linux";

    private Discovery() {
    }

    /**
     * The outcome: the chosen provider (or null) and how it was chosen or, when none was, why,
     * naming each provider that was found and what it lacks.
     *
     * @param <T> the SPI
     * @param provider the chosen provider, or null when none is available
     * @param explanation how it was chosen (e.g. "given to the builder") or, when none was, why, in words
     *     an operator can act on
     * @param bestUnavailable when none is available, the highest-priority provider that was found
     *     but is not available here (its catalog can still be shown), else null
     */
    public record Choice<T>(@Nullable T provider, String explanation, @Nullable T bestUnavailable) {
    }

    /**
     * Discovery without provider settings: {@link #choose(Class, Provider, ClassLoader, ProviderSettings)}
     * with {@link ProviderSettings#EMPTY}.
     *
     * @param <T> the SPI
     * @param type the SPI's interface, e.g. {@code MetricSource.class}
     * @param explicit an instance given by the host, which wins over discovery; or null to discover
     * @param loader the class loader {@link ServiceLoader} searches
     * @return the chosen provider, or none with the reason
     */
    public static <T extends Provider> Choice<T> choose(Class<T> type, @Nullable T explicit, ClassLoader loader) {
        return choose(type, explicit, loader, ProviderSettings.EMPTY);
    }

    /**
     * Chooses the provider of {@code type}: {@code explicit} if given, else the highest-priority
     * available provider {@link ServiceLoader} finds, each {@link Configurable} one configured with
     * its share of {@code settings} first.
     *
     * @param <T> the SPI
     * @param type the SPI's interface, e.g. {@code MetricSource.class}
     * @param explicit an instance given by the host, which wins over discovery (even when it says it is
     *     not available); or null to discover
     * @param loader the class loader {@link ServiceLoader} searches
     * @param settings the host's provider settings; each provider gets those under its prefix
     * @return the chosen provider, or none with the reason
     * @throws IllegalArgumentException when a provider rejects its settings (the message names the key)
     */
    public static <T extends Provider> Choice<T> choose(Class<T> type, @Nullable T explicit, ClassLoader loader,
            ProviderSettings settings) {
        if (explicit != null) {
            warnIfUnavailable(type, explicit);
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
                candidate = configured(type, it.next(), settings);
            } catch (ServiceConfigurationError e) {
                Throwable cause = e.getCause();
                LOG.warn("skipping a {} provider that failed to load: {}{}", type.getSimpleName(), e.getMessage(),
                        cause == null ? "" : " (cause: " + cause + ")", cause);
                refusals.add("a provider failed to load (" + e.getMessage() + (cause == null ? "" : ": " + cause) + ")");
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
            String why = refusals.isEmpty() ? "no provider found on the class path or module path" : String.join("; ", refusals);
            if (refusals.isEmpty() && (type == MetricSource.class || type == SchedulerController.class)) {
                why += " (add " + LINUX_ARTIFACT + " for Linux's, or give one to the builder)";
            }
            unavailable.sort(ORDER);
            return new Choice<>(null, "no " + type.getSimpleName() + " available: " + why,
                    unavailable.isEmpty() ? null : unavailable.get(0));
        }
        available.sort(ORDER);
        T chosen = available.get(0);
        if (available.size() > 1 && available.get(1).priority() == chosen.priority()) {
            LOG.warn("{} providers {} ({}) and {} ({}) have the same priority {}; using {} (the name that sorts first);"
                    + " give one a higher priority() to choose", type.getSimpleName(), chosen.name(),
                    chosen.getClass().getName(), available.get(1).name(), available.get(1).getClass().getName(),
                    chosen.priority(), chosen.name());
        }
        LOG.debug("using {} {} (priority {}) out of {}", type.getSimpleName(), chosen.name(), chosen.priority(),
                available.size());
        return new Choice<>(chosen, "discovered (priority " + chosen.priority() + ")", null);
    }

    /** Applies the provider's settings; an IllegalArgumentException (a bad setting) is the caller's to see. */
    private static <T extends Provider> T configured(Class<T> type, T candidate, ProviderSettings settings) {
        if (candidate instanceof Configurable<?> c) {
            ProviderSettings mine = settings.withPrefix(c.settingsPrefix());
            if (!mine.isEmpty()) {
                return type.cast(c.withSettings(mine));
            }
        }
        return candidate;
    }

    private static void warnIfUnavailable(Class<?> type, Provider explicit) {
        try {
            if (!explicit.isAvailable()) {
                LOG.warn("the {} given to the builder, {}, says it is not available ({}); using it anyway",
                        type.getSimpleName(), explicit.name(), explicit.unavailableReason());
            }
        } catch (RuntimeException e) {
            LOG.warn("the {} given to the builder, {}, failed to say whether it is available; using it anyway",
                    type.getSimpleName(), explicit.name(), e);
        }
    }

    /**
     * Every provider setting must be claimed by a provider on the class path (its prefix), else it
     * is a typo or a missing plug-in.
     *
     * @throws IllegalArgumentException naming the first key no provider claims and the prefixes found
     */
    static void requireClaimed(ProviderSettings settings, ClassLoader loader) {
        if (settings.isEmpty()) {
            return;
        }
        TreeSet<String> prefixes = new TreeSet<>();
        for (Class<? extends Provider> type : List.of(MetricSource.class, WorkloadClassifier.class,
                SchedulerController.class)) {
            Iterator<? extends Provider> it = ServiceLoader.load(type, loader).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    if (it.next() instanceof Configurable<?> c) {
                        prefixes.add(c.settingsPrefix());
                    }
                } catch (ServiceConfigurationError e) {
                    // Logged when the providers are chosen.
                }
            }
        }
        for (String key : settings.values().keySet()) {
            if (prefixes.stream().noneMatch(key::startsWith)) {
                throw new IllegalArgumentException("provider setting " + key + " is claimed by no provider on the class"
                        + " path (prefixes claimed: " + (prefixes.isEmpty() ? "none" : String.join(", ", prefixes))
                        + ")");
            }
        }
    }
}
