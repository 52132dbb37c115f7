package org.callisto.show;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Reads show notes written from a podcast's notes template as hosts keep them (BSD Now's layout is the model): an
 * optional preamble ({@code ***INFORMATIONAL ONLY***}, {@code Title:}, {@code Description:}, {@code Date:},
 * {@code Tags:}, up to {@code ***NOTES***}) read as metadata and never published, then {@code ##} sections whose
 * items are {@code ### [title](url)} headings followed by quotes, text and bullets, or top-level {@code +}, {@code -}
 * or {@code *} bullets, nested bullets belonging to the item above; {@code ***} lines end an item. It never fails:
 * what it cannot read as written it mends or drops, and reports each case as an {@link ImportProblem} with
 * {@code file:line:column}. Template placeholders ({@code Interview topic}, {@code BR: ?}, {@code email@email}) and
 * notes to the hosts ({@code !!!...!!!}) are dropped with a warning. Stateless and thread-safe.
 */
final class TemplateNotesParser {
    private static final Pattern MARKER = Pattern.compile("^\\*{2,3}\\s*([A-Za-z][A-Za-z ]*?)\\s*\\*{2,3}$");
    private static final Pattern KEY =
            Pattern.compile("^(title|description|date|tags|summary)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION = Pattern.compile("^#{1,2}(?!#)\\s*(.*?)\\s*#*$");
    private static final Pattern ITEM = Pattern.compile("^#{3,}\\s*(.*?)\\s*#*$");
    private static final Pattern RULE = Pattern.compile("^(?:\\*\\s*){3,}$|^(?:-\\s*){3,}$|^(?:_\\s*){3,}$");
    private static final Pattern BULLET = Pattern.compile("^([ \\t]*)([+*-])(?:[ \\t]+(.*))?$");
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*(?:[–—-]|:)\\s*");
    private static final Pattern DATE_IN_NAME = Pattern.compile("(\\d{4})-(\\d{2}|[xX]{2})-(\\d{2}|[xX]{2})");
    /** Lines the template puts under a heading for the hosts to replace. */
    private static final Set<String> PLACEHOLDER_LINES =
            Set.of("interview topic", "br: ?", "aj: ?", "jt: ?", "bcr: ?", "?", "...", "…", "tbd", "todo");
    /** Link addresses the template puts in headings for the hosts to replace. */
    private static final Set<String> PLACEHOLDER_LINKS =
            Set.of("mailto:email@email", "https://twitter.com/user", "http://twitter.com/user");

    /**
     * What was read.
     *
     * @param title    the title, or null when the file gives none
     * @param date     the release date, or null when the file gives none
     * @param month    the month of a date with a placeholder day ({@code 2020-05-xx}), or null
     * @param summary  the description (Markdown), possibly empty
     * @param tags     the tags, placeholders dropped
     * @param sections the notes
     * @param problems what was mended or dropped
     */
    record Result(
            String title,
            LocalDate date,
            YearMonth month,
            String summary,
            List<String> tags,
            List<Section> sections,
            List<ImportProblem> problems) {}

    /**
     * Reads {@code text} from {@code file}.
     *
     * @param feedback the imported feedback item a link points at, if any
     */
    Result parse(Path file, String text, Function<String, Optional<Long>> feedback) {
        List<ImportProblem> problems = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (lines.length > 0 && lines[0].startsWith("\uFEFF")) {
            lines[0] = lines[0].substring(1);
        }
        Preamble pre = new Preamble(file, problems::add);
        int i = 0;
        for (; i < lines.length; i++) {
            if (!pre.line(i + 1, lines[i])) {
                break;
            }
        }
        Body body = new Body(file, problems::add, feedback);
        for (; i < lines.length; i++) {
            body.line(i + 1, lines[i]);
        }
        List<Section> sections = body.finish();
        String summary = pre.description();
        if (summary.isEmpty()) {
            summary = NotesMarkdown.repair(file, pre.intro, problems::add);
        }
        LocalDate date = pre.date;
        YearMonth month = pre.month;
        Matcher named = DATE_IN_NAME.matcher(file.getFileName().toString());
        if (date == null && named.find()) {
            try {
                if (named.group(3).matches("\\d{2}") && named.group(2).matches("\\d{2}")) {
                    date = LocalDate.parse(named.group());
                } else if (named.group(2).matches("\\d{2}") && month == null) {
                    month = YearMonth.of(Integer.parseInt(named.group(1)), Integer.parseInt(named.group(2)));
                }
            } catch (java.time.DateTimeException e) {
                problems.add(new ImportProblem(
                        file, 0, 0, "the date " + named.group() + " in the file's name is not a date", "ignored it"));
            }
        }
        return new Result(pre.title, date, month, summary, List.copyOf(pre.tags), sections, problems);
    }

    /** The preamble: metadata lines up to {@code ***NOTES***} or the first section. Confined to one parse. */
    private static final class Preamble {
        private final Path file;
        private final Consumer<ImportProblem> problems;
        String title;
        LocalDate date;
        YearMonth month;
        final Set<String> tags = new LinkedHashSet<>();
        private final StringBuilder description = new StringBuilder();
        final List<NotesMarkdown.Line> intro = new ArrayList<>();
        private String key;
        private boolean blank;

        Preamble(Path file, Consumer<ImportProblem> problems) {
            this.file = file;
            this.problems = problems;
        }

        /** Reads one line; false when it is the first line of the body. */
        boolean line(int number, String raw) {
            String line = raw.strip();
            Matcher marker = MARKER.matcher(line);
            if (marker.matches()) {
                return !marker.group(1).equalsIgnoreCase("notes");
            }
            if (SECTION.matcher(line).matches() && line.startsWith("##")
                    || ITEM.matcher(line).matches()) {
                return false;
            }
            if (line.startsWith("# ")) {
                if (title == null) {
                    title = line.substring(2).strip();
                }
                return true;
            }
            if (line.isEmpty()) {
                blank = true;
                return true;
            }
            if (line.startsWith("!!!")) {
                problems.accept(new ImportProblem(
                        file, number, 1, "a note to the hosts (!!!...!!!)", "dropped it, it is not published"));
                return true;
            }
            Matcher m = KEY.matcher(line);
            if (m.matches()) {
                key = m.group(1).toLowerCase(Locale.ROOT);
                blank = false;
                value(number, raw.indexOf(':') + 1, m.group(2).strip());
                return true;
            }
            if (key != null && !blank) {
                value(number, 1, line);
                return true;
            }
            key = null;
            intro.add(new NotesMarkdown.Line(number, 0, raw));
            return true;
        }

        private void value(int number, int column, String value) {
            if (value.isEmpty()) {
                return;
            }
            switch (key) {
                case "title" -> title = title == null ? value : title + " " + value;
                case "description", "summary" ->
                    description.append(description.isEmpty() ? "" : "\n").append(value);
                case "tags" -> {
                    for (String tag : value.split(",")) {
                        String t = tag.strip();
                        if (t.isEmpty()) {
                            continue;
                        }
                        if (t.contains("ADD NEW TAGS")
                                || t.matches("[….\\s]+")
                                || t.toUpperCase(Locale.ROOT).equals(t) && t.matches(".*[A-Z]{3,}.*\\s.*")) {
                            problems.accept(new ImportProblem(
                                    file,
                                    number,
                                    column,
                                    "the tag \"" + t + "\" is a template placeholder",
                                    "dropped it"));
                            continue;
                        }
                        tags.add(t.replaceFirst("^[….]+\\s*", "").strip());
                    }
                }
                case "date" -> date(number, column, value);
                default -> {}
            }
        }

        private void date(int number, int column, String value) {
            try {
                date = LocalDate.parse(value.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}).*$", "$1"));
            } catch (DateTimeParseException e) {
                Matcher part = Pattern.compile("^(\\d{4})-(\\d{2})-[xX?]{1,2}").matcher(value);
                if (part.find()) {
                    try {
                        month = YearMonth.of(Integer.parseInt(part.group(1)), Integer.parseInt(part.group(2)));
                    } catch (java.time.DateTimeException ignored) {
                        // reported below like any other non-date
                    }
                }
                problems.accept(new ImportProblem(
                        file,
                        number,
                        column,
                        "Date: \"" + value + "\" is a placeholder, not a date",
                        "took the date from the file's name or the neighbouring episodes"));
            }
        }

        String description() {
            return description.toString().strip();
        }
    }

    /** What an item is opened by. */
    private enum Kind {
        HEADING,
        BULLET,
        TEXT
    }

    /** The sections, built line by line. Confined to one parse. */
    private static final class Body {
        private final Path file;
        private final Consumer<ImportProblem> problems;
        private final Function<String, Optional<Long>> feedback;
        private final List<Section> sections = new ArrayList<>();
        private String heading;
        private int headingLine;
        private boolean placeholderHeading;
        private int dropped;
        private List<NoteItem> items;
        private Item item;

        Body(Path file, Consumer<ImportProblem> problems, Function<String, Optional<Long>> feedback) {
            this.file = file;
            this.problems = problems;
            this.feedback = feedback;
        }

        /** An item being read. */
        private final class Item {
            final Kind kind;
            final int contentIndent;
            final String title;
            final String link;
            final List<NotesMarkdown.Line> summary = new ArrayList<>();
            boolean blankSeen;

            Item(Kind kind, int contentIndent, String title, String link, List<NotesMarkdown.Line> first) {
                this.kind = kind;
                this.contentIndent = contentIndent;
                this.title = title;
                this.link = link;
                summary.addAll(first);
            }

            void add(int number, String raw) {
                int indent = indent(raw);
                int cut = kind == Kind.HEADING ? 0 : Math.min(indent, contentIndent);
                summary.add(new NotesMarkdown.Line(number, cut, raw.substring(columnIndex(raw, cut))));
            }

            NoteItem finish() {
                String text = NotesMarkdown.repair(file, summary, problems);
                Long source = link == null ? null : feedback.apply(link).orElse(null);
                return new NoteItem(title, link, text, source == null ? null : SourceKind.FEEDBACK, source);
            }
        }

        void line(int number, String raw) {
            String line = raw.strip();
            if (line.isEmpty()) {
                if (item != null) {
                    item.blankSeen = true;
                    if (item.kind == Kind.TEXT) {
                        endItem();
                    } else {
                        item.summary.add(new NotesMarkdown.Line(number, 0, ""));
                    }
                }
                return;
            }
            Matcher marker = MARKER.matcher(line);
            if (RULE.matcher(line).matches() || marker.matches()) {
                endItem();
                return;
            }
            if (line.startsWith("!!!")) {
                problems.accept(new ImportProblem(
                        file,
                        number,
                        indent(raw) + 1,
                        "a note to the hosts (!!!...!!!)",
                        "dropped it, it is not published"));
                return;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                section(number, raw, section.group(1));
                return;
            }
            if (heading == null) {
                problems.accept(new ImportProblem(
                        file,
                        number,
                        1,
                        "notes before the first ## section heading",
                        "put them in a section \"Notes\""));
                startSection("Notes", number);
            }
            String unbulleted = line.replaceFirst("^[+*-]\\s+", "").strip();
            if (PLACEHOLDER_LINES.contains(unbulleted.toLowerCase(Locale.ROOT))) {
                problems.accept(new ImportProblem(
                        file,
                        number,
                        indent(raw) + 1,
                        "\"" + unbulleted + "\" under \"" + heading + "\" is a template placeholder",
                        "dropped it"));
                dropped++;
                return;
            }
            Matcher itemHeading = ITEM.matcher(line);
            if (itemHeading.matches()) {
                endItem();
                open(
                        Kind.HEADING,
                        number,
                        raw.indexOf('#') + line.length() - itemHeading.group(1).length(),
                        itemHeading.group(1),
                        0);
                return;
            }
            Matcher bullet = BULLET.matcher(raw);
            boolean isBullet = bullet.matches() && !line.startsWith("+>");
            int indent = indent(raw);
            if (isBullet) {
                String content = bullet.group(3) == null ? "" : bullet.group(3);
                int contentColumn = columnIndex(raw, 0) + line.length() - content.length();
                boolean topLevel = indent < 2;
                if (item != null && (item.kind == Kind.HEADING || !topLevel)) {
                    item.add(number, raw);
                    return;
                }
                endItem();
                if (content.isBlank()) {
                    return;
                }
                open(Kind.BULLET, number, contentColumn, content, indent + 2);
                return;
            }
            if (item != null && (item.kind != Kind.BULLET || !item.blankSeen || line.startsWith(">") || indent >= 2)) {
                item.add(number, raw);
                return;
            }
            endItem();
            open(Kind.TEXT, number, indent, line, indent);
        }

        private void section(int number, String raw, String text) {
            endSection();
            List<NotesMarkdown.Line> one =
                    List.of(new NotesMarkdown.Line(number, raw.indexOf(text.isEmpty() ? "#" : text), text));
            Inline inline = inline(one);
            String plain = inline.plain();
            boolean placeholder = inline.links().stream().anyMatch(l -> PLACEHOLDER_LINKS.contains(l.destination()))
                    || plain.matches("(?i).*\\s-\\s*name(\\s.*|$)");
            if (placeholder) {
                problems.accept(new ImportProblem(
                        file,
                        number,
                        1,
                        "the heading \"" + plain + "\" holds template placeholders",
                        "kept \"" + plain.replaceFirst("\\s+-\\s.*$", "") + "\" and dropped the rest"));
                plain = plain.replaceFirst("\\s+-\\s.*$", "");
            }
            if (plain.isEmpty()) {
                problems.accept(new ImportProblem(
                        file, number, 1, "a section heading with no text", "named the section \"Notes\""));
                plain = "Notes";
            }
            startSection(plain, number);
            placeholderHeading = placeholder;
            if (!placeholder && !inline.links().isEmpty()) {
                InlineLink first = inline.links().getFirst();
                item = new Item(Kind.TEXT, 0, first.text(), first.destination(), extraLinks(inline, 1, number));
                endItem();
            }
        }

        private void startSection(String text, int number) {
            heading = text;
            headingLine = number;
            items = new ArrayList<>();
            dropped = 0;
            placeholderHeading = false;
        }

        private void open(Kind kind, int number, int column, String content, int contentIndent) {
            Inline inline = inline(List.of(new NotesMarkdown.Line(number, column, content)));
            List<NotesMarkdown.Line> first = new ArrayList<>();
            String title;
            String link = null;
            if (inline.startsWithLink()) {
                InlineLink l = inline.links().getFirst();
                title = l.text();
                link = l.destination();
                if (!inline.rest().isEmpty()) {
                    first.add(new NotesMarkdown.Line(number, column, inline.rest()));
                }
            } else {
                title = inline.plain();
                if (!inline.links().isEmpty()) {
                    link = inline.links().getFirst().destination();
                    first.addAll(extraLinks(inline, 1, number));
                }
            }
            if (kind == Kind.TEXT && !inline.startsWithLink() && content.startsWith(">")) {
                title = title.replaceFirst("^>\\s*", "");
            }
            if (title.isEmpty()) {
                title = link == null ? heading : link;
            }
            item = new Item(kind, contentIndent, title, link, first);
        }

        private List<NotesMarkdown.Line> extraLinks(Inline inline, int from, int number) {
            List<NotesMarkdown.Line> lines = new ArrayList<>();
            for (InlineLink l : inline.links()
                    .subList(
                            Math.min(from, inline.links().size()),
                            inline.links().size())) {
                lines.add(new NotesMarkdown.Line(
                        number,
                        0,
                        "- [" + l.text().replace("]", "\\]") + "](<"
                                + l.destination().replace(">", "%3E") + ">)"));
            }
            return lines;
        }

        private void endItem() {
            if (item != null) {
                items.add(item.finish());
                item = null;
            }
        }

        private void endSection() {
            endItem();
            if (heading != null) {
                if (items.isEmpty() && (placeholderHeading || dropped > 0)) {
                    problems.accept(new ImportProblem(
                            file,
                            headingLine,
                            1,
                            "the section \"" + heading + "\" holds only template placeholders",
                            "dropped the section"));
                } else {
                    sections.add(new Section(heading, items));
                }
            }
            heading = null;
        }

        List<Section> finish() {
            endSection();
            return sections;
        }

        /** A line's inline content, mended, with its links. */
        private Inline inline(List<NotesMarkdown.Line> line) {
            String markdown = NotesMarkdown.repair(file, line, problems);
            return Inline.of(markdown);
        }
    }

    /** A link found in a line: its address and its text (the address when it has none). */
    record InlineLink(String destination, String text) {}

    /**
     * One line's inline content.
     *
     * @param plain          its plain text
     * @param links          its links, in order
     * @param startsWithLink whether it opens with a link
     * @param rest           when it opens with a link, the Markdown after it (a leading dash or colon removed)
     */
    record Inline(String plain, List<InlineLink> links, boolean startsWithLink, String rest) {

        static Inline of(String markdown) {
            Node doc = NotesMarkdown.parse(markdown);
            List<InlineLink> links = new ArrayList<>();
            collect(doc, links);
            String plain = NotesMarkdown.plainText(doc);
            Node block = doc.getFirstChild();
            boolean starts = block instanceof Paragraph p && p.getFirstChild() instanceof Link;
            String rest = "";
            if (starts) {
                block.getFirstChild().unlink();
                rest = SEPARATOR
                        .matcher(NotesMarkdown.render(doc))
                        .replaceFirst("")
                        .strip();
            }
            return new Inline(plain, links, starts, rest);
        }

        private static void collect(Node node, List<InlineLink> links) {
            for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Link l) {
                    String text = NotesMarkdown.plainText(l);
                    links.add(new InlineLink(l.getDestination(), text.isEmpty() ? l.getDestination() : text));
                } else {
                    collect(c, links);
                }
            }
        }
    }

    /** Leading whitespace in columns, a tab counting 4. */
    static int indent(String raw) {
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ') {
                n++;
            } else if (c == '\t') {
                n += 4;
            } else {
                break;
            }
        }
        return n;
    }

    /** The index in {@code raw} after {@code columns} columns of leading whitespace. */
    static int columnIndex(String raw, int columns) {
        int n = 0;
        int i = 0;
        while (i < raw.length() && n < columns && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
            n += raw.charAt(i) == '\t' ? 4 : 1;
            i++;
        }
        return i;
    }
}
