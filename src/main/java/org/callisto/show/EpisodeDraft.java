package org.callisto.show;

import java.time.Instant;
import java.util.Objects;

/**
 * What an editor or an import gives to create or update an episode, keyed by its number. Immutable.
 *
 * @param number      the episode number, at least 0
 * @param season      the season, or null
 * @param title       the title
 * @param slug        a URL-friendly name
 * @param publishedAt the release time
 * @param summary     a short description, Markdown
 * @param type        full, trailer or bonus
 * @param explicit    whether it is explicit
 * @param guid        the guid to use when the episode is new (an old feed's guid, say), or null for a new UUID;
 *                    an existing episode keeps its guid whatever is given
 */
public record EpisodeDraft(
        int number,
        Integer season,
        String title,
        String slug,
        Instant publishedAt,
        String summary,
        EpisodeType type,
        boolean explicit,
        String guid) {

    public EpisodeDraft {
        if (number < 0) {
            throw new IllegalArgumentException("episode number " + number + " is negative; use 0 or more");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(publishedAt, "publishedAt");
        type = type == null ? EpisodeType.FULL : type;
        summary = summary == null ? "" : summary;
    }
}
