package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PodloveChaptersTest {

    @Test
    void podloveChaptersBecomeValidJsonChapters() {
        String json = PodloveChapters.toJson("ep1.psc", """
                <psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">
                  <psc:chapter start="0" title="Intro"/>
                  <psc:chapter start="01:02.5" title="News" href="https://example.org/" image="https://example.org/a.png"/>
                  <psc:chapter start="01:00:00.250" title="Outro"/>
                </psc:chapters>
                """);
        assertThat(Chapters.check("ep1", json)).isEqualTo(json);
        assertThat(Chapters.read(json)).extracting(Chapters.Chapter::startTime).containsExactly(0.0, 62.5, 3600.25);
        assertThat(json)
                .contains("\"url\" : \"https://example.org/\"")
                .contains("\"img\" : \"https://example.org/a.png\"");
    }

    @Test
    void badStartTimesAndForeignDocumentsAreRefusedWithWhere() {
        assertThatThrownBy(() -> PodloveChapters.toJson(
                        "ep1.psc",
                        "<psc:chapters xmlns:psc=\"http://podlove.org/simple-chapters\">"
                                + "<psc:chapter start=\"soon\" title=\"x\"/></psc:chapters>"))
                .hasMessage("ep1.psc: chapter 1: start \"soon\" is not a time such as 00:01:02.500");
        assertThatThrownBy(() -> PodloveChapters.toJson("ep1.psc", "<rss/>"))
                .hasMessageContaining("is not Podlove Simple Chapters");
        assertThatThrownBy(() -> PodloveChapters.toJson("ep1.psc", "<psc:chapters"))
                .hasMessageStartingWith("ep1.psc: not well-formed XML at line 1");
    }

    @Test
    void externalEntitiesAreNeverRead() {
        assertThatThrownBy(() -> PodloveChapters.toJson(
                        "ep1.psc",
                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                                + "<psc:chapters xmlns:psc=\"http://podlove.org/simple-chapters\">"
                                + "<psc:chapter start=\"0\" title=\"&e;\"/></psc:chapters>"))
                .hasMessageContaining("ep1.psc: not well-formed XML");
    }
}
