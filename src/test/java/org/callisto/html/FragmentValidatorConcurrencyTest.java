package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One validator shared by many threads gives each the same answer as a validator used alone. */
class FragmentValidatorConcurrencyTest {

    @Test
    void aSharedValidatorGivesTheSameResultsInParallel() {
        TagSoup soup = new TagSoup(7);
        List<String> inputs = IntStream.range(0, 400)
                .mapToObj(i -> i % 2 == 0 ? soup.soup(20) : soup.nested(3))
                .toList();
        FragmentValidator shared = FragmentValidator.submission();
        List<ValidationResult> alone = inputs.stream()
                .map(i -> FragmentValidator.submission().validate(i))
                .toList();
        for (int round = 0; round < 5; round++) {
            List<ValidationResult> parallel =
                    inputs.parallelStream().map(shared::validate).toList();
            assertThat(parallel).isEqualTo(alone);
        }
    }
}
