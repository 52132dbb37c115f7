package org.callisto.web.view;

import java.util.List;

/** The stories of one tag, newest first ({@code /tags/{tag}}). Immutable. */
public record TagPage(PageMeta meta, String tag, List<StoryView> stories) {
    public TagPage {
        stories = List.copyOf(stories);
    }
}
