package org.callisto.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpmlWriterTest {
    private static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 11, 22, 12, 0, 0, 0, ZoneOffset.UTC);

    private static String write(String title, List<OpmlSubscription> subs) throws Exception {
        StringWriter out = new StringWriter();
        new OpmlWriter().write(title, subs, WHEN, out);
        return out.toString();
    }

    @Test
    void writesOneRssOutlinePerFeedWithCategoriesAsAnAttribute() throws Exception {
        String xml = write(
                "Planet BSD",
                List.of(
                        OpmlSubscription.of(
                                "https://a.example.org/feed",
                                "Alice",
                                "https://a.example.org/",
                                List.of("FreeBSD", "OpenBSD")),
                        OpmlSubscription.of("https://b.example.org/rss", null, null, List.of())));
        assertThat(xml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head>
                    <title>Planet BSD</title>
                    <dateCreated>Sun, 22 Nov 2026 12:00:00 GMT</dateCreated>
                  </head>
                  <body>
                    <outline type="rss" text="Alice" title="Alice" xmlUrl="https://a.example.org/feed" \
                htmlUrl="https://a.example.org/" category="FreeBSD,OpenBSD"/>
                    <outline type="rss" text="https://b.example.org/rss" title="https://b.example.org/rss" \
                xmlUrl="https://b.example.org/rss"/>
                  </body>
                </opml>
                """);
    }

    @Test
    void escapesAndRoundTripsThroughTheReader() throws Exception {
        List<OpmlSubscription> subs = List.of(OpmlSubscription.of(
                "https://a.example.org/?feed=rss2&cat=3",
                "Tom & \"Jerry\" <3",
                null,
                List.of("GNU/Linux", "Free, Open", "Ünïcödé")));
        String xml = write("Q&A <planet>", subs);
        assertThat(xml).contains("&amp;cat=3").doesNotContain("<3").contains("<title>Q&amp;A &lt;planet&gt;</title>");
        OpmlDocument doc = new OpmlReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.title()).isEqualTo("Q&A <planet>");
        OpmlSubscription back = doc.subscriptions().getFirst();
        assertThat(back.xmlUrl()).isEqualTo("https://a.example.org/?feed=rss2&cat=3");
        assertThat(back.name()).isEqualTo("Tom & \"Jerry\" <3");
        assertThat(back.categories()).containsExactly("GNU/Linux", "Free Open", "Ünïcödé");
    }
}
