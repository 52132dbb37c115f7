/**
 * HTML that other people wrote, made safe to store and show: {@link org.callisto.html.HtmlSanitizer} applies a
 * {@link org.callisto.html.SanitizePolicy} (one per kind of content: aggregated feed entries now, submissions and
 * comments later), and {@link org.callisto.html.HtmlText} turns HTML into plain text for titles and excerpts.
 *
 * <p>Design notes. The sanitizer parses with jsoup (the HTML5 algorithm, so the tree is the one a browser builds)
 * and copies only the allowed part of it into a new document; see {@code TreeCleaner} for why this is a walk of
 * our own rather than jsoup's {@code Cleaner}. The OWASP java-html-sanitizer was not used: its output is not
 * produced by an HTML5 parser, and rules such as "iframe only for these players, rebuilt with a sandbox" or
 * "data: only for raster images" would need custom policies there as well. Output is serialised without
 * pretty-printing and is a fixed point of the sanitizer, which the tests check over DOMPurify's fixtures, the
 * feeds in the shared corpora and generated splices of both.
 */
package org.callisto.html;
