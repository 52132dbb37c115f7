package org.callisto.show;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of editing episodes by hand: what a new episode needs (number, title, release time, summary) and the
 * sections it starts with ({@link Section#DEFAULT_HEADINGS}), and the checks on every change to its sections and
 * items. Every input is checked before the stores ({@link EpisodeStore}, {@link NoteStore}, {@link SectionStore},
 * {@link ItemStore}, {@link GuestStore}) write anything; a refusal is a {@link ShowRefusal} naming the input and what
 * to do. Who may edit is decided by the web layer (editors and administrators).
 *
 * <p>Thread-safe: the stores are.
 */
public final class EpisodeEditor {
    /** Highest episode number. */
    public static final int MAX_NUMBER = 999_999;
    /** Longest episode title. */
    public static final int MAX_TITLE = 200;
    /** Longest summary of an episode or an item (Markdown). */
    public static final int MAX_SUMMARY = 4_000;
    /** Longest section heading. */
    public static final int MAX_HEADING = 100;
    /** Longest item title. */
    public static final int MAX_ITEM_TITLE = 300;
    /** Longest link. */
    public static final int MAX_LINK = 2_000;

    private final ShowStores stores;
    private final EpisodeStore episodes;
    private final NoteStore notes;
    private final SectionStore sections;
    private final ItemStore items;
    private final GuestStore guests;

    public EpisodeEditor(ShowStores stores) {
        this.stores = stores;
        this.episodes = stores.episodes();
        this.notes = stores.notes();
        this.sections = stores.sections();
        this.items = stores.items();
        this.guests = stores.guests();
    }

    /** The stores this editor writes to, for reading what it wrote. */
    public ShowStores stores() {
        return stores;
    }

    /**
     * Creates an episode with the default sections.
     *
     * @param number      the number, as typed
     * @param publishedAt the release time as typed, {@code 2026-03-05T18:00} in UTC (seconds optional)
     * @throws ShowRefusal when a field is wrong or the number is taken
     */
    public Episode create(String number, String title, String publishedAt, String summary) {
        int n = number(number);
        String t = oneLine(title, "title", MAX_TITLE, true);
        Instant at = time(publishedAt);
        String s = text(summary, "summary", MAX_SUMMARY);
        if (episodes.episode(n).isPresent()) {
            throw new ShowRefusal("episode " + n + " exists already; choose another number, or edit it from the"
                    + " list of episodes");
        }
        Episode e =
                episodes.saveEpisode(new EpisodeDraft(n, null, t, slug(t, n), at, s, EpisodeType.FULL, false, null));
        notes.setNotes(
                e.id(),
                Section.DEFAULT_HEADINGS.stream()
                        .map(h -> new Section(h, List.of()))
                        .toList());
        return e;
    }

    /** Changes an episode's title, release time and summary. */
    public void update(Episode e, String title, String publishedAt, String summary) {
        String t = oneLine(title, "title", MAX_TITLE, true);
        Instant at = time(publishedAt);
        String s = text(summary, "summary", MAX_SUMMARY);
        if (!episodes.updateEpisode(e.id(), t, at, s)) {
            throw gone("episode " + e.number());
        }
    }

    /** The most guests an episode may list. */
    public static final int MAX_GUESTS = 20;

    /**
     * Changes an episode's guests (written {@code Name <https://link>; Name}), season (empty for none), type
     * ({@code full}, {@code trailer}, {@code bonus}) and explicit flag.
     *
     * @throws ShowRefusal when a field is wrong; nothing is changed then
     */
    public void updateMore(Episode e, String guests, String season, String type, boolean explicit) {
        List<Guest> people = new java.util.ArrayList<>();
        String written = text(guests, "guest list", MAX_SUMMARY);
        for (Guest g : Guest.list(written)) {
            String name = oneLine(g.name(), "guest name", MAX_TITLE, true);
            people.add(new Guest(name, g.link() == null ? null : link(g.link())));
        }
        if (people.size() > MAX_GUESTS) {
            throw new ShowRefusal("the guest list names " + people.size() + " guests, more than the " + MAX_GUESTS
                    + " allowed; keep the main ones");
        }
        String s = season == null ? "" : season.strip();
        Integer seasonNumber = null;
        if (!s.isEmpty()) {
            if (!s.matches("[0-9]{1,4}") || Integer.parseInt(s) == 0) {
                throw new ShowRefusal("the season '" + shorten(s) + "' is not a whole number from 1 to 9999;"
                        + " give one, or leave it empty");
            }
            seasonNumber = Integer.parseInt(s);
        }
        EpisodeType episodeType;
        try {
            episodeType = EpisodeType.of(type == null || type.isBlank() ? "full" : type);
        } catch (IllegalArgumentException bad) {
            throw new ShowRefusal(
                    "the episode type '" + shorten(type) + "' is not full, trailer or bonus;" + " choose one of them");
        }
        if (!episodes.updateEpisodeKind(e.id(), seasonNumber, episodeType, explicit)) {
            throw gone("episode " + e.number());
        }
        this.guests.setGuests(e.id(), people);
    }

    /** Adds a section at the end. */
    public void addSection(Episode e, String heading) {
        sections.add(e.id(), oneLine(heading, "section heading", MAX_HEADING, true));
    }

    public void renameSection(Episode e, long sectionId, String heading) {
        if (!sections.rename(e.id(), sectionId, oneLine(heading, "section heading", MAX_HEADING, true))) {
            throw gone("section " + sectionId);
        }
    }

    /** Moves a section one place up or down; at the top or bottom already, nothing changes. */
    public void moveSection(Episode e, long sectionId, boolean up) {
        requireSection(e, sectionId);
        sections.move(e.id(), sectionId, up);
    }

    public void deleteSection(Episode e, long sectionId) {
        if (!sections.delete(e.id(), sectionId)) {
            throw gone("section " + sectionId);
        }
    }

    /** Adds an item typed by an editor at the end of a section. */
    public void addItem(Episode e, long sectionId, String title, String link, String summary) {
        NoteItem item = NoteItem.of(
                oneLine(title, "item title", MAX_ITEM_TITLE, true),
                link(link),
                text(summary, "item summary", MAX_SUMMARY));
        add(e, sectionId, item);
    }

    /** Adds an item made elsewhere (curated from a source) at the end of a section, checking it as typed ones. */
    public void add(Episode e, long sectionId, NoteItem item) {
        NoteItem checked = new NoteItem(
                oneLine(item.title(), "item title", MAX_ITEM_TITLE, true),
                link(item.link()),
                text(item.summary(), "item summary", MAX_SUMMARY),
                item.sourceKind(),
                item.sourceId());
        if (items.add(e.id(), sectionId, checked) < 0) {
            throw gone("section " + sectionId);
        }
    }

    /** Changes an item's title, link and summary; where it was curated from stays. */
    public void updateItem(Episode e, long itemId, String title, String link, String summary) {
        if (!items.update(
                e.id(),
                itemId,
                oneLine(title, "item title", MAX_ITEM_TITLE, true),
                link(link),
                text(summary, "item summary", MAX_SUMMARY))) {
            throw gone("item " + itemId);
        }
    }

    /** Moves an item one place up or down in its section; at the top or bottom already, nothing changes. */
    public void moveItem(Episode e, long itemId, boolean up) {
        requireItem(e, itemId);
        items.move(e.id(), itemId, up);
    }

    /** Moves an item to the end of another section. */
    public void moveItemToSection(Episode e, long itemId, long sectionId) {
        requireItem(e, itemId);
        if (!items.moveToSection(e.id(), itemId, sectionId)) {
            throw gone("section " + sectionId);
        }
    }

    public void deleteItem(Episode e, long itemId) {
        if (!items.delete(e.id(), itemId)) {
            throw gone("item " + itemId);
        }
    }

    private void requireSection(Episode e, long sectionId) {
        if (notes.storedNotes(e.id()).stream().noneMatch(s -> s.id() == sectionId)) {
            throw gone("section " + sectionId);
        }
    }

    private void requireItem(Episode e, long itemId) {
        if (notes.storedNotes(e.id()).stream().flatMap(s -> s.items().stream()).noneMatch(i -> i.id() == itemId)) {
            throw gone("item " + itemId);
        }
    }

    private static ShowRefusal gone(String what) {
        return new ShowRefusal(what + " is not part of this episode (any more); reload the page and try again");
    }

    // ---- checks of single fields

    /** An episode number as typed: a whole number from 0 to {@link #MAX_NUMBER}. */
    public static int number(String typed) {
        String v = typed == null ? "" : typed.strip();
        if (v.isEmpty()) {
            throw new ShowRefusal("the episode number is empty; give a whole number such as 42");
        }
        if (!v.matches("[0-9]{1,6}")) {
            throw new ShowRefusal("the episode number '" + shorten(v) + "' is not a whole number from 0 to "
                    + MAX_NUMBER + "; give one such as 42");
        }
        return Integer.parseInt(v);
    }

    /** A release time as typed in UTC: {@code 2026-03-05T18:00}, {@code 2026-03-05 18:00}, seconds optional. */
    public static Instant time(String typed) {
        String v = typed == null ? "" : typed.strip().replace(' ', 'T');
        if (v.isEmpty()) {
            throw new ShowRefusal("the publish time is empty; give a date and time in UTC such as 2026-03-05T18:00");
        }
        try {
            if (v.length() > 40) {
                throw new DateTimeParseException("too long", v, 0);
            }
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ShowRefusal("the publish time '" + shorten(v) + "' is not a date and time; give one in UTC"
                    + " such as 2026-03-05T18:00");
        }
    }

    /** A link as typed: empty for none, else an absolute http or https address. */
    public static String link(String typed) {
        String v = typed == null ? "" : clean(typed).strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > MAX_LINK) {
            throw new ShowRefusal(
                    "the link has " + v.length() + " characters, more than the " + MAX_LINK + " allowed; shorten it");
        }
        try {
            URI u = new URI(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https"))
                    && u.getHost() != null
                    && !u.getHost().isEmpty()) {
                return v;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new ShowRefusal("the link '" + shorten(v) + "' is not an absolute http or https address; give one"
                + " such as https://example.org/story, or leave it empty");
    }

    private static String oneLine(String value, String field, int max, boolean required) {
        String v = value == null ? "" : clean(value).replaceAll("\\s+", " ").strip();
        if (v.isEmpty() && required) {
            throw new ShowRefusal("the " + field + " is empty; give one");
        }
        if (v.length() > max) {
            throw new ShowRefusal("the " + field + " has " + v.length() + " characters, more than the " + max
                    + " allowed; shorten it");
        }
        return v;
    }

    private static String text(String value, String field, int max) {
        String v = value == null
                ? ""
                : clean(value.replace("\r\n", "\n").replace('\r', '\n')).strip();
        if (v.length() > max) {
            throw new ShowRefusal("the " + field + " has " + v.length() + " characters, more than the " + max
                    + " allowed; shorten it");
        }
        return v;
    }

    /** {@code text} without control characters other than line ends and tabs, and without broken surrogates. */
    static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> cp == '\n'
                        || cp == '\t'
                        || !Character.isISOControl(cp)
                                && Character.getType(cp) != Character.SURROGATE
                                && cp != 0xFFFE
                                && cp != 0xFFFF)
                .forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String slug(String title, int number) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (s.length() > 80) {
            s = s.substring(0, 80).replaceAll("-$", "");
        }
        return s.isEmpty() ? "episode-" + number : s;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** The episode numbered {@code number} as typed in an address, if there is one. */
    public Optional<Episode> episode(String number) {
        return number != null && number.matches("[0-9]{1,6}")
                ? episodes.episode(Integer.parseInt(number))
                : Optional.empty();
    }
}
