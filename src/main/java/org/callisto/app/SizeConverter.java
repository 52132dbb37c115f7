package org.callisto.app;

import org.callisto.config.Durations;
import picocli.CommandLine;

/**
 * Reads a size flag such as {@code --max-size 64MiB} the way the configuration reads sizes. Stateless and
 * thread-safe.
 */
final class SizeConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        long n;
        try {
            n = Durations.parseSize(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a size; write a number with a unit: 512KiB, 64MiB, 1GiB");
        }
        if (n < 1) {
            throw new CommandLine.TypeConversionException("'" + value + "' is no size at all; give at least 1 byte");
        }
        return n;
    }
}
