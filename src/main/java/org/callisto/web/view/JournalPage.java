package org.callisto.web.view;

import java.util.List;

/**
 * The journal's front page: the latest published stories, newest first or in hot order. Immutable.
 *
 * @param hot        whether the stories are in hot order
 * @param hiddenTags the tags the viewer hides (stories with them are left out), empty for anonymous readers
 */
public record JournalPage(PageMeta meta, List<StoryView> stories, boolean hot, List<String> hiddenTags) {
    public JournalPage {
        stories = List.copyOf(stories);
        hiddenTags = List.copyOf(hiddenTags);
    }
}
