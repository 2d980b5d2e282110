// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.jmx;

import dev.autosa.api.Classification;
import dev.autosa.api.Decision;
import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAStatus;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanRegistrationException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Exposes an {@link AutoSA} as the MXBean {@code dev.autosa:type=AutoSA}. Embedded users register
 * it the same way the daemon does:
 *
 * <pre>{@code
 * AutoSA autosa = AutoSA.builder().mode(Mode.RECOMMEND).build();
 * try (AutoSAManagement jmx = AutoSAManagement.register(autosa)) {
 *     autosa.start();
 *     ...
 * }
 * }</pre>
 *
 * Each attribute read takes a fresh {@link AutoSA#status()} snapshot.
 */
public final class AutoSAManagement implements AutoSAMXBean, AutoCloseable {

    /** {@code dev.autosa:type=AutoSA}. */
    public static final ObjectName OBJECT_NAME = objectName("dev.autosa:type=AutoSA");

    private final AutoSA autosa;
    private final MBeanServer server;
    private final ObjectName name;

    private AutoSAManagement(AutoSA autosa, MBeanServer server, ObjectName name) {
        this.autosa = autosa;
        this.server = server;
        this.name = name;
    }

    /**
     * Registers {@code autosa} in the platform MBean server under {@link #OBJECT_NAME}.
     *
     * @param autosa the engine to show
     * @return the registration; {@link #close()} removes it
     * @throws JMException when the name is taken or the server refuses the bean
     */
    public static AutoSAManagement register(AutoSA autosa) throws JMException {
        return register(autosa, ManagementFactory.getPlatformMBeanServer(), OBJECT_NAME);
    }

    /**
     * Registers {@code autosa} under {@code name} (e.g. {@code dev.autosa:type=AutoSA,name=second}
     * for a second engine in one JVM).
     *
     * @param autosa the engine to show
     * @param server the MBean server to register in
     * @param name the bean's name
     * @return the registration; {@link #close()} removes it
     * @throws JMException when the server refuses the bean
     * @throws InstanceAlreadyExistsException when the name is taken
     */
    public static AutoSAManagement register(AutoSA autosa, MBeanServer server, ObjectName name) throws JMException {
        AutoSAManagement m = new AutoSAManagement(autosa, server, name);
        server.registerMBean(m, name);
        return m;
    }

    /**
     * The name this bean is registered under.
     *
     * @return the object name
     */
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
        AutoSAStatus s = autosa.status();
        return Map.copyOf(s.counters());
    }

    /** Unregisters the MXBean; AutoSA itself is left as it is. */
    @Override
    public void close() {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException | MBeanRegistrationException e) {
            // Already gone (e.g. unregistered by the application): nothing to undo.
            org.slf4j.LoggerFactory.getLogger(AutoSAManagement.class).debug("unregistering {}: {}", name, e.toString());
        }
    }

    private static ObjectName objectName(String s) {
        try {
            return new ObjectName(s);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
