package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing: mutated DOMPurify payloads and random tag soup, a bounded number of rounds. No input makes the
 * validator or the report throw; every error has a place inside the source; sanitizer output always re-validates
 * as structurally sound; whatever the validator accepts is harmless. A failure prints the input to replay.
 */
class FragmentFuzzTest {
    private static final long SEED = 20261122L;
    private static final int ROUNDS = 5_000;
    private static final List<FragmentPolicy> POLICIES = List.of(FragmentPolicy.comment(), FragmentPolicy.submission());

    private static List<String> payloads() throws IOException {
        List<String> list = new ArrayList<>();
        try {
            JsonNode cases = new ObjectMapper()
                    .readTree(
                            Corpora.require("dompurify").resolve("expect.json").toFile());
            cases.forEach(c -> list.add(c.get("payload").asText()));
        } catch (org.opentest4j.TestAbortedException e) {
            list.add("<b onmouseover=alert(1)>x</b><a href=\"javascript:x\">y</a>");
        }
        return list;
    }

    @Test
    void noInputBreaksTheValidatorAndSanitizedOutputIsAlwaysSound() throws IOException {
        List<String> payloads = payloads();
        TagSoup soup = new TagSoup(SEED);
        List<FragmentValidator> validators =
                POLICIES.stream().map(FragmentValidator::new).toList();
        List<HtmlSanitizer> sanitizers = POLICIES.stream()
                .map(p -> new HtmlSanitizer(p.sanitizePolicy()))
                .toList();
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (int round = 0; round < ROUNDS && failures.size() < 5; round++) {
            String input = switch (round % 3) {
                case 0 -> soup.mutate(payloads.get(round / 3 % payloads.size()));
                case 1 -> soup.soup(30);
                default -> soup.nested(4);
            };
            for (int p = 0; p < POLICIES.size(); p++) {
                String replay = "round " + round + ", policy " + POLICIES.get(p).name() + ", input: " + input;
                FragmentValidator validator = validators.get(p);
                ValidationResult[] result = new ValidationResult[1];
                assertThatCode(() -> result[0] = validator.validate(input))
                        .as(replay)
                        .doesNotThrowAnyException();
                SourceLines lines = new SourceLines(input);
                for (ValidationError e : result[0].errors()) {
                    if (e.line() > lines.lineCount() || e.message().isBlank()) {
                        failures.add("bad error " + e + " for " + replay);
                    }
                }
                String report = ValidationReport.toHtml(input, result[0].errors());
                if (!SafetyCheck.violations(report).isEmpty()) {
                    failures.add("report renders markup for " + replay);
                }
                if (result[0].valid()) {
                    accepted++;
                    if (!SafetyCheck.violations(input).isEmpty()) {
                        failures.add("accepted unsafe input: " + replay);
                    }
                    List<String> written = Structure.writtenShape(input);
                    List<String> browser = Structure.browserShape(input);
                    List<String> stored =
                            Structure.browserShape(sanitizers.get(p).sanitize(input, null));
                    if (!browser.equals(written) || !stored.equals(written)) {
                        failures.add("accepted input is not what a browser builds: written " + written + "\n  browser "
                                + browser + "\n  stored " + stored + "\n  " + replay);
                    }
                }
                String out = sanitizers.get(p).sanitize(input, "https://journal.example/story/1");
                List<ValidationError> again = Structure.structuralErrors(POLICIES.get(p), out);
                if (!again.isEmpty()) {
                    failures.add("sanitized output not sound: " + again + "\n  output: " + out + "\n  " + replay);
                }
            }
        }
        System.out.printf(
                "fragment fuzzing: %d rounds, %d of %d validations accepted%n",
                ROUNDS, accepted, ROUNDS * POLICIES.size());
        assertThat(failures).isEmpty();
    }

    @Test
    void aMegabyteIsValidatedInLinearTime() {
        // Limits raised so that the whole input is read; 10,000 errors exercise the error path without making
        // the test about allocation (the default stops after 100).
        FragmentValidator validator = new FragmentValidator(FragmentPolicy.comment().toBuilder()
                .maxLength(2_000_000)
                .maxDepth(1_000_000)
                .maxErrors(10_000)
                .build());
        validator.validate("<p>warm <b>up</b> &amp; <a href=\"/x\">x</a></p>".repeat(1_000));
        String unit = "<p>Some <b>bold</b> &amp; <a href=\"https://example.org/x?a=1&amp;b=2\">a link</a>.</p>\n";
        List<String> inputs = List.of(
                unit.repeat(1_000_000 / unit.length() + 1),
                "<b>".repeat(350_000),
                "<".repeat(1_000_000),
                "&".repeat(1_000_000),
                "<a href=\"" + "x".repeat(1_000_000) + "\">",
                "<script>" + "</scrip".repeat(150_000),
                "<!--" + "-".repeat(1_000_000),
                "&" + "a".repeat(1_000_000) + " ",
                "x".repeat(1_000_000) + "<",
                "é<".repeat(500_000),
                "\u4e2d&".repeat(500_000) + "\n<b>");
        for (String input : inputs) {
            long start = System.nanoTime();
            validator.validate(input);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "validating %s… (%d chars): %d ms%n",
                    input.substring(0, 12).replace("\n", " "), input.length(), millis);
            // A guard against quadratic behaviour, not a speed goal (that is the benchmark's): quadratic work on
            // a million characters takes minutes, linear work well under a second, so 10 s holds on a loaded machine.
            assertThat(millis)
                    .as("validating %s… (%d chars)", input.substring(0, 20), input.length())
                    .isLessThan(10_000);
        }
    }
}
