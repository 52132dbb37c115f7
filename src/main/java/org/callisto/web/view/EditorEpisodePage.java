package org.callisto.web.view;

import java.util.List;

/**
 * The page where editors change one episode ({@code /editor/episodes/{number}}): its details, its sections and
 * items, and the curation search with its results. Immutable.
 *
 * @param meta        layout facts
 * @param csrf        the token of every form on the page
 * @param message     why the last change was refused, or null
 * @param number      the episode's number
 * @param action      where the forms post
 * @param title       the details' fields (as last sent after a refusal)
 * @param publishedAt …, {@code yyyy-MM-ddTHH:mm} in UTC
 * @param summary     …
 * @param publicUrl   the episode's public page
 * @param released    whether the public page shows it yet
 * @param sections    the notes
 * @param query       the search text ("" when none)
 * @param results     what the search found (empty when there was no search)
 * @param searched    whether a search was made
 * @param guests      the guests written {@code Name <link>; Name} (as last sent after a refusal)
 * @param season      the season number, "" for none (…)
 * @param type        full, trailer or bonus (…)
 * @param explicit    whether the episode is explicit (…)
 * @param publishing  publication, uploads, previews and deletion
 */
public record EditorEpisodePage(
        PageMeta meta,
        String csrf,
        String message,
        int number,
        String action,
        String title,
        String publishedAt,
        String summary,
        String publicUrl,
        boolean released,
        List<SectionView> sections,
        String query,
        List<Result> results,
        boolean searched,
        String guests,
        String season,
        String type,
        boolean explicit,
        Publishing publishing) {

    /**
     * The publishing part of the page.
     *
     * @param status        where the episode stands, in words ("Published on …", "Scheduled for …", "Unpublished")
     * @param notice        what the last upload or change did, or null
     * @param scheduleAt    the schedule field's value, {@code yyyy-MM-ddTHH:mm} in UTC
     * @param publicationUrl where the publish, schedule and unpublish buttons post
     * @param uploadUrl     where the upload form posts ({@code multipart/form-data})
     * @param deleteUrl     the confirmation page of deleting the episode
     * @param previewUrl    the episode's page as it will be published
     * @param previewFeedUrl the episode's feed item as it will be published
     * @param maxSize       the largest upload, in words
     * @param files         the episode's files, one line each
     * @param discussionUrl the episode's discussion, or null
     * @param published     whether it is released now
     * @param unpublished   whether it is unpublished
     */
    public record Publishing(
            String status,
            String notice,
            String scheduleAt,
            String publicationUrl,
            String uploadUrl,
            String deleteUrl,
            String previewUrl,
            String previewFeedUrl,
            String maxSize,
            List<String> files,
            String discussionUrl,
            boolean published,
            boolean unpublished) {}

    /** A section with its items; {@code first}/{@code last} say whether it can move up/down. */
    public record SectionView(long id, String heading, boolean first, boolean last, List<ItemView> items) {}

    /**
     * An item; {@code source} is where it was curated from in words ("planet: Feed"), or null.
     */
    public record ItemView(
            long id, String title, String link, String summary, String source, boolean first, boolean last) {}

    /**
     * A search result.
     *
     * @param kind      {@code planet}, {@code journal} or {@code feedback}
     * @param id        its id there
     * @param kindLabel "Planet entry", "Journal story", "Listener feedback"
     * @param title     its title
     * @param origin    feed, author or sender
     * @param url       where it can be read on this site, or null (feedback)
     * @param excerpt   the start of its text
     * @param isoDate   when it was published or received, ISO 8601
     * @param date      … in words
     * @param usedIn    for feedback: the episode that took it up already, or null
     */
    public record Result(
            String kind,
            long id,
            String kindLabel,
            String title,
            String origin,
            String url,
            String excerpt,
            String isoDate,
            String date,
            Integer usedIn) {}
}
