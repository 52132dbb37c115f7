package org.callisto.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shows a member where the problems in a fragment are, for the editor's preview: the source as text in a
 * {@code <pre>} (escaped, so nothing in it is rendered), each problem's place wrapped in a {@code <mark>} whose
 * title is the message, followed by the list of messages with their places.
 *
 * <pre>{@code
 * <div class="validation-report"><pre>x <mark title="a bare &lt; at 1:3; write &amp;lt;">&lt;</mark> y</pre>
 * <ol class="problems"><li>1:3: a bare &lt; at 1:3; write &amp;lt;</li></ol></div>
 * }</pre>
 *
 * <p>Marks never overlap: a problem that starts inside an earlier mark is listed but not marked again. Stateless
 * and thread-safe.
 */
public final class ValidationReport {
    private ValidationReport() {}

    private record Mark(int start, int end, String message) {}

    /** The report for {@code source} and the errors {@link FragmentValidator} found in it. */
    public static String toHtml(String source, List<ValidationError> errors) {
        SourceLines lines = new SourceLines(source);
        List<Mark> marks = new ArrayList<>();
        for (ValidationError e : errors) {
            int start = lines.offset(e.line(), e.column());
            String excerpt = e.excerpt().endsWith("…")
                    ? e.excerpt().substring(0, e.excerpt().length() - 1)
                    : e.excerpt();
            int end = Math.min(source.length(), start + excerpt.length());
            marks.add(new Mark(start, end, e.message()));
        }
        marks.sort(Comparator.comparingInt(Mark::start));
        StringBuilder out = new StringBuilder(source.length() * 2 + 256);
        out.append("<div class=\"validation-report\"><pre>");
        int at = 0;
        for (Mark m : marks) {
            if (m.start() < at) {
                continue;
            }
            HtmlEscape.append(out, source.substring(at, m.start()));
            out.append("<mark title=\"");
            HtmlEscape.append(out, m.message()).append("\">");
            HtmlEscape.append(out, source.substring(m.start(), m.end())).append("</mark>");
            at = m.end();
        }
        HtmlEscape.append(out, source.substring(at)).append("</pre>\n<ol class=\"problems\">");
        for (ValidationError e : errors) {
            out.append("<li>").append(e.place()).append(": ");
            HtmlEscape.append(out, e.message()).append("</li>");
        }
        return out.append("</ol></div>").toString();
    }
}
