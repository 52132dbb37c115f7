package org.callisto.web.view;

/**
 * One episode as a line of the archive and the head of its page. Immutable.
 *
 * @param number      the episode number
 * @param title       the title
 * @param url         its page
 * @param isoDate     its release time, ISO 8601, for {@code <time datetime>}
 * @param date        its release time for readers
 * @param summaryHtml the summary, Markdown rendered and sanitized
 */
public record EpisodeView(int number, String title, String url, String isoDate, String date, String summaryHtml) {}
