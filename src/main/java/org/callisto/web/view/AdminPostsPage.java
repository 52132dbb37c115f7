package org.callisto.web.view;

import java.util.List;
import org.callisto.planet.PostGroup;

/**
 * The administrators' page of posts reached through several feeds: each with its copies and a split button per
 * copy, a form to merge two entries, and the last changes made. Immutable.
 *
 * @param csrf    the token of its forms
 * @param message a refusal to show, or null
 * @param notice  what was just done, or null
 * @param groups  the posts with more than one copy, most recent first
 * @param log     the last splits and merges, newest first
 */
public record AdminPostsPage(
        PageMeta meta, String csrf, String message, String notice, List<PostGroup> groups, List<String> log) {
    public AdminPostsPage {
        groups = List.copyOf(groups);
        log = List.copyOf(log);
    }
}
