package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of problem the validator reports, with its exact message, place and excerpt. */
class FragmentValidatorMessagesTest {
    private static final FragmentValidator COMMENT = FragmentValidator.comment();
    private static final FragmentValidator SUBMISSION = FragmentValidator.submission();

    private static List<ValidationError> errors(String html) {
        return COMMENT.validate(html).errors();
    }

    private static ValidationError only(String html) {
        List<ValidationError> errors = errors(html);
        assertThat(errors).as("errors in %s", html).hasSize(1);
        return errors.getFirst();
    }

    @Test
    void wellFormedCommentsAreValid() {
        assertThat(COMMENT.validate(
                                "<p>Hello <b>world</b> &amp; <a href=\"https://example.org/a?b=1&amp;c=2\">"
                                        + "friends</a>.<br>Line<br/>two</p>\n<ul><li>one</li><li><code>x &lt; y</code></li></ul>"
                                        + "<blockquote cite=\"https://example.org/\"><p>quote</p></blockquote><ol start=\"3\"><li>x</li></ol>"
                                        + "<pre>  code\n  here</pre><a href=\"/story/12\">rel</a> <a href=\"mailto:me@example.org\">m</a>")
                        .errors())
                .isEmpty();
        assertThat(COMMENT.validate("").valid()).isTrue();
        assertThat(COMMENT.validate(null).valid()).isTrue();
        assertThat(COMMENT.validate("1 > 0 and caf\u00e9 \uD83D\uDE00 &nbsp;&#233;&#xE9;")
                        .valid())
                .isTrue();
    }

    @Test
    void aTagOutsideThePolicyIsNamedWithTheAllowedOnes() {
        ValidationError e = only("<p>x</p>\n<script>alert(1)</script>");
        assertThat(e.message())
                .isEqualTo("<script> is not allowed here; allowed tags are: a, b, i, em, strong, code,"
                        + " pre, p, br, ul, ol, li, blockquote, del, table, thead, tbody, tr, th, td");
        assertThat(e.place()).isEqualTo("2:1");
        assertThat(e.excerpt()).isEqualTo("<script>");
    }

    @Test
    void headingsAreAllowedInStoriesOnly() {
        assertThat(SUBMISSION.validate("<h3>Part one</h3><h4>a</h4>").valid()).isTrue();
        assertThat(only("<h3>Part one</h3>").message()).startsWith("<h3> is not allowed here;");
        assertThat(SUBMISSION.validate("<h1>x</h1>").errors().getFirst().message())
                .endsWith("allowed tags are: a, b, i, em, strong, code, pre, p, br, ul, ol, li, blockquote, del, table,"
                        + " thead, tbody, tr, th, td, h3, h4");
    }

    @Test
    void anElementNeverClosedIsReportedWhereItOpened() {
        ValidationError e = only("<p>one</p>\n<p>two</p>\n<p>three and <b>bold</b></p><i>x</i>\n<em>never");
        assertThat(e.message()).isEqualTo("the <em> opened at 4:1 is never closed");
        assertThat(e.place()).isEqualTo("4:1");
        assertThat(e.excerpt()).isEqualTo("<em>");
        ValidationError atFourteen = only("a\nb\n0123456789abc<b>x");
        assertThat(atFourteen.message()).isEqualTo("the <b> opened at 3:14 is never closed");
        assertThat(errors("<p>x</p>\n\n<i>line three <b>bold</i>"))
                .extracting(ValidationError::message)
                .containsExactly(
                        "the <b> opened at 3:15 is never closed",
                        "the <b> opened at 3:15 must be closed before </i> at 3:22");
    }

    @Test
    void anEndTagWithoutItsStartClosesNothing() {
        ValidationError e = only("<p>a</p>\n\n\n\nx</i>");
        assertThat(e.message()).isEqualTo("</i> at 5:2 closes nothing");
        assertThat(e.excerpt()).isEqualTo("</i>");
        assertThat(only("a<br></br>").message()).isEqualTo("</br> at 1:6 closes nothing; <br> needs no closing tag");
    }

    @Test
    void misnestedTagsAreReportedOnce() {
        ValidationError e = only("<b><i></b></i>");
        assertThat(e.message()).isEqualTo("the <i> opened at 1:4 must be closed before </b> at 1:7");
        assertThat(e.excerpt()).isEqualTo("</b>");
    }

    @Test
    void eachElementIsBalancedOnItsOwn() {
        // The old journal counted all tags together, so one open <b> and one stray </i> looked balanced.
        assertThat(errors("<b>x</i>"))
                .extracting(ValidationError::message)
                .containsExactly("the <b> opened at 1:1 is never closed", "</i> at 1:5 closes nothing");
    }

    @Test
    void voidElementsNeedNoEndTagButOthersCannotCloseThemselves() {
        assertThat(COMMENT.validate("a<br>b<br/>c<br />").valid()).isTrue();
        assertThat(only("<b/>x").message()).isEqualTo("<b/> at 1:1 does not close itself in HTML; write <b></b>");
    }

    @Test
    void eventHandlerAttributesAreRefused() {
        ValidationError e = only("<b onmouseover=alert(1)>x</b>");
        assertThat(e.message()).isEqualTo("the attribute onmouseover is not allowed on <b>");
        assertThat(e.place()).isEqualTo("1:4");
        assertThat(e.excerpt()).isEqualTo("onmouseover=alert(1)");
        assertThat(only("<a href=\"https://x.org/\" style=\"color:red\">x</a>").message())
                .isEqualTo("the attribute style is not allowed on <a>");
    }

    @Test
    void anAttributeTwiceIsRefused() {
        assertThat(only("<a href=\"/a\" href=\"/b\">x</a>").message())
                .isEqualTo("the attribute href appears twice on <a>");
    }

    @Test
    void scriptSchemesAreRefusedHoweverTheyAreWritten() {
        String expected = "href uses the javascript: scheme; use http, https or mailto";
        for (String href : List.of(
                "javascript:alert(1)",
                "JaVaScRiPt:alert(1)",
                "java&#x73;cript:alert(1)",
                "java&#115;cript:alert(1)",
                "  javascript:alert(1)",
                "java\tscript:alert(1)",
                "java\nscript:x",
                "&#x20;javascript:x",
                "jav&#x09;ascript:x",
                "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:x",
                "javascript&colon;alert(1)",
                "\u0001javascript:x".replace("\u0001", "&#1;"))) {
            List<ValidationError> errors = errors("<a href=\"" + href + "\">x</a>");
            assertThat(errors).extracting(ValidationError::message).as(href).contains(expected);
        }
        assertThat(only("<a href='vbscript:x'>x</a>").message())
                .isEqualTo("href uses the vbscript: scheme; use http, https or mailto");
        assertThat(only("<a href='data:text/html,x'>x</a>").message())
                .isEqualTo("href uses the data: scheme; use http, https or mailto");
        assertThat(only("<blockquote cite='javascript:x'>q</blockquote>").message())
                .isEqualTo("cite uses the javascript: scheme; use http or https");
    }

    @Test
    void relativeAndBrokenUrls() {
        assertThat(COMMENT.validate("<a href=\"../story/1#c2\">x</a>").valid()).isTrue();
        FragmentValidator absoluteOnly = new FragmentValidator(
                FragmentPolicy.comment().toBuilder().relativeUrls(false).build());
        assertThat(absoluteOnly
                        .validate("<a href=\"/x\">x</a>")
                        .errors()
                        .getFirst()
                        .message())
                .isEqualTo("href at 1:4 must be a full web address starting with http, https or mailto");
        assertThat(only("<a href=\"\">x</a>").message()).isEqualTo("href at 1:4 is empty; give a web address");
        assertThat(only("<a href=\"http:x\">x</a>").message()).isEqualTo("href at 1:4 is not a usable web address");
    }

    @Test
    void valuesWithAGrammarAreChecked() {
        assertThat(only("<ol start=\"two\"><li>x</li></ol>").message())
                .isEqualTo("start=\"two\" is not a valid value on <ol>");
    }

    @Test
    void anEntityWithoutSemicolonIsReported() {
        ValidationError e = only("ok\nfish &nbsp chips");
        assertThat(e.message()).isEqualTo("&nbsp without ; at 2:6");
        assertThat(e.excerpt()).isEqualTo("&nbsp");
        assertThat(only("a\nb&nbsp;\n123456&nbspx").message()).isEqualTo("&nbsp without ; at 3:7");
        assertThat(only("&#38 x").message()).isEqualTo("&#38 without ; at 1:1");
    }

    @Test
    void unknownAndUnshowableEntitiesAreReported() {
        assertThat(only("x &bogus; y").message())
                .isEqualTo("&bogus; at 1:3 is not a known character name; write &amp; for a plain &");
        assertThat(only("&#0;").message()).isEqualTo("&#0; at 1:1 is not a character that can be shown; remove it");
        assertThat(only("&#xD800;").message()).startsWith("&#xD800; at 1:1 is not a character");
        assertThat(only("&#99999999999;").message()).startsWith("&#99999999999; at 1:1 is not a character");
    }

    @Test
    void bareLessThanAndAmpersandAreReported() {
        ValidationError lt = only("a\nb\nc\n< d");
        assertThat(lt.message()).isEqualTo("a bare < at 4:1; write &lt;");
        assertThat(lt.excerpt()).isEqualTo("<");
        assertThat(only("1 <2").message()).isEqualTo("a bare < at 1:3; write &lt;");
        assertThat(only("Fish & chips").message()).isEqualTo("a bare & at 1:6; write &amp;");
        assertThat(only("AT&T").message()).isEqualTo("a bare & at 1:3; write &amp;");
    }

    @Test
    void commentsCdataAndDoctypesAreRefused() {
        assertThat(only("a<!-- hidden -->b").message())
                .isEqualTo("a comment (<!-- -->) at 1:2 is not allowed; remove it");
        assertThat(only("a<!-- hidden -->b").excerpt()).isEqualTo("<!-- hidden -->");
        assertThat(only("<![CDATA[x]]>").message())
                .isEqualTo("<![CDATA[ at 1:1 is not allowed; write the text with &lt; and &amp; instead");
        assertThat(only("<!DOCTYPE html>").message()).isEqualTo("<!DOCTYPE at 1:1 is not allowed here; remove it");
        assertThat(only("<?xml version='1.0'?>").message()).isEqualTo("<? at 1:1 is not allowed here; remove it");
    }

    @Test
    void unfinishedTagsAndQuotes() {
        assertThat(only("x <b").message()).isEqualTo("the tag <b at 1:3 is never finished with >");
        assertThat(only("<a href=\"/x>y</a>").message()).isEqualTo("the quote \" opened at 1:9 is never closed");
        assertThat(errors("<b <i>x</i></b>"))
                .extracting(ValidationError::message)
                .containsExactly("the tag <b at 1:1 is missing its closing >");
    }

    @Test
    void attributeSyntaxMistakes() {
        assertThat(only("<a href=\"/x\"title=\"t\">y</a>").message())
                .isEqualTo("the attribute at 1:13 needs a space before it");
        assertThat(only("<a title=a\"b href=\"/\">y</a>").message())
                .isEqualTo("put the value of title at 1:4 in quotes");
        assertThat(only("<a title= >y</a>").message()).isEqualTo("the attribute title at 1:4 has = but no value");
        assertThat(only("<b \"x\">y</b>").message()).isEqualTo("unexpected \" at 1:4 inside <b>");
        assertThat(errors("x</b foo>").getFirst().message())
                .isEqualTo("</b> at 1:2 cannot have attributes; write </b>");
    }

    @Test
    void invisibleAndBrokenCharactersAreReported() {
        assertThat(only("a\u0001b").message())
                .isEqualTo("the invisible control character U+0001 at 1:2 is not allowed; remove it");
        assertThat(only("a\uD800b").message())
                .isEqualTo("a broken character (half of a surrogate pair) at 1:2 is not allowed; remove it");
        assertThat(only("a\uFFFEb").message()).startsWith("the character U+FFFE");
    }

    @Test
    void columnsCountCharactersNotUtf16Units() {
        assertThat(only("\uD83D\uDE00\uD83D\uDE00< x").place()).isEqualTo("1:3");
    }

    @Test
    void linesEndAtLfCrAndCrlf() {
        assertThat(only("a\r\nb\rc\nd<").place()).isEqualTo("4:2");
    }

    @Test
    void theContentOfScriptIsNotReadAsMarkup() {
        assertThat(errors("<script>if (a < b && c) document.write('</b>')</script>"))
                .extracting(ValidationError::message)
                .containsExactly("<script> is not allowed here; allowed tags are: a, b, i, em, strong, code, pre, p, "
                        + "br, ul, ol, li, blockquote, del, table, thead, tbody, tr, th, td");
    }

    @Test
    void limitsOnLengthDepthAndErrors() {
        FragmentValidator small = new FragmentValidator(FragmentPolicy.comment().toBuilder()
                .maxLength(10)
                .maxDepth(2)
                .maxErrors(3)
                .build());
        ValidationError tooLong = small.validate("x".repeat(1200)).errors().getFirst();
        assertThat(tooLong.message()).isEqualTo("the text is 1,200 characters long; the limit is 10");
        assertThat(tooLong.place()).isEqualTo("1:1");
        assertThat(small.validate("<b><i><em>x</em></i></b>").errors()).isNotEmpty();
        FragmentValidator shallow = new FragmentValidator(
                FragmentPolicy.comment().toBuilder().maxDepth(2).build());
        assertThat(shallow.validate("<b><i><em>x</em></i></b>").errors())
                .extracting(ValidationError::message)
                .containsExactly("<em> at 1:7 is nested more than 2 elements deep, the limit");
        FragmentValidator few = new FragmentValidator(
                FragmentPolicy.comment().toBuilder().maxErrors(3).build());
        assertThat(few.validate("<<<<<<<<<<").errors())
                .extracting(ValidationError::message)
                .containsExactly(
                        "a bare < at 1:1; write &lt;",
                        "a bare < at 1:2; write &lt;",
                        "a bare < at 1:3; write &lt;",
                        "there are more than 3 problems; fix these first");
    }

    @Test
    void tagNamesAreCaseInsensitive() {
        assertThat(COMMENT.validate("<B>x</b><A HREF=\"/x\">y</A>").valid()).isTrue();
    }

    @Test
    void nestingThatABrowserWouldRebuildIsReported() {
        assertThat(only("<p>list:\n<ul><li>x</li></ul></p>").message())
                .isEqualTo("<ul> at 2:1 cannot be inside the <p> opened at 1:1; write </p> before it");
        assertThat(only("<p><b>x<blockquote>q</blockquote></b></p>").message())
                .isEqualTo("<blockquote> at 1:8 cannot be inside the <p> opened at 1:1; write </p> before it");
        assertThat(only("<ul><li>a<b><li>b</li></b></li></ul>").message())
                .isEqualTo("<li> at 1:13 cannot be inside the <li> opened at 1:5; write </li> before it");
        assertThat(only("<a href=\"/a\">a <b><a href=\"/b\">b</a></b></a>").message())
                .isEqualTo("<a> at 1:19 cannot be inside the <a> opened at 1:1; a link cannot contain another link");
        assertThat(SUBMISSION
                        .validate("<h3>a<h4>b</h4></h3>")
                        .errors()
                        .getFirst()
                        .message())
                .isEqualTo("<h4> at 1:6 cannot be inside the <h3> opened at 1:1; write </h3> before it");
    }

    @Test
    void nestingThatABrowserKeepsIsValid() {
        assertThat(COMMENT.validate("<ul><li>a<ul><li>b</li></ul></li></ul>").valid())
                .isTrue();
        assertThat(COMMENT.validate("<blockquote><p>a</p><ul><li><p>b</p></li></ul></blockquote>")
                        .valid())
                .isTrue();
        assertThat(COMMENT.validate("<b><p>bold paragraph</p></b><p><a href=\"/x\"><b>x</b></a></p>")
                        .valid())
                .isTrue();
    }
}
