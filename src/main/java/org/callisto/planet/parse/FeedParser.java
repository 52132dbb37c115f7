package org.callisto.planet.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses feed bytes of any supported format into a {@link ParsedFeed}, liberally: ill-formed XML is recovered
 * where possible and its problems recorded, never thrown. Thread-safe; one instance may be shared.
 *
 * <p>The steps: reject what is plainly not a feed (empty, binary), decode the bytes ({@link FeedDecoder}), drop
 * control characters that no feed may hold, each noted as a problem ({@link ControlCharacters}), read JSON
 * Feeds with Jackson and everything else with {@link LenientXmlParser}, then map the tree by its root element
 * ({@link RssReader}, {@link AtomReader}).
 */
public final class FeedParser {

    /**
     * Parses one document.
     *
     * @param body        the raw bytes as fetched
     * @param contentType the HTTP Content-Type header (for its charset), or null
     * @param baseUrl     the URL the bytes came from, used to resolve relative URLs, or null
     * @throws FeedParseException when the bytes are not a feed at all
     */
    public ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedParseException {
        return parse(body, contentType, null, baseUrl);
    }

    /**
     * Parses one document fetched over HTTP, with what the response said about it.
     *
     * @param body            the raw bytes as fetched
     * @param contentType     the HTTP Content-Type header (its media type and charset choose the encoding by RFC
     *                        3023), or null for bytes that did not come over HTTP
     * @param contentLocation the HTTP Content-Location header, or null; resolved against {@code baseUrl}, it becomes
     *                        the base of relative URLs, as in feedparser
     * @param baseUrl         the URL the bytes came from, or null
     * @throws FeedParseException when the bytes are not a feed at all
     */
    public ParsedFeed parse(byte[] body, String contentType, String contentLocation, String baseUrl)
            throws FeedParseException {
        return parse(body, contentType, base(contentLocation, baseUrl), false);
    }

    /**
     * Parses one document and also reads everything it says into {@link ParsedFeed#fields()}, in feedparser's names
     * and shapes (for {@code callisto parse} and anyone porting a feedparser script). Slower than {@link #parse}.
     *
     * @throws FeedParseException when the bytes are not a feed at all
     */
    public ParsedFeed parseWithFields(byte[] body, String contentType, String baseUrl) throws FeedParseException {
        return parseWithFields(body, contentType, null, baseUrl);
    }

    /** As {@link #parseWithFields(byte[], String, String)}, with the response's Content-Location as the base. */
    public ParsedFeed parseWithFields(byte[] body, String contentType, String contentLocation, String baseUrl)
            throws FeedParseException {
        return parse(body, contentType, base(contentLocation, baseUrl), true);
    }

    /** The base of relative URLs: Content-Location resolved against the URL when it gives an absolute one. */
    private static String base(String contentLocation, String baseUrl) {
        if (contentLocation != null && !contentLocation.isBlank()) {
            String resolved = Urls.resolve(blankToNull(baseUrl), contentLocation.strip());
            if (Urls.isAbsolute(resolved)) {
                return resolved;
            }
        }
        return baseUrl;
    }

    private ParsedFeed parse(byte[] body, String contentType, String baseUrl, boolean withFields)
            throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException("empty body: there is nothing to parse", 0, 0);
        }
        String binary = FeedSniffer.binaryKind(body);
        if (binary != null) {
            throw new FeedParseException("this is " + binary + ", not a feed", 0, 0);
        }
        String unusual = ByteOrderMark.unusualUtf32(body);
        if (unusual != null) {
            throw new FeedParseException(
                    "this is " + unusual + ", which no decoder reads (nor does feedparser); save the feed as UTF-8",
                    0,
                    0);
        }
        FeedDecoder.Decoded decoded = FeedDecoder.decode(body, contentType);
        char[] text = decoded.text();
        List<ParseProblem> problems = new ArrayList<>(decoded.problems());
        int length =
                decoded.controlFree() ? decoded.length() : ControlCharacters.strip(text, decoded.length(), problems);
        boolean controls = length != decoded.length();
        int first = FeedSniffer.firstSignificant(text, length);
        if (first < 0) {
            throw new FeedParseException("empty body: only whitespace", 0, 0);
        }
        char c = text[first];
        if (c == '{') {
            ParsedFeed json = JsonFeedReader.read(new String(text, 0, length), decoded.encoding(), problems, baseUrl);
            return withFields ? json.withFields(JsonFeedFields.of(json)) : json;
        }
        if (c == '[') {
            throw new FeedParseException("this is a JSON array, not a JSON Feed (which is an object)", 1, 1);
        }
        if (FeedSniffer.indexOf(text, length, '<') < 0) {
            throw new FeedParseException("this is plain text, not a feed (no markup at all)", 1, 1);
        }
        LenientXmlParser.Result doc = LenientXmlParser.parse(text, length, blankToNull(baseUrl));
        XmlElement root = doc.root();
        if (root == null) {
            throw new FeedParseException("no root element: this is not an XML feed", 1, 1);
        }
        String name = root.local.toLowerCase(Locale.ROOT);
        if (name.equals("html") || doc.htmlDoctype() && !name.equals("rss") && !name.equals("feed")) {
            throw new FeedParseException(
                    "this is an HTML page, not a feed; look for a <link rel=alternate> feed URL" + " in its head",
                    1,
                    1);
        }
        problems.addAll(doc.problems());
        boolean illFormed = doc.illFormed() || !decoded.problems().isEmpty() || controls;
        String encoding = decoded.encoding();
        ParsedFeed feed;
        try {
            feed = read(doc, root, name, encoding, illFormed, problems, baseUrl);
        } catch (FeedParseException notAFeed) {
            if (!withFields) {
                throw notAFeed;
            }
            // feedparser reads any XML document and says what it found (version ""); so do the fields
            problems.add(new ParseProblem(0, 0, notAFeed.getMessage()));
            feed = new ParsedFeed(
                    "",
                    encoding,
                    illFormed,
                    List.copyOf(problems),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    List.of());
        }
        if (!withFields) {
            return feed;
        }
        return feed.withFields(
                FeedFieldsBuilder.build(doc, encoding, feed.illFormed(), feed.problems(), blankToNull(baseUrl)));
    }

    private static ParsedFeed read(
            LenientXmlParser.Result doc,
            XmlElement root,
            String name,
            String encoding,
            boolean illFormed,
            List<ParseProblem> problems,
            String baseUrl)
            throws FeedParseException {
        switch (root.local) {
            case "rss", "RDF", "channel" -> {
                return RssReader.read(doc, RssReader.format(root), encoding, illFormed, problems, baseUrl);
            }
            case "feed" -> {
                return AtomReader.read(doc, AtomReader.format(doc), encoding, illFormed, problems);
            }
            default -> {
                if (name.equals("channel")) {
                    // CDF (Microsoft's Channel Definition Format) writes its elements in upper case by design
                    return RssReader.read(doc, "cdf", encoding, illFormed, problems, baseUrl);
                }
                if (name.equals("rss") || name.equals("rdf")) {
                    problems.add(new ParseProblem(0, 0, "root element <" + root.qname + "> has the wrong case"));
                    return RssReader.read(doc, RssReader.format(root), encoding, true, problems, baseUrl);
                }
                if (name.equals("feed")) {
                    return AtomReader.read(doc, AtomReader.format(doc), encoding, true, problems);
                }
                throw new FeedParseException(
                        "this is an XML document with root element <" + root.qname + ">, not an RSS, RDF or Atom feed",
                        1,
                        1);
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
