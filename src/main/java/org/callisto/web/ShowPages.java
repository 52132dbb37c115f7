package org.callisto.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.show.Chapters;
import org.callisto.show.Episode;
import org.callisto.show.EpisodeDownloads;
import org.callisto.show.EpisodeNotes;
import org.callisto.show.EpisodePublishingStore;
import org.callisto.show.Guest;
import org.callisto.show.NoteItem;
import org.callisto.show.PodcastFeed;
import org.callisto.show.PodcastFeedWriter;
import org.callisto.show.Rendition;
import org.callisto.show.RenditionKind;
import org.callisto.show.Section;
import org.callisto.show.ShowNotesHtml;
import org.callisto.show.ShowSettings;
import org.callisto.show.ShowStores;
import org.callisto.show.ShowUrls;
import org.callisto.show.Transcript;
import org.callisto.show.media.MediaException;
import org.callisto.show.media.MediaInspector;
import org.callisto.web.view.DownloadsPage;
import org.callisto.web.view.EmbedPage;
import org.callisto.web.view.EpisodePage;
import org.callisto.web.view.EpisodeView;
import org.callisto.web.view.EpisodesPage;

/**
 * The show on the web: the archive {@code /episodes}, episode pages {@code /episodes/{number}}, the podcast feeds
 * {@code /show/feeds/NAME.xml}, JSON chapters {@code /show/{number}/chapters.json}, and the media files and their
 * torrents, and transcripts {@code /media/PATH}; an episode's embeddable player {@code /episodes/{number}/embed} and
 * its oEmbed description {@code /oembed}; editors' previews of an episode's page and feed item. Only episodes
 * released by now are shown, except in previews. Pages, feeds and
 * chapters are returned as {@link Rendered} for the show's own {@code PageCache}, whose version is
 * {@link org.callisto.show.ShowChanges#lastChange(java.time.Instant)}; media and transcripts are served from the
 * files. Thread-safe.
 */
final class ShowPages {
    static final String RSS = "application/rss+xml; charset=utf-8";
    static final String TORRENT = "application/x-bittorrent";

    private final Site site;
    private final ShowStores stores;
    private final Path mediaDir;
    private final MediaResponses downloads;
    private final PodcastFeedWriter writer;
    private final ShowUrls local = new ShowUrls(URI.create("/"));
    private final Clock clock;
    private final org.callisto.show.FeedbackStore feedback;
    private final EpisodePublishingStore extras;
    private final ShowUrls absolute;

    ShowPages(
            Site site,
            ShowStores stores,
            Path mediaDir,
            MediaResponses downloads,
            org.callisto.show.FeedbackStore feedback,
            EpisodePublishingStore extras,
            Clock clock) {
        this.site = site;
        this.extras = extras;
        this.absolute = new ShowUrls(site.config().siteUrl());
        this.feedback = feedback;
        this.stores = stores;
        this.mediaDir = mediaDir.toAbsolutePath().normalize();
        this.downloads = downloads;
        this.writer = new PodcastFeedWriter(
                        site.config().siteUrl(), site.config().show().newFeedUrl())
                .withComments(this::discussionUrl);
        this.clock = clock;
    }

    Rendered archive(Context ctx) {
        Optional<ShowSettings> settings = stores.settings().settings();
        String title = settings.map(ShowSettings::title).orElse("Episodes");
        List<EpisodeView> episodes = stores.episodes().episodes().stream()
                .filter(this::released)
                .map(this::view)
                .toList();
        return site.render(
                "episodes.jte",
                new EpisodesPage(
                        site.meta(ctx, "Episodes"),
                        title,
                        settings.map(ShowSettings::description).orElse(""),
                        episodes,
                        settings.isPresent() ? showFeeds() : List.of(),
                        settings.map(ShowSettings::artworkUrl)
                                .map(Format::webUrl)
                                .orElse(null)));
    }

    Rendered episode(Context ctx) {
        return episodePage(ctx, released(ctx.pathParam("number")), false);
    }

    /**
     * {@code /editor/episodes/{number}/preview}: the episode's page as it will be published, released or not, for
     * editors only; never cached.
     */
    void preview(Context ctx) {
        Episode e = forEditor(ctx, "/preview");
        if (e != null) {
            Responses.personal(ctx, episodePage(ctx, e, true));
        }
    }

    /**
     * {@code /editor/episodes/{number}/preview.xml}: the episode's item as its MP3 feed (or its first rendition's)
     * will carry it, in a feed of its own, for editors only.
     */
    void previewFeed(Context ctx) {
        Episode e = forEditor(ctx, "/preview.xml");
        if (e == null) {
            return;
        }
        ShowSettings settings = stores.settings()
                .settings()
                .orElseThrow(() -> PageException.notFound("The show has no feeds yet: save its settings first"
                        + " (callisto show settings --title ...)."));
        EpisodeNotes notes = stores.episodeNotes().notes(e);
        PodcastFeed feed = java.util.Arrays.stream(PodcastFeed.values())
                .filter(f -> !f.torrent() && notes.rendition(f.kind()).isPresent())
                .findFirst()
                .orElseThrow(() -> PageException.notFound("Episode " + e.number() + " has no media yet, so no feed"
                        + " carries it; upload a rendition first."));
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("application/xml; charset=utf-8");
        ctx.result(writer.write(feed, settings, List.of(notes)));
    }

    private Episode forEditor(Context ctx, String suffix) {
        String number = ctx.pathParam("number");
        Session session = AccountPages.requireLogin(ctx, "/editor/episodes/" + Paging.shorten(number) + suffix);
        if (session == null) {
            return null;
        }
        if (!session.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden("Previews are for editors and administrators only.");
        }
        return (number.matches("[0-9]{1,9}")
                        ? stores.episodes().episode(Integer.parseInt(number))
                        : Optional.<Episode>empty())
                .orElseThrow(() -> PageException.notFound("There is no episode " + Paging.shorten(number)
                        + ". The list at /editor/episodes has every one."));
    }

    /** The episode's discussion on this site, absolute, or null. */
    private String discussionUrl(Episode e) {
        Long story = extras.extras(e.id()).storyId();
        return story == null ? null : absolute.site() + "stories/" + story;
    }

    private Rendered episodePage(Context ctx, Episode e, boolean preview) {
        ShowSettings settings = stores.settings().settings().orElse(null);
        EpisodeNotes notes = stores.episodeNotes().notes(e);
        List<EpisodePage.Source> audio = new ArrayList<>();
        List<EpisodePage.Source> video = new ArrayList<>();
        List<EpisodePage.Download> files = new ArrayList<>();
        List<EpisodesPage.Link> feeds = new ArrayList<>();
        for (Rendition r : notes.renditions()) {
            String url = local.media(r.mediaPath());
            (r.kind() == RenditionKind.MP3 ? audio : video).add(new EpisodePage.Source(url, r.mimeType()));
            files.add(new EpisodePage.Download(
                    r.kind().label(),
                    url,
                    r.mimeType(),
                    size(r.length()),
                    duration(r.durationSeconds()),
                    r.hasTorrent() ? local.media(r.torrentPath()) : null));
        }
        if (settings != null) {
            for (PodcastFeed f : PodcastFeed.values()) {
                if (notes.rendition(f.kind()).isPresent()) {
                    feeds.add(new EpisodesPage.Link(feedLabel(f), local.feed(f)));
                }
            }
        }
        List<EpisodePage.NotesSection> sections = new ArrayList<>();
        for (Section s : notes.sections()) {
            if (s.items().isEmpty()) {
                continue;
            }
            List<EpisodePage.Item> items = new ArrayList<>();
            for (NoteItem i : s.items()) {
                items.add(withSource(i, markdown(i.summary())));
            }
            sections.add(new EpisodePage.NotesSection(s.heading(), items));
        }
        List<EpisodePage.Guest> guests = new ArrayList<>();
        for (Guest g : notes.guests()) {
            guests.add(new EpisodePage.Guest(g.name(), Format.webUrl(g.link())));
        }
        String fundingUrl = settings == null ? null : Format.webUrl(settings.fundingUrl());
        String fundingText = settings == null
                        || settings.fundingText() == null
                        || settings.fundingText().isBlank()
                ? "Support the show"
                : settings.fundingText();
        List<EpisodePage.TranscriptLink> transcripts = new ArrayList<>();
        List<EpisodePage.Track> tracks = new ArrayList<>();
        for (Transcript t : notes.transcripts()) {
            boolean absolute = t.location().matches("(?i)https?://.*");
            String url = absolute ? Format.webUrl(t.location()) : local.transcript(t);
            if (url == null) {
                continue;
            }
            String language = t.language() != null && !t.language().isBlank()
                    ? t.language()
                    : settings == null ? null : settings.language();
            transcripts.add(new EpisodePage.TranscriptLink(transcriptLabel(t.mimeType()), url, t.mimeType(), language));
            if (!absolute && t.mimeType().equals("text/vtt")) {
                // same-origin only: a cross-origin track would need CORS and a crossorigin attribute
                tracks.add(new EpisodePage.Track(
                        url, language, language == null ? "Captions" : "Captions (" + language + ")"));
            }
        }
        EpisodeView view = view(e);
        return site.render(
                "episode.jte",
                new EpisodePage(
                        site.meta(ctx, e.number() + ": " + e.title()),
                        settings == null ? "Episodes" : settings.title(),
                        view,
                        audio,
                        video,
                        files,
                        feeds,
                        fundingUrl,
                        fundingText,
                        sections,
                        guests,
                        transcripts,
                        tracks,
                        settings == null ? null : Format.webUrl(settings.artworkUrl()),
                        extras(e, settings, notes, preview)));
    }

    private EpisodePage.Extras extras(Episode e, ShowSettings settings, EpisodeNotes notes, boolean preview) {
        EpisodePublishingStore.Extras x = extras.extras(e.id());
        String playable = notes.rendition(RenditionKind.MP3)
                .or(() -> notes.renditions().stream().findFirst())
                .map(r -> local.media(r.mediaPath()))
                .orElse(null);
        List<EpisodePage.Chapter> chapters = new ArrayList<>();
        for (Chapters.Chapter c : Chapters.read(e.chaptersJson())) {
            long at = (long) Math.floor(c.startTime());
            String start = duration(at);
            chapters.add(new EpisodePage.Chapter(
                    start,
                    c.title().isBlank() ? "Chapter at " + start : c.title(),
                    playable == null ? null : playable + "#t=" + at));
        }
        return new EpisodePage.Extras(
                x.artworkPath() == null ? null : local.media(x.artworkPath()),
                x.posterPath() == null ? null : local.media(x.posterPath()),
                chapters,
                settings == null ? List.of() : SubscribeLinks.of(absolute.feed(PodcastFeed.ITUNES), settings.title()),
                x.storyId() == null ? null : "/stories/" + x.storyId(),
                "/episodes/" + e.number() + "/embed",
                "/oembed?url="
                        + java.net.URLEncoder.encode(absolute.episode(e), java.nio.charset.StandardCharsets.UTF_8)
                        + "&format=json",
                preview);
    }

    /**
     * {@code /episodes/{number}/embed}: the episode's player alone, for other sites to frame (the one page whose
     * Content-Security-Policy allows any {@code frame-ancestors}; see {@link SecurityHeaders#embeddable}).
     */
    Rendered embed(Context ctx) {
        Episode e = released(ctx.pathParam("number"));
        ShowSettings settings = stores.settings().settings().orElse(null);
        EpisodeNotes notes = stores.episodeNotes().notes(e);
        EpisodePublishingStore.Extras x = extras.extras(e.id());
        List<EpisodePage.Source> audio = new ArrayList<>();
        List<EpisodePage.Source> video = new ArrayList<>();
        for (Rendition r : notes.renditions()) {
            (r.kind() == RenditionKind.MP3 ? audio : video)
                    .add(new EpisodePage.Source(local.media(r.mediaPath()), r.mimeType()));
        }
        String artwork = x.artworkPath() != null
                ? local.media(x.artworkPath())
                : settings == null ? null : Format.webUrl(settings.artworkUrl());
        return site.render(
                "embed.jte",
                new EmbedPage(
                        e.number() + ": " + e.title(),
                        settings == null ? site.config().siteTitle() : settings.title(),
                        absolute.episode(e),
                        artwork,
                        audio,
                        video,
                        x.posterPath() == null ? null : local.media(x.posterPath())));
    }

    /**
     * {@code /oembed?url=EPISODE_PAGE&format=json}: the oEmbed 1.0 description of an episode's page (or its embed
     * page), a {@code rich} type whose HTML frames the embeddable player. 404 for any other address, 501 for a
     * format other than JSON (as oEmbed says).
     */
    Rendered oembed(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null && !format.equalsIgnoreCase("json")) {
            throw new PageException(501, "Only format=json is offered; ask for /oembed?url=...&format=json.");
        }
        String url = ctx.queryParam("url");
        String prefix = absolute.site() + "episodes/";
        java.util.regex.Matcher m = url == null
                ? null
                : java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix) + "([0-9]{1,9})(/embed)?/?")
                        .matcher(url.strip());
        if (m == null || !m.matches()) {
            throw PageException.notFound("oEmbed describes this site's episode pages only, such as " + prefix
                    + "1; the url parameter was '" + Paging.shorten(url == null ? "" : url) + "'.");
        }
        Episode e = released(m.group(1));
        ShowSettings settings = stores.settings().settings().orElse(null);
        int width = bounded(ctx.queryParam("maxwidth"), 600);
        int height = Math.min(bounded(ctx.queryParam("maxheight"), 200), 200);
        String embed = absolute.site() + "episodes/" + e.number() + "/embed";
        com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
        o.put("version", "1.0");
        o.put("type", "rich");
        o.put("title", e.number() + ": " + e.title());
        o.put("provider_name", settings == null ? site.config().siteTitle() : settings.title());
        o.put("provider_url", absolute.site());
        o.put("width", width);
        o.put("height", height);
        o.put(
                "html",
                "<iframe src=\"" + embed + "\" width=\"" + width + "\" height=\"" + height
                        + "\" title=\"" + attribute(e.number() + ": " + e.title())
                        + "\" loading=\"lazy\" style=\"border:0\"></iframe>");
        EpisodePublishingStore.Extras x = extras.extras(e.id());
        String artwork = x.artworkPath() != null
                ? absolute.media(x.artworkPath())
                : settings == null ? null : Format.webUrl(settings.artworkUrl());
        if (artwork != null) {
            o.put("thumbnail_url", artwork);
        }
        try {
            return new Rendered("application/json; charset=utf-8", JSON.writeValueAsBytes(o));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("web: cannot write oEmbed JSON", ex);
        }
    }

    /** {@code s} escaped for a double-quoted HTML attribute (the five characters HTML gives meaning to). */
    private static String attribute(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** A positive size asked for ({@code maxwidth}), at most {@code max}; {@code max} when absent or not a number. */
    private static int bounded(String asked, int max) {
        if (asked == null || !asked.strip().matches("[0-9]{1,6}")) {
            return max;
        }
        return Math.max(1, Math.min(max, Integer.parseInt(asked.strip())));
    }

    private static String transcriptLabel(String mimeType) {
        return switch (mimeType) {
            case "text/vtt" -> "Transcript (WebVTT)";
            case "application/x-subrip" -> "Transcript (SRT)";
            default -> "Transcript (plain text)";
        };
    }

    /**
     * {@code /editor/downloads}: the download counts of every rendition, in all and over the last 30 days, for
     * editors only; always rendered afresh and never stored by a cache.
     */
    void downloads(Context ctx) {
        Session session = AccountPages.requireLogin(ctx, "/editor/downloads");
        if (session == null) {
            return;
        }
        if (!session.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden("Download counts are for editors and administrators only.");
        }
        int days = 30;
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        java.time.LocalDate since = today.minusDays(days - 1L);
        Optional<Integer> episode = Optional.empty();
        String wanted = ctx.queryParam("episode");
        if (wanted != null) {
            try {
                episode = Optional.of(Integer.parseInt(wanted.strip()));
            } catch (NumberFormatException e) {
                throw PageException.notFound("There is no episode " + Paging.shorten(wanted)
                        + "; give an episode number, as in /editor/downloads?episode=12.");
            }
        }
        List<EpisodeDownloads> counts = stores.downloads().downloads(since);
        Optional<Integer> chosen = episode;
        String scope = episode.map(n -> counts.stream()
                        .filter(d -> d.number() == n)
                        .findFirst()
                        .map(d -> "episode " + n + ": " + d.title())
                        .orElseThrow(() -> PageException.notFound("Episode " + n + " has no media, so no downloads.")))
                .orElse("all episodes");
        List<DownloadsPage.Row> rows = counts.stream()
                .map(d -> new DownloadsPage.Row(
                        d.number(),
                        d.title(),
                        "/episodes/" + d.number(),
                        "/editor/downloads?episode=" + d.number(),
                        d.kind().label(),
                        d.mediaPath(),
                        d.total(),
                        d.recent()))
                .toList();
        List<org.callisto.show.DownloadStore.DayCount> perDay =
                stores.downloads().perDay(since, today, chosen);
        List<org.callisto.show.DownloadStore.AppCount> perApp =
                stores.downloads().perApp(since, today, chosen);
        Rendered page = site.render(
                "downloads.jte",
                new DownloadsPage(
                        site.meta(ctx, "Downloads"),
                        days,
                        rows,
                        counts.stream().mapToLong(EpisodeDownloads::total).sum(),
                        counts.stream().mapToLong(EpisodeDownloads::recent).sum(),
                        scope,
                        episode.isPresent() ? "/editor/downloads" : null,
                        SvgCharts.columns(
                                "Downloads per day, " + scope,
                                perDay.stream()
                                        .map(d -> new SvgCharts.Bar(d.day().toString(), d.downloads()))
                                        .toList()),
                        SvgCharts.rows(
                                "Downloads per app, " + scope,
                                perApp.stream()
                                        .map(a -> new SvgCharts.Bar(a.app(), a.downloads()))
                                        .toList()),
                        perApp.stream()
                                .map(a -> new DownloadsPage.App(a.app(), a.downloads()))
                                .toList()));
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType(page.contentType());
        ctx.result(page.bytes());
    }

    /**
     * An item of the notes with where it was curated from, said discreetly: "via planet: Feed name" linking the
     * entry (just "via planet" once the entry has expired), "journal story" linking the story, or
     * "listener feedback" (not linked: feedback is not public), except a message imported from the show's public
     * archive: its title links to its page here, and "original message" to where the archive kept it.
     */
    private EpisodePage.Item withSource(NoteItem i, String summaryHtml) {
        String url = itemUrl(i.link());
        if (i.sourceKind() == null) {
            return new EpisodePage.Item(i.title(), url, summaryHtml);
        }
        return switch (i.sourceKind()) {
            case PLANET ->
                site.entries()
                        .entry(i.sourceId())
                        .map(e -> new EpisodePage.Item(
                                i.title(), url, summaryHtml, "via planet: " + e.feedName(), "/entries/" + e.id()))
                        .orElseGet(() -> new EpisodePage.Item(i.title(), url, summaryHtml, "via planet", null));
            case JOURNAL ->
                new EpisodePage.Item(i.title(), url, summaryHtml, "journal story", "/stories/" + i.sourceId());
            case FEEDBACK ->
                feedback.published(i.sourceId())
                        .map(f -> new EpisodePage.Item(
                                i.title(), "/feedback/" + f.id(), summaryHtml, "original message", url))
                        .orElseGet(() -> new EpisodePage.Item(i.title(), url, summaryHtml, "listener feedback", null));
        };
    }

    /**
     * The address an item's title links to: a web address (characters a URI may not hold percent-encoded, as
     * browsers do), or a {@code mailto:} address; null for anything else.
     */
    static String itemUrl(String link) {
        String web = Format.webUrl(link);
        if (web != null || link == null) {
            return web;
        }
        String u = link.strip();
        if (u.matches("(?i)mailto:[^\\s\"'<>]+@[^\\s\"'<>]+")) {
            return u;
        }
        if (!u.matches("(?i)https?://[^\\s\"<>]+")) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (byte c : u.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int v = c & 0xff;
            if (v > 0x20 && v < 0x7f && "|^{}`\\[]".indexOf(v) < 0 || v == '%') {
                b.append((char) v);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", v));
            }
        }
        return Format.webUrl(b.toString());
    }

    /** {@code /show/{number}}: the address older feeds gave episodes, moved to {@code /episodes/{number}}. */
    void oldEpisodeAddress(Context ctx) {
        Episode e = released(ctx.pathParam("number"));
        ctx.redirect("/episodes/" + e.number(), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
    }

    /** Whether the show's feed moved away ({@code show.new_feed_url}), so that its feeds answer 301. */
    boolean feedMoved() {
        return site.config().show().newFeedUrl() != null;
    }

    /** {@code /show/feeds/{file}} once the show moved away: 301 to {@code show.new_feed_url}. */
    void movedFeed(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.redirect(site.config().show().newFeedUrl().toString(), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
    }

    /** {@code /show/feeds/{file}}: one podcast feed. */
    Rendered feed(Context ctx) {
        String file = ctx.pathParam("file");
        PodcastFeed feed = null;
        for (PodcastFeed f : PodcastFeed.values()) {
            if ((f.slug() + ".xml").equals(file)) {
                feed = f;
            }
        }
        if (feed == null) {
            throw PageException.notFound("There is no podcast feed " + Paging.shorten(file)
                    + ". The show's feeds are listed on the episodes page.");
        }
        ShowSettings settings = stores.settings()
                .settings()
                .orElseThrow(
                        () -> PageException.notFound("The show has no feeds yet: its settings have not been saved."));
        byte[] body = writer.write(feed, settings, stores.episodeNotes().released(clock.instant()));
        return new Rendered(RSS, body);
    }

    /** {@code /show/{number}/chapters.json}: the episode's JSON chapters. */
    Rendered chapters(Context ctx) {
        Episode e = released(ctx.pathParam("number"));
        if (e.chaptersJson() == null) {
            throw PageException.notFound("Episode " + e.number() + " has no chapters.");
        }
        return new Rendered("application/json+chapters; charset=utf-8", e.chaptersJson());
    }

    /**
     * The Content-Type of a transcript file in the media directory, by its extension ({@code .vtt}, {@code .srt},
     * {@code .txt}), or null for other files.
     */
    /**
     * {@code image/png} or {@code image/jpeg} when the file's name says so and its first bytes agree (a PNG or
     * JPEG signature), else null: a file named {@code .png} holding anything else is not served as an image.
     */
    static String imageType(Path file) throws IOException {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = lower.endsWith(".png");
        boolean jpeg = lower.endsWith(".jpg") || lower.endsWith(".jpeg");
        if (!png && !jpeg) {
            return null;
        }
        byte[] head = new byte[8];
        int read;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (png
                && read == 8
                && java.util.Arrays.equals(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return "image/png";
        }
        if (jpeg && read >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    static String transcriptType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".vtt")) {
            return "text/vtt; charset=utf-8";
        }
        if (lower.endsWith(".srt")) {
            return "application/x-subrip";
        }
        if (lower.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        return null;
    }

    /** {@code /media/{path}}: a media file or a torrent inside the media directory, nothing else. */
    void media(Context ctx) throws IOException {
        String path = ctx.pathParam("path");
        Path file = inside(mediaDir, path)
                .orElseThrow(() ->
                        PageException.notFound("There is no file " + Paging.shorten(path) + " in the show's media."));
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".torrent")) {
            byte[] torrent = Files.readAllBytes(file);
            ctx.header("Cache-Control", "no-cache");
            ctx.header("Content-Disposition", "attachment");
            ctx.contentType(TORRENT);
            ctx.header("Content-Length", Long.toString(torrent.length));
            if (!ctx.method().name().equals("HEAD")) {
                ctx.result(torrent);
            }
            return;
        }
        String transcript = transcriptType(file.getFileName().toString());
        if (transcript != null) {
            // podcast apps and web players fetch transcripts from other origins
            ctx.header("Access-Control-Allow-Origin", "*");
            downloads.serveFile(ctx, file, transcript);
            return;
        }
        String image = imageType(file);
        if (image != null) {
            // the show's artwork and other images: podcast directories fetch them from anywhere
            ctx.header("Access-Control-Allow-Origin", "*");
            downloads.serveFile(ctx, file, image);
            return;
        }
        try {
            downloads.serve(ctx, MediaInspector.inspect(file), path);
        } catch (MediaException e) {
            throw PageException.notFound("There is no media file " + Paging.shorten(path) + ".");
        }
    }

    /**
     * The regular file {@code path} names inside {@code dir} (absolute and normalized), or empty: absolute paths,
     * {@code ..} segments, hidden files and links leading outside the directory are refused.
     */
    static Optional<Path> inside(Path dir, String path) {
        if (path == null
                || path.isEmpty()
                || path.indexOf('\0') >= 0
                || path.indexOf('\\') >= 0
                || path.startsWith("/")) {
            return Optional.empty();
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return Optional.empty();
            }
        }
        try {
            Path file = dir.resolve(path).normalize();
            if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Path real = file.toRealPath();
            return real.startsWith(dir.toRealPath()) ? Optional.of(real) : Optional.empty();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private List<EpisodesPage.Link> showFeeds() {
        List<EpisodesPage.Link> feeds = new ArrayList<>();
        for (PodcastFeed f : PodcastFeed.values()) {
            feeds.add(new EpisodesPage.Link(feedLabel(f), local.feed(f)));
        }
        return feeds;
    }

    private static String feedLabel(PodcastFeed f) {
        return f == PodcastFeed.ITUNES ? "iTunes feed (MP3)" : f.label() + " feed";
    }

    private Episode released(String number) {
        Optional<Episode> e =
                number.matches("[0-9]{1,9}") ? stores.episodes().episode(Integer.parseInt(number)) : Optional.empty();
        return e.filter(this::released)
                .orElseThrow(() -> PageException.notFound(
                        "There is no episode " + Paging.shorten(number) + ". The archive lists every episode."));
    }

    private boolean released(Episode e) {
        return !e.publishedAt().isAfter(clock.instant());
    }

    private EpisodeView view(Episode e) {
        return new EpisodeView(
                e.number(),
                e.title(),
                "/episodes/" + e.number(),
                Format.iso(e.publishedAt()),
                Format.human(e.publishedAt()),
                markdown(e.summary()));
    }

    private String markdown(String text) {
        return ShowNotesHtml.markdown(text, site.config().siteUrl().toString());
    }

    /** "1.2 MB", "980 kB", "512 bytes" (decimal units, as file managers show them). */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        do {
            v /= 1000;
            u++;
        } while (v >= 1000 && u < units.length - 1);
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    /** {@code H:MM:SS}, or {@code M:SS} under an hour. */
    static String duration(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
