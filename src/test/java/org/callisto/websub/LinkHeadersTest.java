package org.callisto.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeadersTest {
    private static final URI BASE = URI.create("https://blog.example/feed.xml");

    @Test
    void hubsAreFoundInOneOrSeveralHeadersQuotedOrNotAndResolvedAgainstTheFeed() {
        List<String> headers = List.of(
                "<https://hub.example/>; rel=\"hub\", <https://blog.example/feed.xml>; rel=self",
                "</hub2>; rel=\"alternate hub\"; title=\"a, b\"");
        assertThat(LinkHeaders.targets(headers, "hub", BASE))
                .containsExactly("https://hub.example/", "https://blog.example/hub2");
        assertThat(LinkHeaders.targets(headers, "self", BASE)).containsExactly("https://blog.example/feed.xml");
    }

    @Test
    void malformedOrNonWebTargetsAreSkipped() {
        List<String> headers = List.of(
                "<javascript:alert(1)>; rel=hub", "<https://ok.example/h>; rel=HUB", "<unclosed; rel=hub", "garbage");
        assertThat(LinkHeaders.targets(headers, "hub", BASE)).containsExactly("https://ok.example/h");
    }
}
