package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import org.callisto.planet.fetch.FetchResult.FetchError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link RefreshFailure}: every fetch failure has a kind of the same name, and stored names read back safely. */
class RefreshFailureTest {

    @ParameterizedTest
    @EnumSource(FetchError.class)
    void everyFetchErrorIsStoredUnderItsOwnName(FetchError error) {
        assertThat(RefreshFailure.of(error).name()).isEqualTo(error.name());
    }

    @ParameterizedTest
    @EnumSource(RefreshFailure.class)
    void everyKindReadsBackFromItsStoredName(RefreshFailure kind) {
        assertThat(RefreshFailure.ofStored(kind.name())).isEqualTo(kind);
        assertThat(RefreshFailure.ofStored(kind.name().toLowerCase(java.util.Locale.ROOT)))
                .isEqualTo(kind);
    }

    @Test
    void noStoredNameIsNoFailureAndAnUnknownOneIsOther() {
        assertThat(RefreshFailure.ofStored(null)).isNull();
        assertThat(RefreshFailure.ofStored("")).isNull();
        assertThat(RefreshFailure.ofStored("  ")).isNull();
        assertThat(RefreshFailure.ofStored("PARSE")).isEqualTo(RefreshFailure.OTHER);
        assertThat(RefreshFailure.ofStored("SOMETHING_NEW")).isEqualTo(RefreshFailure.OTHER);
    }
}
