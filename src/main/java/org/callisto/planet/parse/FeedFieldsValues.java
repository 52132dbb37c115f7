package org.callisto.planet.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * The value rules {@link FeedFieldsBuilder} shares with feedparser: its namespace prefixes, content type names,
 * time tuples, the "looks like HTML" guess, author strings split into name and email, GeoRSS coordinates. Stateless
 * and thread-safe.
 */
final class FeedFieldsValues {
    private FeedFieldsValues() {}

    /** Namespace URIs (lower case) to feedparser's prefixes; the empty prefix is the feed format's own. */
    static final Map<String, String> NAMESPACES = namespaces();

    /** Elements whose text is a URL to resolve against the base in effect. */
    static final Set<String> CAN_BE_RELATIVE_URI =
            Set.of("comments", "docs", "href", "icon", "id", "link", "logo", "url", "wfw_comment", "wfw_commentrss");

    /** The elements feedparser accepts in text it guesses to be HTML. */
    private static final Set<String> HTML_ELEMENTS = Set.of(("a abbr acronym address area article aside audio b big"
                    + " blockquote br button canvas caption center cite code col colgroup command datagrid datalist dd"
                    + " del details dfn dialog dir div dl dt em event-source fieldset figcaption figure font footer"
                    + " form h1 h2 h3 h4 h5 h6 header hr i img input ins kbd keygen label legend li m map menu meter"
                    + " multicol nav nextid noscript ol optgroup option output p pre progress q s samp section select"
                    + " small sound source spacer span strike strong sub sup table tbody td textarea tfoot th thead"
                    + " time tr tt u ul var video")
            .split(" "));

    private static final Pattern CLOSE_TAG = Pattern.compile("</(\\w+)>");
    private static final Pattern ENTITY = Pattern.compile("&#?\\w+;");
    private static final Pattern TAG = Pattern.compile("</?(\\w+)");
    private static final Pattern NAMED_ENTITY = Pattern.compile("&(\\w+);");
    private static final Pattern LINK_QUERY = Pattern.compile("&([A-Za-z0-9_]+);");
    private static final Pattern EMAIL =
            Pattern.compile("(([a-zA-Z0-9_\\-.+]+)@((\\[[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}"
                    + "\\.)|(([a-zA-Z0-9\\-]+\\.)+))([a-zA-Z]{2,4}|[0-9]{1,3})(]?))(\\?subject=\\S+)?");
    private static final Pattern CHAPTER_START = Pattern.compile("^((\\d{2}):)?(\\d{2}):(\\d{2})(\\.(\\d{3}))?$");

    private static Map<String, String> namespaces() {
        Map<String, String> m = new HashMap<>();
        m.put("", "");
        m.put("http://backend.userland.com/rss", "");
        m.put("http://blogs.law.harvard.edu/tech/rss", "");
        m.put("http://purl.org/rss/1.0/", "");
        m.put("http://my.netscape.com/rdf/simple/0.9/", "");
        m.put("http://example.com/newformat#", "");
        m.put("http://example.com/necho", "");
        m.put("http://purl.org/echo/", "");
        m.put("uri/of/echo/namespace#", "");
        m.put("http://purl.org/pie/", "");
        m.put("http://purl.org/atom/ns#", "");
        m.put("http://www.w3.org/2005/atom", "");
        m.put("http://purl.org/rss/1.0/modules/rss091#", "");
        m.put("http://webns.net/mvcb/", "admin");
        m.put("http://purl.org/rss/1.0/modules/aggregation/", "ag");
        m.put("http://purl.org/rss/1.0/modules/annotate/", "annotate");
        m.put("http://media.tangent.org/rss/1.0/", "audio");
        m.put("http://backend.userland.com/blogchannelmodule", "blogChannel");
        m.put("http://creativecommons.org/ns#license", "cc");
        m.put("http://web.resource.org/cc/", "cc");
        m.put("http://cyber.law.harvard.edu/rss/creativecommonsrssmodule.html", "creativeCommons");
        m.put("http://backend.userland.com/creativecommonsrssmodule", "creativeCommons");
        m.put("http://purl.org/rss/1.0/modules/company", "co");
        m.put("http://purl.org/rss/1.0/modules/content/", "content");
        m.put("http://my.theinfo.org/changed/1.0/rss/", "cp");
        m.put("http://purl.org/dc/elements/1.1/", "dc");
        m.put("http://purl.org/dc/terms/", "dcterms");
        m.put("http://purl.org/rss/1.0/modules/email/", "email");
        m.put("http://purl.org/rss/1.0/modules/event/", "ev");
        m.put("http://rssnamespace.org/feedburner/ext/1.0", "feedburner");
        m.put("http://freshmeat.net/rss/fm/", "fm");
        m.put("http://xmlns.com/foaf/0.1/", "foaf");
        m.put("http://www.w3.org/2003/01/geo/wgs84_pos#", "geo");
        m.put("http://www.georss.org/georss", "georss");
        m.put("http://www.opengis.net/gml", "gml");
        m.put("http://postneo.com/icbm/", "icbm");
        m.put("http://purl.org/rss/1.0/modules/image/", "image");
        m.put("http://www.itunes.com/dtds/podcast-1.0.dtd", "itunes");
        m.put("http://example.com/dtds/podcast-1.0.dtd", "itunes");
        m.put("http://purl.org/rss/1.0/modules/link/", "l");
        m.put("http://search.yahoo.com/mrss", "media");
        m.put("http://search.yahoo.com/mrss/", "media");
        m.put("http://madskills.com/public/xml/rss/module/pingback/", "pingback");
        m.put("http://prismstandard.org/namespaces/1.2/basic/", "prism");
        m.put("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf");
        m.put("http://www.w3.org/2000/01/rdf-schema#", "rdfs");
        m.put("http://purl.org/rss/1.0/modules/reference/", "ref");
        m.put("http://purl.org/rss/1.0/modules/richequiv/", "reqv");
        m.put("http://purl.org/rss/1.0/modules/search/", "search");
        m.put("http://purl.org/rss/1.0/modules/slash/", "slash");
        m.put("http://schemas.xmlsoap.org/soap/envelope/", "soap");
        m.put("http://purl.org/rss/1.0/modules/servicestatus/", "ss");
        m.put("http://hacks.benhammersley.com/rss/streaming/", "str");
        m.put("http://purl.org/rss/1.0/modules/subscription/", "sub");
        m.put("http://purl.org/rss/1.0/modules/syndication/", "sy");
        m.put("http://schemas.pocketsoap.com/rss/mydescmodule/", "szf");
        m.put("http://purl.org/rss/1.0/modules/taxonomy/", "taxo");
        m.put("http://purl.org/rss/1.0/modules/threading/", "thr");
        m.put("http://purl.org/rss/1.0/modules/textinput/", "ti");
        m.put("http://madskills.com/public/xml/rss/module/trackback/", "trackback");
        m.put("http://wellformedweb.org/commentapi/", "wfw");
        m.put("http://purl.org/rss/1.0/modules/wiki/", "wiki");
        m.put("http://www.w3.org/1999/xhtml", "xhtml");
        m.put("http://www.w3.org/1999/xlink", "xlink");
        m.put("http://www.w3.org/xml/1998/namespace", "xml");
        m.put("http://podlove.org/simple-chapters", "psc");
        return Map.copyOf(m);
    }

    /** feedparser's short content type names ({@code text}, {@code html}, {@code xhtml}) as MIME types. */
    static String mapContentType(String type) {
        if (type == null) {
            return "text/html";
        }
        String t = type.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "text", "plain" -> "text/plain";
            case "html" -> "text/html";
            case "xhtml" -> "application/xhtml+xml";
            default -> t;
        };
    }

    /** Attributes serialized as markup: {@code  name="value"} each, the value escaped. */
    static String strattrs(Map<String, Object> attrs) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> a : attrs.entrySet()) {
            sb.append(' ')
                    .append(a.getKey())
                    .append("=\"")
                    .append(escapeXml(String.valueOf(a.getValue())).replace("\"", "&quot;"))
                    .append('"');
        }
        return sb.toString();
    }

    /** Escapes {@code &}, {@code <} and {@code >}. */
    static String escapeXml(String s) {
        if (s.indexOf('&') < 0 && s.indexOf('<') < 0 && s.indexOf('>') < 0) {
            return s;
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Atom 1.0 XHTML content: drops one wrapping {@code <div>} when everything else is inside it, as feedparser
     * does.
     */
    static List<String> unwrapDiv(List<String> pieces) {
        List<String> p = new ArrayList<>(pieces);
        while (p.size() > 1 && p.getLast().isBlank()) {
            p.removeLast();
        }
        while (p.size() > 1 && p.getFirst().isBlank()) {
            p.removeFirst();
        }
        if (!p.isEmpty()
                && (p.getFirst().equals("<div>") || p.getFirst().startsWith("<div "))
                && p.getLast().equals("</div>")) {
            int depth = 0;
            for (int i = 0; i < p.size() - 1; i++) {
                String piece = p.get(i);
                if (piece.startsWith("</")) {
                    depth--;
                    if (depth == 0) {
                        return p;
                    }
                } else if (piece.startsWith("<") && !piece.endsWith("/>")) {
                    depth++;
                }
            }
            return p.subList(1, p.size() - 1);
        }
        return p;
    }

    /** Base64 text decoded as UTF-8; the text unchanged when it is not base64 of UTF-8. */
    static String base64(String s) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(s);
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return s;
        }
    }

    /** feedparser's guess whether plain text is really HTML: a close tag or entity, and only known elements. */
    static boolean looksLikeHtml(String s) {
        if (!CLOSE_TAG.matcher(s).find() && !ENTITY.matcher(s).find()) {
            return false;
        }
        Matcher tags = TAG.matcher(s);
        while (tags.find()) {
            if (!HTML_ELEMENTS.contains(tags.group(1).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        Matcher entities = NAMED_ENTITY.matcher(s);
        while (entities.find()) {
            if (!Entities.isBaseNamedEntity(entities.group(1))) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 that was decoded as ISO-8859-1 somewhere upstream, decoded again; other text unchanged. */
    static String fixDoubleUtf8(String s) {
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s;
            }
            if (c >= 0x80) {
                high = true;
            }
        }
        if (!high) {
            return s;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }

    /** C1 control characters mapped to what windows-1252 puts there. */
    static String cp1252(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, (char) Windows1252.map(c));
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Undoes {@code ?a=1&b;=2}, which some publishers' tools make of query strings. */
    static String fixLinkQuery(String s) {
        return s.indexOf('&') < 0 ? s : LINK_QUERY.matcher(s).replaceAll("&$1");
    }

    /** A date as feedparser's 9-element UTC time tuple {@code [y, m, d, H, M, S, wday, yday, 0]}, or null. */
    static List<Integer> dateTuple(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        Instant instant = FeedDates.parse(s);
        if (instant == null) {
            return null;
        }
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        return List.of(
                t.getYear(),
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond(),
                t.getDayOfWeek().getValue() - 1,
                t.getDayOfYear(),
                0);
    }

    /** A Podlove Simple Chapters start ({@code HH:MM:SS.mmm}) in seconds, or null. */
    static Double chapterStart(String start) {
        if (start == null) {
            return null;
        }
        Matcher m = CHAPTER_START.matcher(start);
        if (!m.matches()) {
            return null;
        }
        int h = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int ms = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        return h * 3600.0 + Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4)) + ms / 1000.0;
    }

    /** An RSS author string split into {name, email}: {@code jo@example.org (Jo)} gives both; either may be null. */
    static String[] splitAuthor(String author) {
        Matcher m = EMAIL.matcher(author);
        if (!m.find()) {
            return new String[] {author, null};
        }
        String email = m.group(0);
        String a = author.replace(email, "")
                .replace("()", "")
                .replace("<>", "")
                .replace("&lt;&gt;", "")
                .strip();
        if (!a.isEmpty() && a.charAt(0) == '(') {
            a = a.substring(1);
        }
        if (!a.isEmpty() && a.charAt(a.length() - 1) == ')') {
            a = a.substring(0, a.length() - 1);
        }
        return new String[] {a.strip(), email};
    }

    /** A GeoRSS point, line, polygon or box as {@code {type, coordinates}} with (lon, lat) pairs, or null. */
    static Map<String, Object> georss(String kind, String value, boolean swap, int dims) {
        if (value == null) {
            return null;
        }
        List<List<Double>> coords = new ArrayList<>();
        String[] parts = value.replace(',', ' ').strip().split("\\s+");
        try {
            int step = dims == 3 ? 3 : 2;
            for (int i = 0; i + step - 1 < parts.length; i += step) {
                double a = Double.parseDouble(parts[i]);
                double b = Double.parseDouble(parts[i + 1]);
                List<Double> t = new ArrayList<>(swap ? List.of(b, a) : List.of(a, b));
                if (step == 3) {
                    t.add(Double.parseDouble(parts[i + 2]));
                }
                coords.add(t);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        switch (kind) {
            case "point" -> {
                if (coords.isEmpty()) {
                    return null;
                }
                out.put("type", "Point");
                out.put("coordinates", coords.getFirst());
            }
            case "line" -> {
                if (coords.size() < 2) {
                    return null;
                }
                out.put("type", "LineString");
                out.put("coordinates", coords);
            }
            case "polygon" -> {
                if (coords.size() < 4 || !coords.getFirst().equals(coords.getLast())) {
                    return null;
                }
                out.put("type", "Polygon");
                out.put("coordinates", List.of(coords));
            }
            case "box" -> {
                if (coords.size() != 2) {
                    return null;
                }
                out.put("type", "Box");
                out.put("coordinates", coords);
            }
            default -> {
                return null;
            }
        }
        return out;
    }

    /** {@code rss091n} for a document with Netscape's RSS 0.91 DOCTYPE, else null. */
    static String doctypeVersion(char[] source) {
        int n = Math.min(source.length, 4096);
        String head = new String(source, 0, n);
        int d = head.indexOf("<!DOCTYPE");
        if (d < 0) {
            return null;
        }
        int end = head.indexOf('>', d);
        String doctype = head.substring(d, end < 0 ? n : end).toLowerCase(Locale.ROOT);
        return doctype.contains("netscape") ? "rss091n" : null;
    }

    /** A deep copy of maps and lists, for values stored in two places. */
    @SuppressWarnings("unchecked")
    static Object deepCopy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (o instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return o;
    }
}
