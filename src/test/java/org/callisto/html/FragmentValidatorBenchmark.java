package org.callisto.html;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The true speed of the fragment validator (the tests only bound it generously). Run after {@code ./mvnw
 * test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt} with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main FragmentValidatorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FragmentValidatorBenchmark {
    private FragmentValidator validator;
    private String megabyte;
    private String comment;

    @Setup
    public void setUp() {
        validator = new FragmentValidator(
                FragmentPolicy.comment().toBuilder().maxLength(2_000_000).build());
        String unit = "<p>Some <b>bold</b> &amp; <a href=\"https://example.org/x?a=1&amp;b=2\">a link</a>.</p>\n";
        megabyte = unit.repeat(1_000_000 / unit.length() + 1);
        comment = unit.repeat(20);
    }

    @Benchmark
    public ValidationResult validateOneMegabyte() {
        return validator.validate(megabyte);
    }

    @Benchmark
    public ValidationResult validateATypicalComment() {
        return validator.validate(comment);
    }
}
