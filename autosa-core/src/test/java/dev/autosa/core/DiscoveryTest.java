// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.Classification;
import dev.autosa.api.MetricSink;
import dev.autosa.api.MetricSource;
import dev.autosa.api.WindowView;
import dev.autosa.api.Workload;
import dev.autosa.api.WorkloadClassifier;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery picks the highest-priority available provider and survives broken ones. */
class DiscoveryTest {

    @TempDir
    Path dir;

    /** A base for test providers: available and priority as the subclass says. */
    public abstract static class TestSource implements MetricSource {
        @Override
        public void sample(MetricSink sink) {
        }
    }

    /** An available test provider with a fixed name and priority. */
    public abstract static class Fixed extends TestSource {
        private final String name;
        private final int priority;

        Fixed(String name, int priority) {
            this.name = name;
            this.priority = priority;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public boolean isAvailable() {
            return true;
        }
    }

    public static final class Low extends Fixed {
        public Low() {
            super("low", 1);
        }
    }

    public static final class High extends Fixed {
        public High() {
            super("high", 50);
        }
    }

    public static final class HighestButUnavailable extends TestSource {
        @Override
        public String name() {
            return "absent";
        }

        @Override
        public int priority() {
            return 99;
        }

        @Override
        public boolean isAvailable() {
            return false;
        }

        @Override
        public String unavailableReason() {
            return "/proc/stat not readable";
        }
    }

    public static final class ThrowsInConstructor extends TestSource {
        public ThrowsInConstructor() {
            throw new IllegalStateException("broken plug-in");
        }

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public boolean isAvailable() {
            return true;
        }
    }

    public static final class ThrowsInIsAvailable extends TestSource {
        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public int priority() {
            return 98;
        }

        @Override
        public boolean isAvailable() {
            throw new UnsupportedOperationException("cannot tell");
        }
    }

    private ClassLoader loaderListing(String... providers) throws IOException {
        return loaderListing(MetricSource.class, providers);
    }

    /** Serves a services file of our making, classes from the normal class path. */
    private ClassLoader loaderListing(Class<?> type, String... providers) throws IOException {
        Path file = dir.resolve("services-" + System.nanoTime());
        Files.writeString(file, "# test providers\n" + String.join("\n", providers) + "\n");
        URL url = file.toUri().toURL();
        return new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                if (name.equals("META-INF/services/" + type.getName())) {
                    return Collections.enumeration(java.util.List.of(url));
                }
                return super.getResources(name);
            }
        };
    }

    private static String binaryName(Class<?> c) {
        return c.getName();
    }

    @Test
    void highestPriorityAvailableProviderWinsAndBrokenOnesAreSkipped() throws IOException {
        ClassLoader loader = loaderListing(binaryName(Low.class), binaryName(ThrowsInConstructor.class),
                "dev.autosa.does.not.Exist", binaryName(HighestButUnavailable.class),
                binaryName(ThrowsInIsAvailable.class), binaryName(High.class));
        Discovery.Choice<MetricSource> choice = Discovery.choose(MetricSource.class, null, loader);
        assertThat(choice.provider()).isInstanceOf(High.class);
        assertThat(choice.explanation()).isEqualTo("discovered (priority 50)");
    }

    @Test
    void anExplicitInstanceWinsOverDiscovery() throws IOException {
        Low explicit = new Low();
        Discovery.Choice<MetricSource> choice = Discovery.choose(MetricSource.class, explicit,
                loaderListing(binaryName(High.class)));
        assertThat(choice.provider()).isSameAs(explicit);
        assertThat(choice.explanation()).isEqualTo("given to the builder");
    }

    @Test
    void noneAvailableSaysWhatEachProviderLacks() throws IOException {
        Discovery.Choice<MetricSource> choice = Discovery.choose(MetricSource.class, null,
                loaderListing(binaryName(HighestButUnavailable.class), binaryName(ThrowsInIsAvailable.class)));
        assertThat(choice.provider()).isNull();
        assertThat(choice.bestUnavailable()).isInstanceOf(HighestButUnavailable.class);
        assertThat(choice.explanation()).isEqualTo("no MetricSource available: absent: /proc/stat not readable; "
                + binaryName(ThrowsInIsAvailable.class) + ": java.lang.UnsupportedOperationException: cannot tell");
    }

    public static final class Beta extends Fixed {
        public Beta() {
            super("beta", 7);
        }
    }

    public static final class Alpha extends Fixed {
        public Alpha() {
            super("alpha", 7);
        }
    }

    @Test
    void aTieOnPriorityIsWarnedAboutAndTheNameThatSortsFirstWins() throws IOException {
        for (ClassLoader loader : List.of(loaderListing(binaryName(Beta.class), binaryName(Alpha.class)),
                loaderListing(binaryName(Alpha.class), binaryName(Beta.class)))) {
            try (StderrCapture err = new StderrCapture()) {
                assertThat(Discovery.choose(MetricSource.class, null, loader).provider()).isInstanceOf(Alpha.class);
                assertThat(err.text()).contains("WARN").contains("MetricSource providers alpha ("
                        + binaryName(Alpha.class) + ") and beta (" + binaryName(Beta.class)
                        + ") have the same priority 7; using alpha");
            }
        }
    }

    @Test
    void aProviderWhoseConstructorThrowsIsLoggedWithItsCause() throws IOException {
        try (StderrCapture err = new StderrCapture()) {
            Discovery.choose(MetricSource.class, null, loaderListing(binaryName(ThrowsInConstructor.class),
                    binaryName(Low.class)));
            assertThat(err.text()).contains("skipping a MetricSource provider that failed to load")
                    .contains("java.lang.IllegalStateException: broken plug-in");
        }
    }

    @Test
    void anExplicitProviderThatIsNotAvailableIsUsedWithAWarning() {
        try (StderrCapture err = new StderrCapture()) {
            HighestButUnavailable explicit = new HighestButUnavailable();
            assertThat(Discovery.choose(MetricSource.class, explicit, getClass().getClassLoader()).provider())
                    .isSameAs(explicit);
            assertThat(err.text()).contains("the MetricSource given to the builder, absent, says it is not available"
                    + " (/proc/stat not readable); using it anyway");
        }
    }

    /** A plug-in classifier that keeps the default priority. */
    public static final class PluginClassifier implements WorkloadClassifier {
        @Override
        public String name() {
            return "plugin";
        }

        @Override
        public Classification classify(WindowView window) {
            return Classification.of(Workload.IDLE, 1, "plug-in");
        }
    }

    @Test
    void aPluginClassifierWithTheDefaultPriorityWinsOverTheBuiltInOne() throws IOException {
        try (StderrCapture err = new StderrCapture()) {
            ClassLoader loader = loaderListing(WorkloadClassifier.class, binaryName(DefaultClassifier.class),
                    binaryName(PluginClassifier.class));
            assertThat(Discovery.choose(WorkloadClassifier.class, null, loader).provider())
                    .isInstanceOf(PluginClassifier.class);
            assertThat(err.text()).doesNotContain("same priority");
        }
    }
}
