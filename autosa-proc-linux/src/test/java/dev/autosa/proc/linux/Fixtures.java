// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import dev.autosa.api.MetricKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Locates the fixture captures under src/test/resources/proc and holds test-side helpers. */
public final class Fixtures {

    public static final String HOST = "6.18.44-fc-v657";
    public static final String GUEST = "7.2.13+deb14-cloud-amd64";

    private Fixtures() {
    }

    /** The capture or file at {@code proc/<relative>} on the test class path. */
    public static Path path(String relative) {
        URL url = Fixtures.class.getResource("/proc/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture proc/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sink that remembers one tick's values by key name; cleared by the caller between ticks. */
    public static final class MapSink implements dev.autosa.api.MetricSink {
        public final Map<String, Double> values = new LinkedHashMap<>();

        @Override
        public void put(MetricKey key, double value) {
            values.put(key.name(), value);
        }

        public double get(MetricKey key) {
            Double v = values.get(key.name());
            if (v == null) {
                throw new AssertionError(key + " was not written; written: " + values.keySet());
            }
            return v;
        }
    }
}
