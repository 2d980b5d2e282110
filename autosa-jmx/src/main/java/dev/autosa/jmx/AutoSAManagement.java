// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.jmx;

import dev.autosa.api.Classification;
import dev.autosa.api.Decision;
import dev.autosa.core.AutoSA;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Exposes an {@link AutoSA} as an MXBean, by default {@code dev.autosa:type=AutoSA}. The daemon and
 * embedding applications register it the same way:
 *
 * <pre>{@code
 * AutoSA autosa = AutoSA.builder().mode(Mode.RECOMMEND).build();
 * try (autosa; AutoSAManagement jmx = AutoSAManagement.register(autosa)) {
 *     autosa.start();
 *     ...
 * }   // close() unregisters the MXBean
 * }</pre>
 *
 * A second engine in the same JVM needs its own name ({@link #register(AutoSA, String)}); registering
 * a name that is taken fails with an {@link IllegalStateException} saying so. Each attribute read
 * takes a fresh {@link AutoSA#status()} snapshot.
 */
public final class AutoSAManagement implements AutoSAMXBean, AutoCloseable {

    /** The name used when none is given. */
    public static final String DEFAULT_NAME = "dev.autosa:type=AutoSA";
    /** {@link #DEFAULT_NAME} as an {@link ObjectName}. */
    public static final ObjectName OBJECT_NAME = parse(DEFAULT_NAME);

    private final AutoSA autosa;
    private final MBeanServer server;
    private final ObjectName name;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AutoSAManagement(AutoSA autosa, MBeanServer server, ObjectName name) {
        this.autosa = autosa;
        this.server = server;
        this.name = name;
    }

    /**
     * Registers {@code autosa} in the platform MBean server under {@link #DEFAULT_NAME}.
     *
     * @param autosa the engine to expose; it may be started before or after
     * @return the registration; closing it unregisters the MXBean
     * @throws IllegalStateException when the name is already registered (another AutoSA in this JVM)
     */
    public static AutoSAManagement register(AutoSA autosa) {
        return register(autosa, ManagementFactory.getPlatformMBeanServer(), OBJECT_NAME);
    }

    /**
     * Registers {@code autosa} in the platform MBean server under {@code name}, e.g.
     * {@code dev.autosa:type=AutoSA,name=batch} for a second engine in one JVM.
     *
     * @param autosa the engine to expose
     * @param name a JMX object name, not a pattern
     * @return the registration; closing it unregisters the MXBean
     * @throws IllegalArgumentException when {@code name} is not a valid object name
     * @throws IllegalStateException when the name is already registered
     */
    public static AutoSAManagement register(AutoSA autosa, String name) {
        return register(autosa, ManagementFactory.getPlatformMBeanServer(), parse(name));
    }

    /**
     * Registers {@code autosa} in {@code server} under {@code name}.
     *
     * @param autosa the engine to expose
     * @param server the MBean server to register in, e.g. a test's own
     * @param name the object name, not a pattern
     * @return the registration; closing it unregisters the MXBean from {@code server}
     * @throws IllegalArgumentException when {@code name} is a pattern
     * @throws IllegalStateException when the name is already registered, or the server refuses it
     */
    public static AutoSAManagement register(AutoSA autosa, MBeanServer server, ObjectName name) {
        if (name.isPattern()) {
            throw new IllegalArgumentException("jmx object name must not be a pattern but was \"" + name + "\"");
        }
        AutoSAManagement m = new AutoSAManagement(autosa, server, name);
        try {
            server.registerMBean(m, name);
        } catch (InstanceAlreadyExistsException e) {
            throw new IllegalStateException("jmx object name " + name + " is already registered (another AutoSA in"
                    + " this JVM?); close that one first or register this one under another name, e.g. " + name
                    + ",name=second", e);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register the AutoSA MXBean as " + name + ": " + e.getMessage(), e);
        }
        return m;
    }

    /** {@return the name this MXBean was registered under} */
    public ObjectName objectName() {
        return name;
    }

    @Override
    public boolean isRunning() {
        return autosa.status().running();
    }

    @Override
    public String getMode() {
        return autosa.status().mode().id();
    }

    @Override
    public String getModeReason() {
        return autosa.status().modeReason();
    }

    @Override
    public String getWorkload() {
        Classification c = autosa.status().classification();
        return c == null ? "" : c.workload().id();
    }

    @Override
    public double getConfidence() {
        Classification c = autosa.status().classification();
        return c == null ? 0 : c.confidence();
    }

    @Override
    public String getRecommended() {
        String r = autosa.status().recommended();
        return r == null ? "kernel default" : r;
    }

    @Override
    public String getActiveScheduler() {
        return autosa.status().active().displayName();
    }

    @Override
    public String getLastDecision() {
        List<Decision> recent = autosa.status().recentDecisions();
        if (recent.isEmpty()) {
            return "";
        }
        Decision d = recent.get(recent.size() - 1);
        return d.action().id() + ": " + d.reason();
    }

    @Override
    public long getTicks() {
        return autosa.status().ticks();
    }

    @Override
    public Map<String, Long> getCounters() {
        return Map.copyOf(autosa.status().counters().asMap());
    }

    /** {@return whether this MXBean is still registered under {@link #objectName()}} */
    public boolean isRegistered() {
        return !closed.get() && server.isRegistered(name);
    }

    /**
     * Unregisters the MXBean; AutoSA itself is left as it is. Calling it again does nothing, and so
     * does a name the application already unregistered.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            // Unregistered by someone else already: the state close() promises.
        } catch (JMException e) {
            throw new IllegalStateException("cannot unregister the AutoSA MXBean " + name + ": " + e.getMessage(), e);
        }
    }

    private static ObjectName parse(String s) {
        try {
            return new ObjectName(s);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("jmx object name is malformed (" + e.getMessage() + "): \"" + s + "\"",
                    e);
        }
    }
}
