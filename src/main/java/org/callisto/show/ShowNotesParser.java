package org.callisto.show;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one episode's show notes kept as Markdown: front matter lines ({@code key: value}) at the top, optionally
 * between {@code ---} lines, then {@code ## Section} headings, each with items written as {@code ### [Title](link)}
 * followed by summary paragraphs, or as list items {@code - [Title](link) – summary}. The format is described in
 * {@code docs/show.md}. Stateless and thread-safe.
 */
public final class ShowNotesParser {
    private static final Pattern FRONT = Pattern.compile("^([a-z]+):\\s*(.*)$");
    private static final Pattern LINKED = Pattern.compile("^\\[(.+)]\\(\\s*<?([^\\s)>]+)>?\\s*\\)\\s*(.*)$");
    /** What separates a list item's link from its summary: an en or em dash, a hyphen or a colon. */
    private static final Pattern SEPARATOR = Pattern.compile("^(?:[–—-]|:)\\s*");

    private static final List<String> KEYS =
            List.of("number", "title", "date", "season", "type", "explicit", "summary", "guests", "guid", "slug");

    /**
     * Parses {@code text}, read from {@code file} in folder {@code folderName}.
     *
     * @param folderName the episode's folder, e.g. {@code 0042-zfs-on-the-desktop}: its leading digits give the
     *                   number and the rest the slug when the front matter does not
     * @throws ShowNotesException with {@code file:line} for anything malformed
     */
    public ParsedNotes parse(Path file, String folderName, String text) throws ShowNotesException {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int i = 0;
        if (lines.length > 0 && !lines[0].isEmpty() && lines[0].charAt(0) == '\uFEFF') {
            lines[0] = lines[0].substring(1);
        }
        Map<String, String> front = new LinkedHashMap<>();
        Map<String, Integer> frontLine = new LinkedHashMap<>();
        boolean fenced = lines.length > 0 && lines[0].strip().equals("---");
        boolean closed = false;
        if (fenced) {
            i = 1;
        }
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (fenced && line.equals("---")) {
                closed = true;
                i++;
                break;
            }
            if (line.isEmpty()) {
                if (fenced) {
                    continue;
                }
                break;
            }
            Matcher m = FRONT.matcher(line);
            if (!m.matches()) {
                if (fenced) {
                    throw new ShowNotesException(
                            file,
                            i + 1,
                            "\"" + line + "\" is not a front matter line;"
                                    + " write key: value, or close the front matter with ---");
                }
                break;
            }
            String key = m.group(1);
            if (!KEYS.contains(key)) {
                throw new ShowNotesException(
                        file, i + 1, "unknown front matter key \"" + key + "\"; use one of " + String.join(", ", KEYS));
            }
            if (front.containsKey(key)) {
                throw new ShowNotesException(
                        file,
                        i + 1,
                        "\"" + key + "\" is given twice (first on line " + frontLine.get(key) + "); keep one");
            }
            front.put(key, m.group(2).strip());
            frontLine.put(key, i + 1);
        }
        if (fenced && !closed) {
            throw new ShowNotesException(file, 1, "the front matter opened with --- is never closed; add a --- line");
        }
        Header header = new Header(file, front, frontLine, folderName);
        Body body = new Body(file);
        for (; i < lines.length; i++) {
            body.line(i + 1, lines[i]);
        }
        List<Section> sections = body.finish();
        String summary = front.containsKey("summary") ? front.get("summary") : body.intro();
        EpisodeDraft draft = new EpisodeDraft(
                header.number(),
                header.season(),
                header.title(),
                header.slug(),
                header.date(),
                summary,
                header.type(),
                header.flag("explicit"),
                front.get("guid"));
        return new ParsedNotes(draft, sections, header.guests());
    }

    /** The front matter, checked value by value. Confined to one parse. */
    private record Header(Path file, Map<String, String> values, Map<String, Integer> lines, String folderName) {

        int line(String key) {
            return lines.getOrDefault(key, 1);
        }

        int number() throws ShowNotesException {
            String given = values.get("number");
            if (given == null) {
                Matcher m = Pattern.compile("^(\\d+)").matcher(folderName);
                if (!m.find()) {
                    throw new ShowNotesException(
                            file,
                            1,
                            "no episode number; add a line number: 42 to the front"
                                    + " matter, or start the folder's name with it (0042-title)");
                }
                given = m.group(1);
            }
            return integer("number", given);
        }

        Integer season() throws ShowNotesException {
            String given = values.get("season");
            return given == null || given.isEmpty() ? null : integer("season", given);
        }

        private int integer(String key, String value) throws ShowNotesException {
            try {
                int n = Integer.parseInt(value.replaceFirst("^#", ""));
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new ShowNotesException(
                        file,
                        line(key),
                        key + " \"" + value + "\" is not a whole number;" + " write it in digits, e.g. " + key
                                + ": 42");
            }
        }

        String title() throws ShowNotesException {
            String title = values.get("title");
            if (title == null || title.isEmpty()) {
                throw new ShowNotesException(
                        file, line("title"), "no title; add a line title: ... to the front" + " matter");
            }
            return title;
        }

        String slug() throws ShowNotesException {
            String given = values.get("slug");
            if (given == null || given.isEmpty()) {
                given = folderName.replaceFirst("^\\d+[-_. ]*", "");
            }
            if (given.isEmpty()) {
                given = title();
            }
            String slug =
                    given.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            return slug.isEmpty() ? "episode" : slug;
        }

        Instant date() throws ShowNotesException {
            String value = values.get("date");
            if (value == null || value.isEmpty()) {
                throw new ShowNotesException(
                        file,
                        line("date"),
                        "no release date; add a line date: 2026-03-05"
                                + " (or 2026-03-05 18:00, UTC, or 2026-03-05T18:00:00-05:00) to the front matter");
            }
            try {
                if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                if (value.matches("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2})?")) {
                    return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
                }
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new ShowNotesException(
                        file,
                        line("date"),
                        "date \"" + value + "\" is not a date; write"
                                + " 2026-03-05, 2026-03-05 18:00 (UTC) or 2026-03-05T18:00:00-05:00");
            }
        }

        EpisodeType type() throws ShowNotesException {
            String value = values.get("type");
            try {
                return value == null || value.isEmpty() ? EpisodeType.FULL : EpisodeType.of(value);
            } catch (IllegalArgumentException e) {
                throw new ShowNotesException(file, line("type"), e.getMessage());
            }
        }

        boolean flag(String key) throws ShowNotesException {
            String value = values.getOrDefault(key, "no").toLowerCase(Locale.ROOT);
            return switch (value) {
                case "yes", "true" -> true;
                case "no", "false", "" -> false;
                default ->
                    throw new ShowNotesException(
                            file,
                            line(key),
                            key + " \"" + value + "\" is neither yes" + " nor no; write " + key + ": yes or " + key
                                    + ": no");
            };
        }

        List<Guest> guests() {
            return Guest.list(values.get("guests"));
        }
    }

    /** The sections after the front matter, built line by line. Confined to one parse. */
    private static final class Body {
        private final Path file;
        private final List<Section> sections = new ArrayList<>();
        private final StringBuilder intro = new StringBuilder();
        private String heading;
        private List<NoteItem> items;
        private String itemTitle;
        private String itemLink;
        private StringBuilder itemSummary;
        private boolean listItem;

        Body(Path file) {
            this.file = file;
        }

        void line(int number, String raw) throws ShowNotesException {
            String line = raw.strip();
            if (line.startsWith("## ") || line.equals("##")) {
                endSection();
                heading = line.substring(2).strip();
                if (heading.isEmpty()) {
                    throw new ShowNotesException(
                            file, number, "a section heading with no text; write e.g." + " ## Headlines");
                }
                items = new ArrayList<>();
                return;
            }
            if (line.startsWith("# ")) {
                throw new ShowNotesException(
                        file,
                        number,
                        "a level-1 heading; put the title in the front matter"
                                + " (title: ...) and start sections with ##");
            }
            if (heading == null) {
                if (line.startsWith("### ") || line.startsWith("- ") || line.startsWith("* ")) {
                    throw new ShowNotesException(
                            file,
                            number,
                            "an item before the first section; put a heading" + " such as ## Headlines above it");
                }
                if (!line.isEmpty() || !intro.isEmpty()) {
                    intro.append(raw.stripTrailing()).append('\n');
                }
                return;
            }
            if (line.startsWith("### ")) {
                endItem();
                startItem(number, line.substring(4).strip(), false);
                return;
            }
            if (line.startsWith("- ") || line.startsWith("* ")) {
                endItem();
                startItem(number, line.substring(2).strip(), true);
                return;
            }
            if (line.isEmpty()) {
                if (itemSummary != null) {
                    if (listItem) {
                        endItem();
                    } else if (!itemSummary.isEmpty()) {
                        itemSummary.append('\n');
                    }
                }
                return;
            }
            if (itemSummary == null) {
                throw new ShowNotesException(
                        file,
                        number,
                        "text outside an item in section \"" + heading
                                + "\"; start an item with ### [Title](link) or - [Title](link) – summary above it");
            }
            if (listItem && !Character.isWhitespace(raw.charAt(0))) {
                throw new ShowNotesException(
                        file,
                        number,
                        "text after a list item that is not indented; indent it"
                                + " by two spaces to continue the item, or leave a blank line and start a new item");
            }
            itemSummary.append(line).append('\n');
        }

        private void startItem(int number, String text, boolean list) throws ShowNotesException {
            Matcher m = LINKED.matcher(text);
            String rest;
            if (m.matches()) {
                itemTitle = m.group(1).strip();
                itemLink = m.group(2);
                rest = SEPARATOR.matcher(m.group(3)).replaceFirst("");
                if (!itemLink.matches("(?i)(https?|gopher|ftp)://\\S+|mailto:\\S+")) {
                    throw new ShowNotesException(
                            file,
                            number,
                            "the link \"" + itemLink + "\" of \"" + itemTitle
                                    + "\" is not an absolute http(s) URL; write the whole address, e.g. https://...");
                }
            } else if (text.matches("^\\[.*]\\s*\\(.*")) {
                throw new ShowNotesException(
                        file,
                        number,
                        "a broken link in \"" + text + "\"; write"
                                + " [Title](https://...) with no space between ] and (");
            } else {
                itemTitle = text;
                itemLink = null;
                rest = "";
            }
            if (itemTitle.isEmpty()) {
                throw new ShowNotesException(file, number, "an item without a title; write [Title](link)");
            }
            if (!list && !rest.isEmpty()) {
                throw new ShowNotesException(
                        file,
                        number,
                        "text after the link of a ### item; put the summary in" + " the paragraphs below the heading");
            }
            listItem = list;
            itemSummary = new StringBuilder();
            if (!rest.isEmpty()) {
                itemSummary.append(rest).append('\n');
            }
        }

        private void endItem() {
            if (itemSummary != null) {
                items.add(
                        NoteItem.of(itemTitle, itemLink, itemSummary.toString().strip()));
                itemSummary = null;
            }
        }

        private void endSection() {
            endItem();
            if (heading != null) {
                sections.add(new Section(heading, items));
            }
        }

        List<Section> finish() {
            endSection();
            heading = null;
            return sections;
        }

        String intro() {
            return intro.toString().strip();
        }
    }
}
