package org.callisto.planet.parse;

import java.util.Locale;

/**
 * The encoding a document should have by the HTTP Content-Type and RFC 3023 ("XML Media Types"), applied as
 * feedparser applies it:
 *
 * <ul>
 *   <li>{@code application/xml}, {@code application/*+xml} (and the DTD and external-entity types): the header's
 *       charset, else the document's declaration, else {@code utf-8};
 *   <li>{@code text/xml}, {@code text/*+xml}: the header's charset, else {@code us-ascii} (the declaration is
 *       ignored);
 *   <li>any other {@code text/*}: the same, and the type is not an XML media type (the feed is ill-formed);
 *   <li>any other type: the declaration, else {@code utf-8}, and the type is not an XML media type;
 *   <li>no header at all (a file): the declaration, else {@code utf-8}.
 * </ul>
 *
 * <p>JSON types ({@code application/feed+json}, {@code application/json}) are accepted too, as Callisto reads JSON
 * Feed. Immutable.
 *
 * @param encoding   the encoding to try first, as feedparser names it
 * @param source     where it came from, in words, for problems ("the HTTP Content-Type charset")
 * @param fromDocument true when it came from the document itself (XML declaration or HTML meta charset)
 * @param declared   true when someone declared it (header or document), false for a default
 * @param notXml     when the Content-Type is not an XML (or JSON) media type, a problem saying so; else null
 */
record Rfc3023(String encoding, String source, boolean fromDocument, boolean declared, String notXml) {

    /**
     * Chooses.
     *
     * @param contentType    the Content-Type header, or null when the bytes did not come over HTTP
     * @param documentCharset the encoding the document declares (normalised), or null
     * @param documentSource  where the document declares it, in words
     */
    static Rfc3023 choose(String contentType, String documentCharset, String documentSource) {
        if (contentType == null || contentType.isBlank()) {
            return fromDocumentOr(documentCharset, documentSource, null);
        }
        String type = mediaType(contentType);
        String charset = CharsetNames.normalise(charsetParameter(contentType));
        String header = "the HTTP Content-Type (" + contentType.strip() + ")";
        boolean applicationXml = type.equals("application/xml")
                || type.equals("application/xml-dtd")
                || type.equals("application/xml-external-parsed-entity")
                || type.startsWith("application/") && type.endsWith("+xml");
        boolean textXml = type.equals("text/xml")
                || type.equals("text/xml-external-parsed-entity")
                || type.startsWith("text/") && type.endsWith("+xml");
        if (applicationXml || type.contains("json")) {
            return charset != null
                    ? new Rfc3023(charset, header, false, true, null)
                    : fromDocumentOr(documentCharset, documentSource, null);
        }
        String notXml = "the HTTP Content-Type " + contentType.strip() + " is not an XML media type";
        if (textXml || type.startsWith("text/")) {
            String problem = textXml ? null : notXml;
            return charset != null
                    ? new Rfc3023(charset, header, false, true, problem)
                    : new Rfc3023(
                            "us-ascii",
                            "the HTTP Content-Type " + type + " without a charset (RFC 3023)",
                            false,
                            true,
                            problem);
        }
        return charset != null
                ? new Rfc3023(charset, header, false, true, notXml)
                : fromDocumentOr(documentCharset, documentSource, notXml);
    }

    private static Rfc3023 fromDocumentOr(String documentCharset, String documentSource, String notXml) {
        return documentCharset != null
                ? new Rfc3023(documentCharset, documentSource, true, true, notXml)
                : new Rfc3023("utf-8", "no declaration (utf-8 by default)", false, false, notXml);
    }

    /** The media type of a Content-Type value, lower-cased, without parameters. */
    static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter of a Content-Type header value, without quotes, or null. */
    static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String v = part.substring(eq + 1)
                        .replace("\"", "")
                        .replace("'", "")
                        .strip();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }
}
