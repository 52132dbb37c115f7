package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PodcastGuidTest {

    @Test
    void matchesTheExamplesOfTheSpecification() {
        // docs/tags/guid.md of the Podcasting 2.0 namespace
        assertThat(PodcastGuid.of("https://mp3s.nashownotes.com/pc20rss.xml"))
                .isEqualTo("917393e3-1b1e-5cef-ace4-edaa54e1f810");
        assertThat(PodcastGuid.of("podnews.net/rss")).isEqualTo("9b024349-ccf0-5f69-a609-6b82873eab3c");
        assertThat(PodcastGuid.of("http://podnews.net/rss//")).isEqualTo("9b024349-ccf0-5f69-a609-6b82873eab3c");
    }
}
