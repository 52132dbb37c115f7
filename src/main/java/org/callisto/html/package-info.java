/**
 * HTML that other people wrote, made safe to store and show: {@link org.callisto.html.HtmlSanitizer} applies a
 * {@link org.callisto.html.SanitizePolicy} (one per kind of content: aggregated feed entries now, submissions and
 * comments later), and {@link org.callisto.html.HtmlText} turns HTML into plain text for titles and excerpts.
 */
package org.callisto.html;
