package org.callisto.web.view;

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
 */
public record StoryView(
        Story story,
        String url,
        String sourceUrl,
        String submittedIso,
        String submittedHuman,
        String publishedIso,
        String publishedHuman,
        int comments) {

    /** The dept line, "from the … dept", or null. */
    public String deptLine() {
        return story.dept() == null ? null : "from the " + story.dept() + " dept.";
    }

    /** The page of the earlier story with the same link, or null. */
    public String duplicateUrl() {
        return story.duplicateOf().map(id -> "/stories/" + id).orElse(null);
    }
}
