package org.callisto.web.view;

import java.util.List;

/** The journal's front page: the latest published stories, newest first. Immutable. */
public record JournalPage(PageMeta meta, List<StoryView> stories) {}
