package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DOMPurify's 223 fixtures (mostly XSS attempts) through the fragment validator with both members' policies: every
 * payload that carries script-capable content is rejected, and what the sanitizer makes of every payload is
 * structurally sound under the same policy.
 */
class FragmentCorpusTest {
    private static final List<FragmentPolicy> POLICIES = List.of(FragmentPolicy.comment(), FragmentPolicy.submission());
    /** Script-capable content as it appears in the source, independent of any parser. */
    private static final Pattern RAW_SCRIPT_CAPABLE = Pattern.compile(
            "(?is)<\\s*/?\\s*(script|style|iframe|object|embed|svg|math|form|frame|applet|base|link|meta)\\b"
                    + "|[\\s\"'/]on[a-z]+\\s*="
                    + "|(href|src|action|formaction|xlink:href|data|poster|background|cite)\\s*=\\s*[\"']?\\s*"
                    + "(javascript|vbscript|data):");

    private static JsonNode cases;

    @BeforeAll
    static void load() throws IOException {
        Path file = Corpora.require("dompurify").resolve("expect.json");
        cases = new ObjectMapper().readTree(file.toFile());
    }

    private static boolean scriptCapable(String payload) {
        return RAW_SCRIPT_CAPABLE.matcher(payload).find()
                || !SafetyCheck.violations(payload).isEmpty();
    }

    @Test
    void everyScriptCapablePayloadIsRejectedByBothPolicies() {
        assertThat(cases.size()).isEqualTo(223);
        List<String> accepted = new ArrayList<>();
        int scriptCapable = 0;
        int rejected = 0;
        for (JsonNode c : cases) {
            String payload = c.get("payload").asText();
            boolean dangerous = scriptCapable(payload);
            scriptCapable += dangerous ? 1 : 0;
            for (FragmentPolicy policy : POLICIES) {
                ValidationResult result = new FragmentValidator(policy).validate(payload);
                rejected += result.valid() ? 0 : 1;
                if (dangerous && result.valid()) {
                    accepted.add(policy.name() + ": " + c.get("title").asText() + "\n  " + payload);
                }
            }
        }
        System.out.printf(
                "dompurify corpus: %d of %d payloads carry script-capable content; %d of %d validations " + "reject%n",
                scriptCapable, cases.size(), rejected, 2 * cases.size());
        assertThat(scriptCapable).isGreaterThan(150);
        assertThat(accepted).isEmpty();
    }

    @Test
    void whatTheValidatorAcceptsIsHarmless() {
        for (JsonNode c : cases) {
            String payload = c.get("payload").asText();
            for (FragmentPolicy policy : POLICIES) {
                if (new FragmentValidator(policy).validate(payload).valid()) {
                    assertThat(SafetyCheck.violations(payload)).as(payload).isEmpty();
                }
            }
        }
    }

    @Test
    void sanitizedOutputOfEveryPayloadIsStructurallySound() {
        List<String> failures = new ArrayList<>();
        for (JsonNode c : cases) {
            String payload = c.get("payload").asText();
            for (FragmentPolicy policy : POLICIES) {
                String out = new HtmlSanitizer(policy.sanitizePolicy()).sanitize(payload, "https://journal.example/");
                List<ValidationError> again = Structure.structuralErrors(policy, out);
                if (!again.isEmpty()) {
                    failures.add(policy.name() + ": " + again + "\n  in:  " + payload + "\n  out: " + out);
                }
                if (!SafetyCheck.violations(out).isEmpty()) {
                    failures.add(policy.name() + " unsafe: " + SafetyCheck.violations(out) + "\n  out: " + out);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyReportOfAPayloadRendersNothingButText() {
        for (JsonNode c : cases) {
            String payload = c.get("payload").asText();
            ValidationResult r = FragmentValidator.comment().validate(payload);
            String report = ValidationReport.toHtml(payload, r.errors());
            assertThat(SafetyCheck.violations(report)).as(payload).isEmpty();
            assertThat(Structure.tags(report)).as(payload).allMatch(t -> t.matches("/?(div|pre|mark|ol|li)"));
        }
    }
}
