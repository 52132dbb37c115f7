package org.callisto.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.callisto.planet.Entry;
import org.callisto.show.Episode;
import org.callisto.show.EpisodeDraft;
import org.callisto.show.EpisodeType;
import org.callisto.show.Guest;
import org.callisto.show.NoteItem;
import org.callisto.show.PodcastGuid;
import org.callisto.show.RenditionException;
import org.callisto.show.RenditionKind;
import org.callisto.show.Renditions;
import org.callisto.show.Section;
import org.callisto.show.ShowSettings;
import org.callisto.show.ShowStores;
import org.callisto.show.SourceKind;
import org.callisto.show.Transcript;
import org.callisto.show.TranscriptStore;

/**
 * The demo's podcast show: settings, two episodes with curated notes (items taken from the demo planet's entries,
 * one pointing at the journal), guests, and media generated on the spot by {@link DemoMedia}: an MP3 and an HD MP4
 * per episode, each with its torrent, and a WebVTT and an SRT transcript of the latest episode. Running it again on the same data updates the same episodes.
 */
public final class DemoShow {
    /** Where the demo's files go, inside the media directory. */
    public static final String FOLDER = "demo";

    /** The demo transcript's cues, two seconds each: the episode is silent, so the words are about that. */
    static final List<String> TRANSCRIPT = List.of(
            "Host: Welcome to Callisto Demo Weekly.",
            "Host: This week, bhyve meets libvirt.",
            "Guest: And the media are silent, so this transcript is all there is to hear.");

    private DemoShow() {}

    /**
     * Creates or updates the demo show.
     *
     * @param siteUrl the running site's address, for links to its own pages
     * @param entries the demo planet's entries, newest first, to curate notes from
     * @return the episodes, oldest first
     */
    public static List<Episode> create(
            ShowStores store, Renditions renditions, Path mediaDir, String siteUrl, List<Entry> entries, Instant now) {
        String base = siteUrl.endsWith("/") ? siteUrl : siteUrl + "/";
        Path folder = mediaDir.resolve(FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("demo: cannot create the media directory " + folder, e);
        }
        write(folder.resolve("artwork.png"), DemoMedia.artworkPng());
        store.settings()
                .saveSettings(new ShowSettings(
                        "Callisto Demo Weekly",
                        "A short weekly show about the BSDs and the stories of the demo planet. The media are silent.",
                        "en",
                        "The Callisto demo crew",
                        "Demo Host",
                        "host@callisto.example",
                        base + "media/" + FOLDER + "/artwork.png",
                        List.of("Technology", "News/Tech News"),
                        false,
                        base + "episodes",
                        "Support the show",
                        "feedback@callisto.example",
                        PodcastGuid.of(base + "show/feeds/itunes.xml"),
                        false));
        List<Episode> episodes = new ArrayList<>();
        Instant day = now.truncatedTo(ChronoUnit.HOURS);
        episodes.add(episode(
                store,
                1,
                "Ports, packages and poudriere",
                day.minus(Duration.ofDays(7)),
                "Package building habits, and what a morning `pkg audit` catches.",
                List.of(new Guest("Dana Whitfield", null)),
                notes(base, entries, 0)));
        episodes.add(episode(
                store,
                2,
                "bhyve meets libvirt",
                day.minus(Duration.ofHours(2)),
                "The first libvirt release with a **bhyve** driver, and the week's news.",
                List.of(new Guest("Roman Novak", null), new Guest("Ines Carvalho", null)),
                notes(base, entries, 3)));
        for (Episode e : episodes) {
            String name = "episode-" + e.number();
            write(folder.resolve(name + ".mp3"), DemoMedia.silentMp3(4 + e.number(), 64));
            write(folder.resolve(name + "-hd.mp4"), DemoMedia.tinyMp4(4 + e.number()));
            try {
                renditions.add(e.number(), RenditionKind.MP3, Path.of(FOLDER, name + ".mp3"));
                renditions.add(e.number(), RenditionKind.HD, Path.of(FOLDER, name + "-hd.mp4"));
            } catch (RenditionException x) {
                throw new IllegalStateException("demo: " + x.getMessage(), x);
            }
        }
        // The latest episode has a transcript in both timed formats, served from the media directory.
        Episode latest = episodes.getLast();
        String name = "episode-" + latest.number();
        write(folder.resolve(name + ".vtt"), DemoMedia.transcriptVtt(TRANSCRIPT));
        write(folder.resolve(name + ".srt"), DemoMedia.transcriptSrt(TRANSCRIPT));
        TranscriptStore transcripts = store.transcripts();
        transcripts.saveTranscript(latest.id(), new Transcript(FOLDER + "/" + name + ".vtt", "text/vtt", "en"));
        transcripts.saveTranscript(
                latest.id(), new Transcript(FOLDER + "/" + name + ".srt", "application/x-subrip", "en"));
        return episodes;
    }

    private static Episode episode(
            ShowStores store,
            int number,
            String title,
            Instant at,
            String summary,
            List<Guest> guests,
            List<Section> sections) {
        String slug = title.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        Episode e = store.episodes()
                .saveEpisode(new EpisodeDraft(number, 1, title, slug, at, summary, EpisodeType.FULL, false, null));
        store.notes().setNotes(e.id(), sections);
        store.guests().setGuests(e.id(), guests);
        return e;
    }

    /** Headlines from three planet entries (from {@code first}), a journal pointer, a roundup and feedback. */
    private static List<Section> notes(String base, List<Entry> entries, int first) {
        List<NoteItem> headlines = new ArrayList<>();
        for (Entry entry : entries.stream().skip(first).limit(3).toList()) {
            headlines.add(new NoteItem(
                    entry.title(),
                    base + "entries/" + entry.id(),
                    "From " + entry.feedName() + " on the planet.",
                    SourceKind.PLANET,
                    entry.id()));
        }
        if (headlines.isEmpty()) {
            headlines.add(NoteItem.of("The demo planet", base, "Every blog the demo follows, newest first."));
        }
        return List.of(
                new Section("Headlines", headlines),
                new Section(
                        "News Roundup",
                        List.of(
                                NoteItem.of(
                                        "The community journal",
                                        base + "journal",
                                        "Members submit stories; editors publish them. Send yours for next week."),
                                NoteItem.of("FreeBSD", "https://www.freebsd.org/", "The project's home page."))),
                new Section(
                        "Feedback/Questions",
                        List.of(NoteItem.of(
                                "A listener asks whether silence compresses well",
                                null,
                                "It does: these demo files are a few kilobytes."))));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("demo: cannot write " + file, e);
        }
    }
}
