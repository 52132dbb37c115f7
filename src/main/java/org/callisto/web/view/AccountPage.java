package org.callisto.web.view;

import java.util.List;

/**
 * A member's own page: name, role and the stories they submitted with where each stands. Immutable.
 *
 * @param meta     layout facts
 * @param username the name
 * @param role     {@code member}, {@code editor} or {@code admin}
 * @param since    when the account was made, for reading
 * @param stories  their stories, newest first
 */
public record AccountPage(PageMeta meta, String username, String role, String since, List<StoryView> stories) {}
