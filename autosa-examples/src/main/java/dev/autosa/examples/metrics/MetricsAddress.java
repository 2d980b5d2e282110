// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.metrics;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the metrics endpoint listens: {@code ADDRESS:PORT}, e.g. {@code 127.0.0.1:9464},
 * {@code [::1]:9464} or {@code 0.0.0.0:9464}. The address is a literal IP, never a name to look up,
 * so a typo cannot make the daemon listen somewhere unexpected; port 0 picks a free port.
 */
public record MetricsAddress(InetAddress address, int port) {

    /**
     * Parses {@code ADDRESS:PORT}.
     *
     * @throws IllegalArgumentException naming the value when it is not a literal IP and a port
     */
    public static MetricsAddress parse(String value) {
        String v = value.strip();
        int colon = v.lastIndexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw bad(value);
        }
        String host = v.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            // An IPv6 literal needs brackets, or its last group would read as the port.
            throw bad(value);
        }
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw bad(value);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("metrics port must be in [0, 65535] but was " + port);
        }
        if (!isIpLiteral(host)) {
            throw bad(value);
        }
        try {
            // A literal IP is parsed, not resolved: getByName does no lookup for one.
            return new MetricsAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw bad(value);
        }
    }

    private static boolean isIpLiteral(String host) {
        if (host.isEmpty()) {
            return false;
        }
        boolean v6 = host.indexOf(':') >= 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = v6 ? (Character.digit(c, 16) >= 0 || c == ':' || c == '.') : (c >= '0' && c <= '9') || c == '.';
            if (!ok) {
                return false;
            }
        }
        return v6 || host.chars().filter(c -> c == '.').count() == 3;
    }

    private static IllegalArgumentException bad(String value) {
        return new IllegalArgumentException("metrics address must be IP:PORT (e.g. 127.0.0.1:9464 or [::1]:9464)"
                + " but was \"" + value + "\"");
    }

    /** {@code 127.0.0.1:9464} or {@code [::1]:9464}. */
    @Override
    public String toString() {
        String host = address.getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
