/**
 * HTML that other people wrote, made safe to store and show: {@link org.callisto.html.HtmlSanitizer} applies a
 * {@link org.callisto.html.SanitizePolicy} (one per kind of content: aggregated feed entries, members' stories
 * and comments), and {@link org.callisto.html.HtmlText} turns HTML into plain text for titles and excerpts.
 *
 * <p>Members' content comes in three forms. HTML fragments are checked by
 * {@link org.callisto.html.FragmentValidator} against a {@link org.callisto.html.FragmentPolicy}, which lists every
 * problem with its line and column so the member can fix it ({@link org.callisto.html.ValidationReport} marks them
 * in the source for the editor's preview); {@link org.callisto.html.FragmentRenderer} stores only valid fragments,
 * and only after the sanitizer. Plain text ({@link org.callisto.html.PlainText}) is escaped and given paragraphs
 * and links; Markdown ({@link org.callisto.html.MarkdownText}) is rendered by commonmark-java with raw HTML
 * escaped, then sanitized with the same policy as fragments.
 *
 * <p>Design notes. The sanitizer parses with jsoup (the HTML5 algorithm, so the tree is the one a browser builds)
 * and writes out only the allowed part of the tree in one walk; see {@code TreeCleaner} for why this is a walk of
 * our own rather than jsoup's {@code Cleaner}. The OWASP java-html-sanitizer was not used: its output is not
 * produced by an HTML5 parser, and rules such as "iframe only for these players, rebuilt with a sandbox" or
 * "data: only for raster images" would need custom policies there as well. Output is written as jsoup would
 * serialise it without pretty-printing ({@code HtmlMarkup}) and is a fixed point of the sanitizer: one pass is
 * final unless the walk saw one of the few things that can make the output parse differently, and only then is
 * it sanitized again; the tests check this over DOMPurify's fixtures, the feeds in the shared corpora and
 * generated splices of both. Throughput against OWASP and jsoup's {@code Cleaner} is in {@code docs/benchmarks.md}.
 * HTML bombs come out small: nesting beyond {@link org.callisto.html.HtmlSanitizer#MAX_DEPTH} levels is
 * unwrapped, and the sanitizer can cap its output's size, cutting on an element boundary.
 *
 * <p>The validator does not use jsoup's parser: an HTML5 parser repairs what it reads (closes open elements,
 * drops stray end tags, moves misnested ones) and keeps no trace of the repair, so "the &lt;b&gt; opened at 3:14
 * is never closed" could not be said. {@code FragmentTokenizer} reads the source itself in linear time, following
 * the HTML tokenizer where that decides what a browser sees; {@code TagBalance} tracks every element separately
 * (the old journal's single counter let {@code <b></i>} pass) and {@code ContentRules} reports balanced markup a
 * browser would still rebuild, such as a list inside a paragraph. The fuzz tests check that what the validator
 * accepts is the tree a browser builds and that the sanitizer keeps it. URL schemes are judged with
 * {@code UrlResolver}'s normalisation, shared with the sanitizer. Every character class the tokenizer uses is in
 * {@code CharClasses} and is tested against an independent definition over all code points.
 */
package org.callisto.html;
