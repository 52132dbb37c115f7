package org.callisto.web.view;

/**
 * A page that says what a followed link did, such as confirming a mail address. Immutable.
 *
 * @param meta     layout facts
 * @param heading  the page's heading
 * @param message  what happened
 * @param linkHref where to go next
 * @param linkText that link's words
 */
public record NoticePage(PageMeta meta, String heading, String message, String linkHref, String linkText) {}
