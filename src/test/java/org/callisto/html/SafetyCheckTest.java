package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The independent safety check that the corpus tests rely on does flag unsafe HTML, so its silence means something. */
class SafetyCheckTest {

    @Test
    void flagsEachKindOfScriptCapableContent() {
        for (String unsafe : new String[] {
            "<script>alert(1)</script>",
            "<style>*{}</style>",
            "<object data=x></object>",
            "<embed src=x>",
            "<form><input></form>",
            "<p onclick=x>",
            "<p style=color:red>",
            "<a href=' java\tscript:x'>",
            "<a href=vbscript:x>",
            "<a href='data:text/html,x'>",
            "<img src='data:image/svg+xml,x'>",
            "<iframe srcdoc='<b>'></iframe>",
            "<iframe src='https://evil.example/'></iframe>",
            "<iframe src='https://www.youtube.com/embed/x'></iframe>",
            "<svg></svg>",
            "<math></math>",
            "<img srcset='javascript:x 1x'>",
            "<button formaction=javascript:x>"
        }) {
            assertThat(SafetyCheck.violations(unsafe)).as(unsafe).isNotEmpty();
        }
    }

    @Test
    void acceptsSafeContent() {
        assertThat(SafetyCheck.violations(
                        "<p><a href=\"https://x.example/\">x</a><img src=\"data:image/png;base64,AA\">"
                                + "<iframe src=\"https://www.youtube.com/embed/x\" sandbox=\"allow-scripts allow-same-origin"
                                + " allow-presentation\"></iframe></p>"))
                .isEmpty();
    }
}
