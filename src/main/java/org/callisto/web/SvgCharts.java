package org.callisto.web;

import java.util.List;

/**
 * Bar charts drawn on the server as inline SVG, for the editors' download pages: no JavaScript, no style
 * attributes (the Content-Security-Policy allows neither script nor inline style; SVG presentation attributes
 * such as {@code fill} are not styles), a {@code <title>} per bar for its exact figure, and an {@code aria-label}
 * on the whole for screen readers. Hand-written: two kinds of bars are a few lines of markup, and a charting
 * library would bring JavaScript or a rendering stack. Stateless and thread-safe.
 */
final class SvgCharts {
    private static final String BAR = "#3b6ea5";
    private static final String TEXT = "#333333";

    private SvgCharts() {}

    /** One bar: its label and value. */
    record Bar(String label, long value) {}

    /**
     * Vertical bars, one per day, oldest left: {@code label} names the chart; bars are labelled under the first,
     * the middle and the last bar only, so that 30 days stay readable.
     */
    static String columns(String label, List<Bar> bars) {
        int width = 720;
        int height = 200;
        int top = 20;
        int bottom = 30;
        int left = 40;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        double step = bars.isEmpty() ? 0 : (double) (width - left) / bars.size();
        StringBuilder svg = open(label, width, height);
        axis(svg, left, top, height - bottom, max);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = (double) (height - top - bottom) * b.value() / max;
            double x = left + i * step + 1;
            svg.append("<rect x=\"")
                    .append(fmt(x))
                    .append("\" y=\"")
                    .append(fmt(height - bottom - h))
                    .append("\" width=\"")
                    .append(fmt(Math.max(1, step - 2)))
                    .append("\" height=\"")
                    .append(fmt(h))
                    .append("\" fill=\"")
                    .append(BAR)
                    .append("\"><title>")
                    .append(esc(b.label()))
                    .append(": ")
                    .append(b.value())
                    .append("</title></rect>\n");
            if (i == 0 || i == bars.size() - 1 || i == bars.size() / 2) {
                svg.append("<text x=\"")
                        .append(fmt(x + step / 2))
                        .append("\" y=\"")
                        .append(height - 10)
                        .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"")
                        .append(TEXT)
                        .append("\">")
                        .append(esc(b.label()))
                        .append("</text>\n");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, one per row (apps, say), in the order given, each with its label and figure. */
    static String rows(String label, List<Bar> bars) {
        int width = 720;
        int row = 22;
        int height = Math.max(row, bars.size() * row) + 4;
        int left = 220;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        StringBuilder svg = open(label, width, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double w = (double) (width - left - 60) * b.value() / max;
            int y = i * row + 2;
            svg.append("<text x=\"")
                    .append(left - 8)
                    .append("\" y=\"")
                    .append(y + 15)
                    .append("\" font-size=\"12\" text-anchor=\"end\" fill=\"")
                    .append(TEXT)
                    .append("\">")
                    .append(esc(b.label()))
                    .append("</text>\n");
            svg.append("<rect x=\"")
                    .append(left)
                    .append("\" y=\"")
                    .append(y + 2)
                    .append("\" width=\"")
                    .append(fmt(Math.max(1, w)))
                    .append("\" height=\"")
                    .append(row - 6)
                    .append("\" fill=\"")
                    .append(BAR)
                    .append("\"><title>")
                    .append(esc(b.label()))
                    .append(": ")
                    .append(b.value())
                    .append("</title></rect>\n");
            svg.append("<text x=\"")
                    .append(fmt(left + Math.max(1, w) + 6))
                    .append("\" y=\"")
                    .append(y + 15)
                    .append("\" font-size=\"12\" fill=\"")
                    .append(TEXT)
                    .append("\">")
                    .append(b.value())
                    .append("</text>\n");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String label, int width, int height) {
        return new StringBuilder(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" aria-label=\"")
                .append(esc(label))
                .append("\">\n");
    }

    private static void axis(StringBuilder svg, int left, int top, int base, long max) {
        svg.append("<line x1=\"")
                .append(left)
                .append("\" y1=\"")
                .append(base)
                .append("\" x2=\"720\" y2=\"")
                .append(base)
                .append("\" stroke=\"")
                .append(TEXT)
                .append("\"/>\n");
        svg.append("<text x=\"")
                .append(left - 6)
                .append("\" y=\"")
                .append(top + 4)
                .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"")
                .append(TEXT)
                .append("\">")
                .append(max)
                .append("</text>\n");
        svg.append("<text x=\"")
                .append(left - 6)
                .append("\" y=\"")
                .append(base)
                .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"")
                .append(TEXT)
                .append("\">0</text>\n");
    }

    /** Text escaped for SVG text and attribute values. */
    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
