// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;

/**
 * The {@code meta.properties} of a proc capture: the nominal sampling interval, the CPU count and
 * kernel release of the machine it was recorded on, and when it started.
 *
 * @param interval   nominal time between ticks, positive, whole milliseconds
 * @param cpus       online CPUs when recording started, at least 1
 * @param kernel     kernel release ({@code uname -r}), one line of printable ASCII
 * @param start      wall-clock time of tick 0; {@link Instant#EPOCH} if the capture does not say
 */
public record CaptureMeta(Duration interval, int cpus, String kernel, Instant start) {

    /** The file name inside a capture directory. */
    public static final String FILE_NAME = "meta.properties";

    static final String INTERVAL_MS = "interval_ms";
    static final String CPUS = "cpus";
    static final String KERNEL = "kernel";
    static final String START_EPOCH_MS = "start_epoch_ms";
    /**
     * The latest start: 9999-12-31T23:59:59.999Z. Later ones would overflow the replay clock's
     * milliseconds (start plus a tick's offset) long before they could mean anything.
     */
    static final Instant MAX_START = Instant.parse("9999-12-31T23:59:59.999Z");

    /**
     * Checks every component.
     *
     * @param interval   nominal time between ticks, positive, whole milliseconds
     * @param cpus       online CPUs when recording started, at least 1
     * @param kernel     kernel release ({@code uname -r}), one line of printable ASCII
     * @param start      wall-clock time of tick 0; {@link Instant#EPOCH} if the capture does not say
     * @throws IllegalArgumentException naming the component and its value if it is out of range
     */
    public CaptureMeta {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(start, "start");
        // getNano(), not toNanos(): a huge interval (interval_ms=9223372036854775807) overflowed toNanos().
        if (interval.isNegative() || interval.isZero() || interval.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("interval must be a positive whole number of milliseconds but was " + interval);
        }
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be at least 1 but was " + cpus);
        }
        if (kernel.isBlank() || !kernel.chars().allMatch(c -> c > ' ' && c < 127 && c != '\\')) {
            throw new IllegalArgumentException("kernel must be printable ASCII without blanks or '\\' but was \"" + kernel + "\"");
        }
        if (start.isBefore(Instant.EPOCH) || start.isAfter(MAX_START)) {
            throw new IllegalArgumentException("start must be between 1970 and 9999 but was " + start);
        }
    }

    /**
     * Writes {@code directory/meta.properties}, replacing it; the output is byte-for-byte reproducible.
     *
     * @param directory the capture directory, which must exist
     * @throws IOException if the file cannot be written
     */
    public void writeTo(Path directory) throws IOException {
        String text = "# AutoSA proc capture\n"
                + INTERVAL_MS + "=" + interval.toMillis() + "\n"
                + CPUS + "=" + cpus + "\n"
                + KERNEL + "=" + kernel + "\n"
                + START_EPOCH_MS + "=" + start.toEpochMilli() + "\n";
        Files.writeString(directory.resolve(FILE_NAME), text, StandardCharsets.UTF_8);
    }

    /**
     * Reads {@code directory/meta.properties}.
     *
     * @param directory the capture directory
     * @return the capture's description
     * @throws IOException naming the file if it is missing, unreadable or holds a bad value
     */
    public static CaptureMeta readFrom(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " not found: " + directory + " is not a proc capture", e);
        } catch (CharacterCodingException e) {
            // The decoder's own message ("Input length = 1") names neither the file nor the problem.
            throw new IOException(file + " is not valid UTF-8 (" + e + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a valid properties file: " + e.getMessage(), e);
        }
        long intervalMs = number(p, file, INTERVAL_MS, true);
        long cpus = number(p, file, CPUS, true);
        String kernel = p.getProperty(KERNEL);
        if (kernel == null || kernel.isBlank()) {
            throw new IOException(file + ": " + KERNEL + " is missing");
        }
        long startMs = p.getProperty(START_EPOCH_MS) == null ? 0 : number(p, file, START_EPOCH_MS, false);
        if (intervalMs < 1) {
            throw new IOException(file + ": " + INTERVAL_MS + " must be at least 1 but was " + intervalMs);
        }
        if (cpus < 1 || cpus > Integer.MAX_VALUE) {
            throw new IOException(file + ": " + CPUS + " must be at least 1 but was " + cpus);
        }
        try {
            return new CaptureMeta(Duration.ofMillis(intervalMs), (int) cpus, kernel.trim(), Instant.ofEpochMilli(startMs));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static long number(Properties p, Path file, String key, boolean required) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            if (required) {
                throw new IOException(file + ": " + key + " is missing");
            }
            return 0;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException(file + ": " + key + " must be a non-negative whole number but was \"" + value + "\"", e);
        }
    }
}
