package org.callisto.web.view;

/**
 * One story with its "read more" part. Immutable.
 *
 * @param meta   layout facts
 * @param story  the story
 * @param notice a note for its author (such as "waiting for an editor"), or null
 * @param comments the discussion under it, or null while it is not published
 */
public record StoryPage(PageMeta meta, StoryView story, String notice, CommentSection comments) {}
