package org.callisto.web.view;

import java.util.List;

/**
 * The editor queue: pending stories, oldest first, each with accept and reject forms. Immutable.
 *
 * @param meta    layout facts
 * @param csrf    the token of the decision forms
 * @param message why the last decision was refused, or null
 * @param stories the pending stories
 * @param scheduled the stories accepted for a later time, soonest first
 */
public record QueuePage(
        PageMeta meta, String csrf, String message, List<StoryView> stories, List<StoryView> scheduled) {}
