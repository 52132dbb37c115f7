package org.callisto.web.view;

/**
 * The confirmation page of deleting an episode ({@code /editor/episodes/{number}/delete}). Immutable.
 *
 * @param meta    layout facts
 * @param csrf    the form's token
 * @param message why the last attempt was refused, or null
 * @param number  the episode's number
 * @param title   its title
 * @param action  where the form posts
 * @param back    the episode's editor page
 * @param reason  the reason as last sent
 */
public record DeleteEpisodePage(
        PageMeta meta,
        String csrf,
        String message,
        int number,
        String title,
        String action,
        String back,
        String reason) {}
