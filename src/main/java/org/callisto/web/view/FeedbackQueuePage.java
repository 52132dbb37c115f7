package org.callisto.web.view;

import java.util.List;
import org.callisto.show.Feedback;

/**
 * The editors' feedback queue ({@code /editor/feedback}): open messages, oldest first, then answered and archived
 * ones. Immutable.
 *
 * @param meta    layout facts
 * @param csrf    the token of the decision forms
 * @param message why the last decision was refused, or null
 * @param open    messages not yet answered or archived
 * @param decided answered and archived messages, latest first
 */
public record FeedbackQueuePage(PageMeta meta, String csrf, String message, List<Item> open, List<Item> decided) {

    /**
     * One message as shown to editors.
     *
     * @param feedback    the message
     * @param messageHtml the message as paragraphs (escaped plain text)
     * @param isoDate     when it arrived, ISO 8601
     * @param date        when it arrived, in words
     * @param episodeUrl  the page of the episode that took it up, or null
     */
    public record Item(Feedback feedback, String messageHtml, String isoDate, String date, String episodeUrl) {}
}
