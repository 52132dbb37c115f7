package org.callisto.show;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/**
 * Repairs a block of show-notes Markdown as hosts write it, so that every link in it stays a link once stored and
 * rendered by {@link org.callisto.html.MarkdownText}: it is parsed by commonmark-java (with its autolink extension,
 * so bare addresses become links), the tree is mended, and it is written back as CommonMark by commonmark-java's
 * Markdown renderer. Mended: a link missing its closing {@code )} at the end of a line, {@code +>} quotes, links
 * with empty text (they show their address), {@code <br>} and {@code <a href>} written as HTML, HTML blocks (their
 * text and links kept). A stray {@code _} is only reported. Each repair is reported as an {@link ImportProblem}
 * with the line and column of the source. Stateless and thread-safe (commonmark-java's parser and renderer are).
 */
final class NotesMarkdown {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(AutolinkExtension.builder()
                    .linkTypes(AutolinkType.URL, AutolinkType.WWW)
                    .build()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private static final MarkdownRenderer RENDERER = MarkdownRenderer.builder().build();
    /**
     * A link whose destination runs to the end of the line with no closing parenthesis. Found with a pattern on the
     * line because CommonMark has no such node: the parser reads it as text.
     */
    private static final Pattern UNCLOSED =
            Pattern.compile("\\[[^\\[\\]]*]\\(\\s*<?(?:https?|ftp|mailto):[^\\s()<>]*\\s*$", Pattern.CASE_INSENSITIVE);

    private static final Pattern PLUS_QUOTE = Pattern.compile("^(\\s*)\\+\\s?>");
    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern A_OPEN =
            Pattern.compile("(?is)<a\\s[^>]*?href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))[^>]*>");
    private static final Pattern A_CLOSE = Pattern.compile("(?i)</a\\s*>");
    private static final Pattern STRAY_UNDERSCORE = Pattern.compile("(?<![\\p{L}\\p{N}_\\\\])_(?![\\p{L}\\p{N}_])");

    private NotesMarkdown() {}

    /**
     * One line of the block: its number in the file and the columns cut from its start (an item's indentation),
     * so that problems name the column of the file.
     */
    record Line(int number, int cut, String text) {}

    /**
     * The repaired Markdown of {@code lines}, "" for none.
     *
     * @param problems receives each repair
     */
    static String repair(Path file, List<Line> lines, Consumer<ImportProblem> problems) {
        if (lines.stream().allMatch(l -> l.text().isBlank())) {
            return "";
        }
        List<String> texts = new ArrayList<>(lines.size());
        for (Line l : lines) {
            String text = l.text();
            Matcher quote = PLUS_QUOTE.matcher(text);
            if (quote.find()) {
                problems.accept(new ImportProblem(
                        file,
                        l.number(),
                        l.cut() + quote.end(1) + 1,
                        "\"+>\" starts a quote with a stray +",
                        "read as a quote (>)"));
                text = quote.replaceFirst("$1>");
            }
            Matcher open = UNCLOSED.matcher(text);
            if (open.find()) {
                problems.accept(new ImportProblem(
                        file,
                        l.number(),
                        l.cut() + open.start() + 1,
                        "a link has no closing ) at the end of the line",
                        "closed it there"));
                text = text.stripTrailing() + ")";
            }
            texts.add(text);
        }
        Node document = PARSER.parse(String.join("\n", texts));
        new Mender(file, lines, problems).mend(document);
        return RENDERER.render(document).strip();
    }

    /** {@code markdown} parsed as the notes are (bare addresses are links). */
    static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** {@code document} written as CommonMark. */
    static String render(Node document) {
        return RENDERER.render(document).strip();
    }

    /** The plain text of {@code node}: its text, link texts (a link without text gives its address). */
    static String plainText(Node node) {
        StringBuilder b = new StringBuilder();
        plainText(node, b);
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    private static void plainText(Node node, StringBuilder b) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            switch (c) {
                case Text t -> b.append(t.getLiteral());
                case org.commonmark.node.Code code -> b.append(code.getLiteral());
                case SoftLineBreak s -> b.append(' ');
                case HardLineBreak h -> b.append(' ');
                case Link link when link.getFirstChild() == null -> b.append(link.getDestination());
                default -> plainText(c, b);
            }
        }
    }

    /** Mends one parsed block. Confined to one call of {@link #repair}. */
    private static final class Mender extends AbstractVisitor {
        private final Path file;
        private final List<Line> lines;
        private final Consumer<ImportProblem> problems;
        private final List<Runnable> edits = new ArrayList<>();

        Mender(Path file, List<Line> lines, Consumer<ImportProblem> problems) {
            this.file = file;
            this.lines = lines;
            this.problems = problems;
        }

        void mend(Node document) {
            document.accept(this);
            edits.forEach(Runnable::run);
        }

        private void report(Node node, int offset, String problem, String action) {
            int line = 0;
            int column = 0;
            Node n = node;
            while (n != null && n.getSourceSpans().isEmpty()) {
                n = n.getParent();
            }
            if (n != null) {
                SourceSpan span = n.getSourceSpans().getFirst();
                if (span.getLineIndex() < lines.size()) {
                    Line l = lines.get(span.getLineIndex());
                    line = l.number();
                    column = l.cut() + span.getColumnIndex() + (n == node ? offset : 0) + 1;
                }
            } else if (!lines.isEmpty()) {
                line = lines.getFirst().number();
            }
            problems.accept(new ImportProblem(file, line, column, problem, action));
        }

        @Override
        public void visit(Link link) {
            if (link.getFirstChild() == null) {
                report(link, 0, "a link with no text to " + link.getDestination(), "it shows its address");
                link.appendChild(new Text(link.getDestination()));
            }
            visitChildren(link);
        }

        @Override
        public void visit(Text text) {
            Matcher m = STRAY_UNDERSCORE.matcher(text.getLiteral());
            if (m.find() && !(text.getParent() instanceof Link)) {
                report(text, m.start(), "a stray _ that starts or ends no emphasis", "kept it as typed");
            }
        }

        @Override
        public void visit(HtmlInline html) {
            String tag = html.getLiteral();
            if (BR.matcher(tag).matches()) {
                edits.add(() -> {
                    html.insertBefore(new HardLineBreak());
                    html.unlink();
                });
                return;
            }
            Matcher a = A_OPEN.matcher(tag);
            if (a.matches()) {
                String href = a.group(1) != null ? a.group(1) : a.group(2) != null ? a.group(2) : a.group(3);
                report(html, 0, "a link written in HTML (" + shorten(tag) + ")", "made it a Markdown link");
                edits.add(() -> {
                    Link link = new Link(org.jsoup.parser.Parser.unescapeEntities(href, true), null);
                    Node next = html.getNext();
                    html.insertBefore(link);
                    html.unlink();
                    while (next != null
                            && !(next instanceof HtmlInline h
                                    && A_CLOSE.matcher(h.getLiteral()).matches())) {
                        Node after = next.getNext();
                        link.appendChild(next);
                        next = after;
                    }
                    if (next != null) {
                        next.unlink();
                    }
                });
                return;
            }
            if (!A_CLOSE.matcher(tag).matches()) {
                report(html, 0, "HTML markup " + shorten(tag) + " in the notes", "shown as typed");
            }
        }

        @Override
        public void visit(HtmlBlock block) {
            report(block, 0, "a block of HTML", "kept its text and links, dropped the other markup");
            edits.add(() -> {
                Paragraph p = new Paragraph();
                org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(block.getLiteral());
                appendHtml(doc.body(), p);
                if (p.getFirstChild() != null) {
                    block.insertBefore(p);
                }
                block.unlink();
            });
        }

        private static void appendHtml(org.jsoup.nodes.Element element, Node into) {
            for (org.jsoup.nodes.Node n : element.childNodes()) {
                if (n instanceof org.jsoup.nodes.TextNode t) {
                    if (!t.isBlank()) {
                        into.appendChild(new Text(t.text()));
                    }
                } else if (n instanceof org.jsoup.nodes.Element e) {
                    String name = e.normalName();
                    if (name.equals("a") && e.hasAttr("href")) {
                        Link link = new Link(e.attr("href"), null);
                        appendHtml(e, link);
                        into.appendChild(link);
                    } else if (name.equals("br")) {
                        into.appendChild(new HardLineBreak());
                    } else {
                        boolean block = e.isBlock() && into.getLastChild() != null;
                        if (block) {
                            into.appendChild(new HardLineBreak());
                        }
                        appendHtml(e, into);
                    }
                }
            }
        }

        private static String shorten(String s) {
            String one = s.replaceAll("\\s+", " ");
            return one.length() > 40 ? one.substring(0, 40).toLowerCase(Locale.ROOT) + "…" : one;
        }
    }
}
