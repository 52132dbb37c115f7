package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The editor's preview of an invalid fragment: the escaped source with each problem marked, then the list. */
class ValidationReportTest {

    @Test
    void eachProblemIsMarkedWhereItIs() {
        String source = "ok\n<b onclick=\"x()\">b</b> &nbsp x";
        List<ValidationError> errors =
                FragmentValidator.comment().validate(source).errors();
        assertThat(ValidationReport.toHtml(source, errors))
                .isEqualTo("<div class=\"validation-report\"><pre>ok\n"
                        + "&lt;b <mark title=\"the attribute onclick is not allowed on &lt;b&gt;\">onclick=&quot;x()&quot;</mark>"
                        + "&gt;b&lt;/b&gt; <mark title=\"&amp;nbsp without ; at 2:24\">&amp;nbsp</mark> x</pre>\n"
                        + "<ol class=\"problems\"><li>2:4: the attribute onclick is not allowed on &lt;b&gt;</li>"
                        + "<li>2:24: &amp;nbsp without ; at 2:24</li></ol></div>");
    }

    @Test
    void overlappingProblemsAreMarkedOnceAndListedAll() {
        String source = "<div>x";
        List<ValidationError> errors =
                FragmentValidator.comment().validate(source).errors();
        assertThat(errors).hasSizeGreaterThan(1);
        String report = ValidationReport.toHtml(source, errors);
        assertThat(report.split("<mark", -1)).hasSize(2);
        assertThat(report.split("<li>", -1)).hasSize(errors.size() + 1);
    }

    @Test
    void longExcerptsAndWideCharactersKeepTheirPlace() {
        String source = "\uD83D\uDE00 <!--" + "x".repeat(200) + "--> y";
        List<ValidationError> errors =
                FragmentValidator.comment().validate(source).errors();
        assertThat(errors.getFirst().excerpt()).hasSize(Problems.MAX_EXCERPT).endsWith("…");
        String report = ValidationReport.toHtml(source, errors);
        assertThat(report).startsWith("<div class=\"validation-report\"><pre>\uD83D\uDE00 <mark title=\"a comment");
        assertThat(report).contains("\">&lt;!--xxx");
    }
}
