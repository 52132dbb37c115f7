package org.callisto.web.view;

import java.util.List;
import org.callisto.journal.Story;

/**
 * A story as pages show it. Immutable.
 *
 * @param story         the story
 * @param url           its page, {@code /stories/{id}}
 * @param sourceUrl     the link it is about, when it is a web address, else null
 * @param submittedIso  when it was submitted, ISO 8601
 * @param submittedHuman the same, for reading
 * @param publishedIso  when it was published, or null
 * @param publishedHuman the same, for reading, or null
 * @param comments     how many comments readers see under it
 * @param tags         its tags, alphabetically
 * @param points       its upvotes
 * @param vote         the viewer's upvote and flag forms, or null (anonymous, or their own story)
 */
public record StoryView(
        Story story,
        String url,
        String sourceUrl,
        String submittedIso,
        String submittedHuman,
        String publishedIso,
        String publishedHuman,
        int comments,
        List<String> tags,
        int points,
        VoteForm vote) {

    public StoryView {
        tags = List.copyOf(tags);
    }

    /** The dept line, "from the … dept", or null. */
    public String deptLine() {
        return story.dept() == null ? null : "from the " + story.dept() + " dept.";
    }

    /** The page of the earlier story with the same link, or null. */
    public String duplicateUrl() {
        return story.duplicateOf().map(id -> "/stories/" + id).orElse(null);
    }
}
