package org.callisto.show;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.callisto.planet.fetch.FeedFetcher;
import org.callisto.planet.fetch.FetchRequest;
import org.callisto.planet.fetch.FetchResult;
import org.callisto.planet.parse.Enclosure;
import org.callisto.planet.parse.FeedParseException;
import org.callisto.planet.parse.FeedParser;
import org.callisto.planet.parse.ParsedEntry;
import org.callisto.planet.parse.ParsedFeed;

/**
 * Imports an existing podcast from its feed ({@code callisto show import-feed}): the show's settings and
 * Podcasting 2.0 tags, and every episode with its guid kept exactly as the feed writes it (so apps see no new
 * episodes), its enclosure kept remote or downloaded, its chapters (the {@code podcast:chapters} document fetched,
 * or Podlove Simple Chapters), transcripts (kept as links) and tags. Every URL goes through the planet's
 * {@link FeedFetcher}, with its guards and limits; media files are streamed to disk.
 *
 * <p>Idempotent: what the store already says is not written again, so a second import changes nothing and the
 * show's change time stays; a newer feed updates what changed. An episode already imported is found by its guid
 * and keeps its number; a new one takes its {@code itunes:episode} number when free, else the next free number,
 * oldest first. Each item that cannot be imported is reported with what was done, and the others are imported.
 *
 * <p>Not thread-safe: one import at a time (the stores it writes through are thread-safe).
 */
public final class FeedImport {
    /** Media larger than this are not downloaded (kept remote): 2 GiB, about three hours of HD video. */
    public static final long MAX_MEDIA_BYTES = 2L << 30;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShowStores stores;
    private final Renditions renditions;
    private final Path mediaDir;
    private final FeedFetcher fetcher;
    private final FeedFetcher mediaFetcher;
    private final Clock clock;

    /** What to do besides reading. */
    public record Options(boolean downloadMedia, boolean dryRun) {}

    /** What happened to one episode: added, updated, unchanged or failed, and the remarks on it. */
    public enum Outcome {
        ADDED,
        UPDATED,
        UNCHANGED,
        SKIPPED,
        FAILED
    }

    /** One item of the feed: its guid and title, its episode number, what happened and the remarks. */
    public record Item(String guid, String title, int number, Outcome outcome, List<String> remarks) {}

    /** The whole import: whether the settings changed, the show-level remarks and each item. */
    public record Report(boolean settingsChanged, List<String> remarks, List<Item> items) {
        /** How many items had {@code outcome}. */
        public long count(Outcome outcome) {
            return items.stream().filter(i -> i.outcome() == outcome).count();
        }
    }

    /**
     * @param fetcher      fetches chapters documents
     * @param mediaFetcher fetches media files (longer timeouts); may be the same
     */
    public FeedImport(
            ShowStores stores,
            Renditions renditions,
            Path mediaDir,
            FeedFetcher fetcher,
            FeedFetcher mediaFetcher,
            Clock clock) {
        this.stores = stores;
        this.renditions = renditions;
        this.mediaDir = mediaDir.toAbsolutePath().normalize();
        this.fetcher = fetcher;
        this.mediaFetcher = mediaFetcher;
        this.clock = clock;
    }

    /**
     * Imports the feed in {@code body}.
     *
     * @param source the feed's URL or file name, for relative URLs and messages
     * @throws IllegalArgumentException when the bytes are no feed at all, naming {@code source}
     */
    public Report importFeed(byte[] body, String contentType, String source, Options options) {
        ParsedFeed feed;
        try {
            feed = new FeedParser().parseWithFields(body, contentType, source);
        } catch (FeedParseException e) {
            throw new IllegalArgumentException(source + " is not a feed: " + e.getMessage(), e);
        }
        List<String> remarks = new ArrayList<>();
        feed.problems().stream().limit(5).forEach(p -> remarks.add("feed problem " + p + "; read as far as possible"));
        Map<String, Object> channel = podcast(feed.fields().feed());
        boolean settingsChanged = settings(feed, channel, source, options, remarks);
        List<Map<String, Object>> fields = feed.fields().entries();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < feed.entries().size(); i++) {
            order.add(i);
        }
        // oldest first, so that numbers given to unnumbered episodes follow their release order
        order.sort(Comparator.comparing(
                (Integer i) -> feed.entries().get(i).published(), Comparator.nullsFirst(Comparator.naturalOrder())));
        Set<Integer> taken = new HashSet<>();
        stores.episodes().episodes().forEach(e -> taken.add(e.number()));
        Set<String> seen = new HashSet<>();
        List<Item> items = new ArrayList<>();
        for (int i : order) {
            ParsedEntry entry = feed.entries().get(i);
            Map<String, Object> podcast = i < fields.size() ? podcast(fields.get(i)) : Map.of();
            List<String> notes = new ArrayList<>();
            String guid = guid(entry);
            try {
                items.add(episode(entry, podcast, channel, guid, taken, seen, options, notes));
            } catch (RuntimeException e) {
                notes.add("failed: " + e.getMessage() + "; the other episodes are imported, fix and import again");
                items.add(new Item(guid, title(entry), -1, Outcome.FAILED, notes));
            }
        }
        return new Report(settingsChanged, remarks, items);
    }

    private boolean settings(
            ParsedFeed feed, Map<String, Object> p, String source, Options options, List<String> remarks) {
        Optional<ShowSettings> old = stores.settings().settings();
        JsonNode j = JSON.valueToTree(p);
        List<String> categories = new ArrayList<>();
        for (JsonNode c : j.path("categories")) {
            String parent = c.path("text").asText().strip();
            List<String> subs = new ArrayList<>();
            c.path("subcategories")
                    .forEach(s -> subs.add(parent + "/" + s.asText().strip()));
            for (String category : subs.isEmpty() ? List.of(parent) : subs) {
                try {
                    AppleCategories.check(category);
                    categories.add(category);
                } catch (IllegalArgumentException e) {
                    remarks.add("category " + category + " left out: " + e.getMessage());
                }
            }
        }
        if (categories.isEmpty()) {
            categories = old.map(ShowSettings::categories).orElse(List.of("Technology"));
            remarks.add("the feed has no Apple category Callisto knows; kept " + String.join(", ", categories)
                    + " (change it with show settings --category)");
        }
        JsonNode funding = j.path("funding").path(0);
        JsonNode locked = j.path("locked");
        String guid = FeedTagsReader.s(j, "guid");
        String title = or(feed.title(), old.map(ShowSettings::title).orElse(source));
        String description = or(
                or(FeedTagsReader.s(j, "summary"), plain(feed.description())),
                old.map(ShowSettings::description).orElse(""));
        ShowSettings s = new ShowSettings(
                title,
                description,
                or(feed.language() == null ? null : feed.language().toLowerCase(Locale.ROOT), "en"),
                or(
                        FeedTagsReader.s(j, "author"),
                        or(old.map(ShowSettings::author).orElse(null), title)),
                or(
                        FeedTagsReader.s(j.path("owner"), "name"),
                        old.map(ShowSettings::ownerName).orElse("")),
                or(
                        FeedTagsReader.s(j.path("owner"), "email"),
                        old.map(ShowSettings::ownerEmail).orElse("")),
                or(
                        FeedTagsReader.s(j, "image"),
                        or(feed.imageUrl(), old.map(ShowSettings::artworkUrl).orElse(""))),
                categories,
                j.path("explicit").asBoolean(false),
                FeedTagsReader.s(funding, "url"),
                FeedTagsReader.s(funding, "text") == null ? null : shorten(FeedTagsReader.s(funding, "text"), 128),
                old.map(ShowSettings::feedbackAddress).orElse(null),
                guid != null ? guid : old.map(ShowSettings::podcastGuid).orElse(PodcastGuid.of(source)),
                locked.isObject()
                        ? locked.path("locked").asBoolean()
                        : old.map(ShowSettings::locked).orElse(false));
        PodcastTags.Channel tags = FeedTagsReader.channel(p);
        boolean same = old.isPresent()
                && old.get()
                        .equals(new ShowSettings(
                                s.title(),
                                s.description(),
                                s.language(),
                                s.author(),
                                s.ownerName(),
                                s.ownerEmail(),
                                s.artworkUrl(),
                                s.categories(),
                                s.explicit(),
                                s.fundingUrl(),
                                s.fundingText(),
                                s.feedbackAddress(),
                                s.podcastGuid(),
                                s.locked(),
                                old.get().tags()));
        boolean sameTags = old.isPresent() && old.get().tags().equals(tags);
        if (!options.dryRun()) {
            if (!same) {
                stores.settings().saveSettings(s);
            }
            if (!sameTags) {
                stores.settings().saveTags(tags);
            }
        }
        return !same || !sameTags;
    }

    private Item episode(
            ParsedEntry entry,
            Map<String, Object> podcast,
            Map<String, Object> channel,
            String guid,
            Set<Integer> taken,
            Set<String> seen,
            Options options,
            List<String> notes) {
        String title = title(entry);
        if (guid == null) {
            notes.add("no guid and no enclosure: skipped, as podcast apps could not tell it from the others");
            return new Item(null, title, -1, Outcome.SKIPPED, notes);
        }
        if (!seen.add(guid)) {
            notes.add("a second item with guid " + guid + ": skipped, the first one is kept");
            return new Item(guid, title, -1, Outcome.SKIPPED, notes);
        }
        Enclosure enclosure = entry.enclosures().stream()
                .filter(e -> e.url() != null && Rendition.isRemote(e.url()))
                .findFirst()
                .orElse(null);
        if (enclosure == null) {
            notes.add("no http(s) enclosure: skipped, an episode needs its media");
            return new Item(guid, title, -1, Outcome.SKIPPED, notes);
        }
        if (entry.id() == null) {
            notes.add("no guid: the enclosure URL is its guid, as podcast apps take it");
        }
        JsonNode p = JSON.valueToTree(podcast);
        Optional<Episode> old = stores.episodes().byGuid(guid);
        int number;
        if (old.isPresent()) {
            number = old.get().number();
        } else {
            int wanted = p.path("episode")
                    .asInt(p.path("podcast_episode").path("number").asInt(0));
            if (wanted > 0 && !taken.contains(wanted)) {
                number = wanted;
            } else {
                number = taken.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
                if (wanted > 0) {
                    notes.add("its number " + wanted + " is another episode's: numbered " + number);
                }
            }
        }
        taken.add(number);
        Instant published = entry.published() != null
                ? entry.published()
                : entry.updated() != null ? entry.updated() : clock.instant();
        if (entry.published() == null) {
            notes.add("no pubDate: dated " + published);
        }
        JsonNode season = p.path("season");
        EpisodeDraft draft = new EpisodeDraft(
                number,
                season.isInt() && season.asInt() > 0 ? season.asInt() : null,
                title,
                slug(title, number),
                published,
                summary(entry),
                type(FeedTagsReader.s(p, "episode_type")),
                p.path("explicit")
                        .asBoolean(JSON.valueToTree(channel).path("explicit").asBoolean(false)),
                guid);
        boolean changed = old.isEmpty() || !same(old.get(), draft);
        if (options.dryRun()) {
            return new Item(
                    guid,
                    title,
                    number,
                    old.isEmpty() ? Outcome.ADDED : changed ? Outcome.UPDATED : Outcome.UNCHANGED,
                    notes);
        }
        Episode e = changed ? stores.episodes().saveEpisode(draft) : old.get();
        changed |= media(e, enclosure, p, options, notes);
        changed |= chapters(e, podcast, p, notes);
        changed |= transcripts(e, p, notes);
        PodcastTags.Item tags = FeedTagsReader.item(podcast);
        if (!tags.equals(e.tags())) {
            stores.episodes().setTags(e.id(), tags);
            changed = true;
        }
        return new Item(
                guid,
                title,
                number,
                old.isEmpty() ? Outcome.ADDED : changed ? Outcome.UPDATED : Outcome.UNCHANGED,
                notes);
    }

    /** Keeps the enclosure remote, or downloads it; true when the stored rendition changed. */
    private boolean media(Episode e, Enclosure enclosure, JsonNode p, Options options, List<String> notes) {
        String type = enclosure.type() == null
                ? "audio/mpeg"
                : enclosure.type().toLowerCase(Locale.ROOT).strip();
        RenditionKind kind = type.startsWith("video/") ? RenditionKind.HD : RenditionKind.MP3;
        Optional<Rendition> old = stores.renditions().renditions(e.id()).stream()
                .filter(r -> r.kind() == kind)
                .findFirst();
        if (options.downloadMedia()) {
            if (old.isPresent()
                    && !old.get().remote()
                    && Files.isRegularFile(mediaDir.resolve(old.get().mediaPath()))) {
                return false;
            }
            String downloaded = download(e, enclosure, kind, notes);
            if (downloaded != null) {
                return true;
            }
        }
        long durationMs = p.path("duration").asLong(0) * 1000;
        Rendition remote = Rendition.remote(kind, enclosure.url(), type, Math.max(0, enclosure.length()), durationMs);
        if (old.isPresent() && !old.get().remote() && !options.downloadMedia()) {
            return false; // downloaded by an earlier import: keep the local copy
        }
        if (old.isPresent() && old.get().equals(remote)) {
            return false;
        }
        stores.renditions().saveRendition(e.id(), remote);
        return true;
    }

    /** Downloads the enclosure into the media directory and adds it; null (remarked) when that fails. */
    private String download(Episode e, Enclosure enclosure, RenditionKind kind, List<String> notes) {
        URI address = uri(enclosure.url());
        if (address == null) {
            notes.add("media not downloaded: " + enclosure.url() + " is not a URL; kept remote");
            return null;
        }
        String name = address.getPath();
        name = name == null || name.isEmpty() ? "" : name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isEmpty() || name.startsWith(".")) {
            name = "episode-" + e.number() + (kind == RenditionKind.MP3 ? ".mp3" : ".mp4");
        }
        Path relative = Path.of("imported", Integer.toString(e.number()), name);
        Path file = mediaDir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Path part = file.resolveSibling(name + ".part");
            FetchResult result = mediaFetcher.fetch(FetchRequest.download(address, part, MAX_MEDIA_BYTES));
            if (result.outcome() != FetchResult.Outcome.OK) {
                Files.deleteIfExists(part);
                notes.add("media not downloaded (" + or(result.message(), "HTTP " + result.status())
                        + "); kept remote at " + enclosure.url());
                return null;
            }
            Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            renditions.add(e.number(), kind, relative);
            notes.add("media downloaded to " + relative.toString().replace('\\', '/'));
            return relative.toString();
        } catch (IOException | RenditionException | RuntimeException ex) {
            notes.add("media downloaded but not usable (" + ex.getMessage() + "); kept remote at " + enclosure.url());
            return null;
        }
    }

    /** The chapters: {@code podcast:chapters} fetched and checked, else Podlove Simple Chapters. */
    private boolean chapters(Episode e, Map<String, Object> podcast, JsonNode p, List<String> notes) {
        String json = FeedTagsReader.podloveChapters(podcast);
        String url = FeedTagsReader.s(p.path("chapters_url"), "url");
        URI address = url == null ? null : uri(url);
        if (url != null && address == null) {
            notes.add("chapters " + url + " is not a URL; "
                    + (json == null ? "no chapters kept" : "Podlove chapters kept"));
        }
        if (address != null) {
            FetchResult r = fetcher.fetch(new FetchRequest(address, null, null));
            if (r.outcome() == FetchResult.Outcome.OK) {
                try {
                    json = Chapters.check("chapters " + url, new String(r.body(), StandardCharsets.UTF_8).strip());
                } catch (IllegalArgumentException ex) {
                    notes.add(ex.getMessage() + (json == null ? "; no chapters kept" : "; Podlove chapters kept"));
                }
            } else {
                notes.add("chapters not fetched (" + or(r.message(), "HTTP " + r.status()) + ")"
                        + (json == null ? "; kept as before" : "; Podlove chapters kept"));
                if (json == null) {
                    return false;
                }
            }
        }
        if (json == null || json.equals(e.chaptersJson())) {
            return false;
        }
        stores.episodes().setChapters(e.id(), json);
        return true;
    }

    /** Transcripts kept as links, in the formats Callisto serves. */
    private boolean transcripts(Episode e, JsonNode p, List<String> notes) {
        List<Transcript> have = stores.transcripts().transcripts(e.id());
        boolean changed = false;
        for (JsonNode t : p.path("transcripts")) {
            String url = FeedTagsReader.s(t, "url");
            String type = FeedTagsReader.s(t, "type");
            String mime = type == null
                    ? null
                    : switch (type.toLowerCase(Locale.ROOT)) {
                        case "text/vtt" -> "text/vtt";
                        case "application/x-subrip", "application/srt", "text/srt" -> "application/x-subrip";
                        case "text/plain" -> "text/plain";
                        default -> null;
                    };
            if (url == null || !Rendition.isRemote(url) || mime == null) {
                notes.add("transcript " + url + " (" + type + ") left out: Callisto serves WebVTT, SubRip and"
                        + " plain text transcripts");
                continue;
            }
            String language = FeedTagsReader.s(t, "language");
            if (language != null && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                language = null;
            }
            Transcript transcript =
                    new Transcript(url, mime, language == null ? null : language.toLowerCase(Locale.ROOT));
            if (!have.contains(transcript)) {
                stores.transcripts().saveTranscript(e.id(), transcript);
                changed = true;
            }
        }
        return changed;
    }

    private static boolean same(Episode e, EpisodeDraft d) {
        return e.title().equals(d.title())
                && e.slug().equals(d.slug())
                && e.publishedAt().equals(d.publishedAt())
                && e.summary().equals(d.summary())
                && e.type() == d.type()
                && e.explicit() == d.explicit()
                && Objects.equals(e.season(), d.season());
    }

    /** The guid exactly as the feed writes it, else the enclosure URL (what apps fall back to), else null. */
    private static String guid(ParsedEntry entry) {
        if (entry.id() != null && !entry.id().isBlank()) {
            return entry.id().strip(); // as podcast apps compare it
        }
        return entry.enclosures().isEmpty()
                ? null
                : entry.enclosures().getFirst().url();
    }

    private static String title(ParsedEntry entry) {
        return entry.title() == null || entry.title().isBlank()
                ? "Untitled"
                : entry.title().strip();
    }

    /** The item's HTML (content:encoded, else description) as the summary: Markdown keeps HTML blocks. */
    private static String summary(ParsedEntry entry) {
        String html = entry.content() != null && !entry.content().isBlank() ? entry.content() : entry.summary();
        if (html == null) {
            return "";
        }
        // leading spaces would make Markdown code blocks of indented HTML
        return html.strip().replaceAll("(?m)^[ \\t]+", "");
    }

    private static EpisodeType type(String s) {
        if (s == null) {
            return EpisodeType.FULL;
        }
        try {
            return EpisodeType.of(s);
        } catch (IllegalArgumentException e) {
            return EpisodeType.FULL;
        }
    }

    private static String slug(String title, int number) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (s.length() > 80) {
            s = s.substring(0, 80).replaceAll("-$", "");
        }
        return s.isEmpty() ? "episode-" + number : s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> podcast(Map<String, Object> fields) {
        Object p = fields == null ? null : fields.get("podcast");
        return p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The URL, with spaces encoded as feeds in the wild need, or null when it is none. */
    private static URI uri(String url) {
        try {
            return new URI(url.strip().replace(" ", "%20"));
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String plain(String html) {
        return html == null
                ? null
                : org.callisto.html.HtmlText.toPlainText(html).strip();
    }

    private static String or(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
