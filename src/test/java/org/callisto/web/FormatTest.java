package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.callisto.planet.RefreshFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Format#errorKind}: every kind of refresh failure has words for the subscriptions pages. */
class FormatTest {

    @ParameterizedTest
    @EnumSource(RefreshFailure.class)
    void everyRefreshFailureHasWords(RefreshFailure kind) {
        // a phrase a reader understands, not a label such as "Internal"
        assertThat(Format.errorKind(kind)).as("words for %s", kind).isNotBlank().contains(" ");
    }

    @Test
    void theWordsPagesShowedForStoredKindsStayTheSame() {
        assertThat(Format.errorKind(null)).isEqualTo("Error");
        assertThat(Format.errorKind(RefreshFailure.DNS)).isEqualTo("The feed's host name could not be resolved (DNS)");
        assertThat(Format.errorKind(RefreshFailure.NOT_A_FEED)).isEqualTo("The address does not serve a feed");
        assertThat(Format.errorKind(RefreshFailure.GONE)).isEqualTo("The feed is gone (HTTP 410)");
    }
}
