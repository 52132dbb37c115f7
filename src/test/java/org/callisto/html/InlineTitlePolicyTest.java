package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The policy for entry titles a feed marked up keeps inline phrasing and nothing that links, loads, styles or runs:
 * a title sits inside the link to its entry on every page.
 */
class InlineTitlePolicyTest {
    private static final HtmlSanitizer TITLES = HtmlSanitizer.inlineTitle();
    /** Elements a title may hold after sanitizing. */
    private static final Pattern ONLY_INLINE = Pattern.compile(
            "(?s)([^<]|</?(em|strong|b|i|u|s|sub|sup|small|mark|abbr|cite|dfn|code|kbd|samp|var|q|bdi|bdo|wbr|del|ins)"
                    + "( (lang|dir)=\"[^\"]*\")*>)*");

    @Test
    void inlinePhrasingIsKept() {
        assertThat(TITLES.sanitize("Release of <em>Callisto</em> 2 with H<sub>2</sub>O and <code>rc.conf</code>", null))
                .isEqualTo("Release of <em>Callisto</em> 2 with H<sub>2</sub>O and <code>rc.conf</code>");
        assertThat(TITLES.sanitize("<q lang=\"fr\">Bonjour</q> x<sup>2</sup>", null))
                .isEqualTo("<q lang=\"fr\">Bonjour</q> x<sup>2</sup>");
    }

    @Test
    void scriptHandlersLinksImagesAndBlocksAreNot() {
        String out = TITLES.sanitize(
                "<script>alert(1)</script>Hostile <img src=x onerror=alert(2)><em onmouseover=alert(3) class=x"
                        + " style=\"color:red\">title</em> <a href=\"javascript:alert(4)\">link</a>"
                        + "<div><p>block</p></div><style>h1{}</style><iframe src=//x></iframe>",
                null);
        assertThat(out).isEqualTo("Hostile <em>title</em> linkblock");
    }

    @Test
    void everyDomPurifyPayloadComesOutAsInlineTextOnly() throws Exception {
        JsonNode cases = new ObjectMapper()
                .readTree(Corpora.require("dompurify").resolve("expect.json").toFile());
        List<String> failures = new ArrayList<>();
        for (JsonNode c : cases) {
            String payload = c.get("payload").asText();
            String out = TITLES.sanitize(payload, null);
            if (!SafetyCheck.violations(out).isEmpty()
                    || !ONLY_INLINE.matcher(out).matches()) {
                failures.add(payload + "\n  out: " + out);
            }
        }
        assertThat(cases.size()).isEqualTo(223);
        assertThat(failures).isEmpty();
    }
}
