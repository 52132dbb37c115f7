package org.callisto.web.view;

import java.util.List;
import org.callisto.journal.Preview;

/**
 * The submission form, with the last preview or the problems found. Immutable.
 *
 * @param meta      layout facts
 * @param csrf      the form's token
 * @param message   why the last attempt was refused, or null
 * @param title     the fields as last sent ("" when empty)
 * @param dept      …
 * @param format    {@code html}, {@code text} or {@code markdown}
 * @param intro     …
 * @param body      …
 * @param sourceUrl …
 * @param topics    every topic with whether it is chosen
 * @param preview   the preview to show, or null
 * @param formAction where the form posts: {@code /submit}, or an editor's {@code /editor/queue/{id}/edit}
 * @param heading    the page's heading
 * @param submitLabel the label of the button that stores the story
 */
public record SubmitPage(
        PageMeta meta,
        String csrf,
        String message,
        String title,
        String dept,
        String format,
        String intro,
        String body,
        String sourceUrl,
        String tags,
        List<Topic> topics,
        Preview preview,
        String formAction,
        String heading,
        String submitLabel) {

    /** A topic checkbox. */
    public record Topic(String name, String id, boolean chosen) {}
}
