package org.callisto.show;

import java.time.Instant;
import java.util.Objects;

/**
 * One episode as stored. Immutable.
 *
 * @param id           the database id
 * @param number       the episode number, unique in the show ({@code itunes:episode})
 * @param season       the season number, or null
 * @param title        the title, without the number or the show's name (Apple's rule)
 * @param slug         a URL-friendly name, e.g. {@code zfs-on-the-desktop}
 * @param publishedAt  when it was or will be released
 * @param summary      a short description, Markdown
 * @param type         full, trailer or bonus
 * @param explicit     whether this episode is explicit
 * @param guid         the item guid in every feed: assigned once, never changed
 * @param chaptersJson the Podcasting 2.0 JSON chapters document, or null
 * @param tags         its other Podcasting 2.0 tags (soundbites, license, location, value, txt), never null
 */
public record Episode(
        long id,
        int number,
        Integer season,
        String title,
        String slug,
        Instant publishedAt,
        String summary,
        EpisodeType type,
        boolean explicit,
        String guid,
        String chaptersJson,
        PodcastTags.Item tags) {

    /** An episode without Podcasting 2.0 tags beyond chapters. */
    public Episode(
            long id,
            int number,
            Integer season,
            String title,
            String slug,
            Instant publishedAt,
            String summary,
            EpisodeType type,
            boolean explicit,
            String guid,
            String chaptersJson) {
        this(id, number, season, title, slug, publishedAt, summary, type, explicit, guid, chaptersJson, null);
    }

    public Episode {
        tags = tags == null ? PodcastTags.Item.NONE : tags;
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(guid, "guid");
        summary = summary == null ? "" : summary;
    }
}
