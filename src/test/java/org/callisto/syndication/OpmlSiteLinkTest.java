package org.callisto.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only http(s) site links go out as {@code htmlUrl}: readers make it a link, and other schemes can run script. */
class OpmlSiteLinkTest {
    @Test
    void scriptAndDataSiteLinksAreLeftOutAndWebOnesKept() throws Exception {
        StringWriter out = new StringWriter();
        new OpmlWriter()
                .write(
                        "Planet",
                        List.of(
                                OpmlSubscription.of("https://a.example/feed", "A", "javascript:alert(1)", List.of()),
                                OpmlSubscription.of("https://b.example/feed", "B", " JavaScript:alert(2)", List.of()),
                                OpmlSubscription.of("https://c.example/feed", "C", "data:text/html,<b>x", List.of()),
                                OpmlSubscription.of("https://d.example/feed", "D", "HTTPS://d.example/", List.of()),
                                OpmlSubscription.of("https://e.example/feed", "E", "http://", List.of())),
                        ZonedDateTime.of(2026, 12, 3, 12, 0, 0, 0, ZoneOffset.UTC),
                        out);
        String xml = out.toString();
        assertThat(xml).doesNotContainIgnoringCase("javascript:").doesNotContain("data:");
        assertThat(xml).contains("htmlUrl=\"HTTPS://d.example/\"");
        assertThat(xml.split("htmlUrl=", -1)).hasSize(2);
    }
}
