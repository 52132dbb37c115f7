package org.callisto.web.view;

import java.util.List;

/**
 * The embeddable player of an episode ({@code /episodes/{number}/embed}), a page other sites show in a frame.
 * Immutable.
 *
 * @param title     the episode's number and title
 * @param showTitle the show's title
 * @param pageUrl   the episode's page, absolute
 * @param artwork   the episode's or the show's artwork, or null
 * @param audio     the audio player's sources
 * @param video     the video player's sources (preferred when there is no audio)
 * @param poster    the video's poster, or null
 */
public record EmbedPage(
        String title,
        String showTitle,
        String pageUrl,
        String artwork,
        List<EpisodePage.Source> audio,
        List<EpisodePage.Source> video,
        String poster) {}
