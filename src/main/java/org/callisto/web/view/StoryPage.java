package org.callisto.web.view;

/**
 * One story with its "read more" part. Immutable.
 *
 * @param meta   layout facts
 * @param story  the story
 * @param notice a note for its author (such as "waiting for an editor"), or null
 * @param comments the discussion under it, or null while it is not published
 * @param editUrl  the author's edit form while it waits for an editor, else null
 * @param retagCsrf the token of the editors' tag form, or null when the viewer is not an editor
 */
public record StoryPage(
        PageMeta meta, StoryView story, String notice, CommentSection comments, String editUrl, String retagCsrf) {}
