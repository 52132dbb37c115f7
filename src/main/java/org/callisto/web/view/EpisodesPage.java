package org.callisto.web.view;

import java.util.List;

/**
 * The show's archive, {@code /episodes}: every released episode, newest first. Immutable.
 *
 * @param meta        the layout facts
 * @param showTitle   the show's title
 * @param description the show's description, plain text
 * @param episodes    the episodes, newest first
 * @param feeds       the show's feeds
 * @param artwork     the show's artwork if it is a web address, else null
 */
public record EpisodesPage(
        PageMeta meta,
        String showTitle,
        String description,
        List<EpisodeView> episodes,
        List<Link> feeds,
        String artwork) {

    /** A labelled address: a feed, a download. */
    public record Link(String label, String url) {}
}
