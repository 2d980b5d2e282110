// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import java.time.Duration;
import picocli.CommandLine;

/** Parses a flag given in seconds ({@code 60}, {@code 0.5}); the range is checked by the library. */
public final class SecondsConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return ConfigFile.seconds(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number of seconds");
        }
    }
}
