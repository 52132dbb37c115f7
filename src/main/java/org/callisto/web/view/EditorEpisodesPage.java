package org.callisto.web.view;

import java.util.List;

/**
 * The editors' list of episodes with the form that creates one ({@code /editor/episodes}). Immutable.
 *
 * @param meta        layout facts
 * @param csrf        the form's token
 * @param message     why the last attempt was refused, or null
 * @param episodes    every episode, newest first
 * @param number      the form's fields as last sent (a suggestion when new)
 * @param title       …
 * @param publishedAt …
 * @param summary     …
 */
public record EditorEpisodesPage(
        PageMeta meta,
        String csrf,
        String message,
        List<Row> episodes,
        String number,
        String title,
        String publishedAt,
        String summary) {

    /** One episode in the list; {@code released} is false while its publish time is in the future. */
    public record Row(
            int number,
            String title,
            String isoDate,
            String date,
            boolean released,
            String editUrl,
            String publicUrl) {}
}
