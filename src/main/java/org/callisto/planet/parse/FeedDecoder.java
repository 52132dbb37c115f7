package org.callisto.planet.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes feed bytes to text, choosing the encoding as Python's feedparser does (its {@code encodings.py}): the
 * encoding RFC 3023 gives from the HTTP Content-Type ({@link Rfc3023}), then the XML declaration, then a byte-order
 * mark, then a statistical guess ({@link CharsetGuess}), then utf-8, windows-1252 and iso-8859-2; the first that
 * decodes the bytes without error wins, and its name is reported as feedparser reports it ({@code utf-8},
 * {@code iso-8859-1}, {@code windows-1252}). When that is not the encoding declared, the feed is ill-formed and a
 * problem says what was declared and what was used.
 *
 * <p>Where feedparser's answer gives unreadable text, Callisto departs from it, each time with a problem: a
 * byte-order mark (or {@code <?xm} in UTF-16 or UTF-32) outweighs a declaration of an 8-bit encoding; bytes declared
 * as an 8-bit encoding that are in fact valid, non-ASCII UTF-8 are decoded as UTF-8 (the miniflux corpus's lying
 * prologs); an HTML {@code meta} charset counts as a declaration. Bytes 0x80-0x9F in iso-8859-1 are read as
 * windows-1252 reads them (curly quotes, the euro), as browsers do, and the name stays {@code iso-8859-1}.
 *
 * <p>Stateless and thread-safe.
 */
public final class FeedDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** The last resorts after the guess, as in feedparser: the third always decodes. */
    private static final String[] FALLBACKS = {"utf-8", "windows-1252", "iso-8859-2"};

    /**
     * The decoded text, the name of the encoding actually used, and what was wrong with the declared one;
     * {@code controlFree} is true when the decoder saw that the text holds none of the characters
     * {@link ControlCharacters} drops (false when it did not look), so that nobody scans it again for them.
     */
    public record Decoded(char[] text, int length, String encoding, List<ParseProblem> problems, boolean controlFree) {
        /** Decoded text that has not been checked for control characters. */
        public Decoded(char[] text, int length, String encoding, List<ParseProblem> problems) {
            this(text, length, encoding, problems, false);
        }

        /** The text as a String. */
        public String asString() {
            return new String(text, 0, length);
        }
    }

    private FeedDecoder() {}

    /**
     * Decodes {@code body}.
     *
     * @param contentType the HTTP Content-Type header, or null when the bytes did not come over HTTP (a file)
     */
    public static Decoded decode(byte[] body, String contentType) {
        List<ParseProblem> problems = new ArrayList<>(1);
        ByteOrderMark bom = ByteOrderMark.sniff(body);
        String xml = CharsetNames.normalise(xmlDeclaredEncoding(body, bom));
        if (xml != null && bom.name() != null && CharsetNames.UNICODE_ALIASES.contains(xml)) {
            xml = bom.name();
        }
        String document = xml;
        String documentSource = "the XML declaration";
        if (document == null && bom.charset() == null) {
            document = CharsetNames.normalise(htmlMetaCharset(body));
            documentSource = "the HTML meta charset";
        }
        Rfc3023 rfc = Rfc3023.choose(contentType, document, documentSource);
        if (rfc.notXml() != null) {
            problems.add(new ParseProblem(0, 0, rfc.notXml()));
        }
        int offset = bom.offset();
        if (bom.charset() != null && !rfc.declared()) {
            return byMark(body, bom, problems);
        }
        String[] candidates = {rfc.encoding(), document, bom.name()};
        List<String> tried = new ArrayList<>(6);
        Decoded chosen = null;
        for (int i = 0; i < candidates.length + 1 + FALLBACKS.length && chosen == null; i++) {
            String name;
            if (i < candidates.length) {
                name = candidates[i];
            } else if (i == candidates.length) {
                name = CharsetGuess.guess(body, offset);
            } else {
                name = FALLBACKS[i - candidates.length - 1];
            }
            if (name == null || tried.contains(name)) {
                continue;
            }
            tried.add(name);
            Charset cs = CharsetNames.lookup(name);
            if (cs == null) {
                continue;
            }
            boolean declared = i == 0 && rfc.declared() || i == 1;
            chosen = tryDecode(body, offset, cs, name);
            if (chosen != null
                    && declared
                    && !CharsetNames.isUnicode(cs)
                    && isSingleByte(cs)
                    && hasMultiByteUtf8(body)) {
                problems.add(new ParseProblem(
                        0,
                        0,
                        "declared as " + name + " by " + (i == 0 ? rfc.source() : documentSource)
                                + ", but the bytes are valid UTF-8; decoded as utf-8"));
                chosen = tryDecode(body, offset, StandardCharsets.UTF_8, "utf-8");
                return new Decoded(chosen.text(), chosen.length(), "utf-8", problems, chosen.controlFree());
            }
        }
        if (bom.charset() != null && !compatible(bom, chosen)) {
            problems.add(new ParseProblem(
                    0,
                    0,
                    "declared as " + rfc.encoding() + " by " + rfc.source() + ", but the document starts with"
                            + " the byte-order mark of " + bom.name() + "; decoded as " + bom.name()));
            return byMark(body, bom, problems);
        }
        if (!chosen.encoding().equals(rfc.encoding())) {
            problems.add(new ParseProblem(
                    0,
                    0,
                    CharsetNames.lookup(rfc.encoding()) == null
                            ? "the encoding " + rfc.encoding() + " declared by " + rfc.source()
                                    + " is unknown; decoded as " + chosen.encoding()
                            : rfc.declared()
                                    ? "declared as " + rfc.encoding() + " by " + rfc.source()
                                            + ", but the bytes are not valid " + rfc.encoding() + "; decoded as "
                                            + chosen.encoding()
                                    : "the document declares no encoding and is not valid utf-8; decoded as "
                                            + chosen.encoding()));
        }
        return new Decoded(chosen.text(), chosen.length(), chosen.encoding(), problems, chosen.controlFree());
    }

    /** Decodes by the byte-order mark: strictly, else with U+FFFD for what is invalid, and a problem saying so. */
    private static Decoded byMark(byte[] body, ByteOrderMark bom, List<ParseProblem> problems) {
        Decoded d = tryDecode(body, bom.offset(), bom.charset(), bom.name());
        if (d == null) {
            problems.add(new ParseProblem(
                    0, 0, "the bytes are not valid " + bom.name() + "; invalid sequences became U+FFFD"));
            d = lenient(body, bom.offset(), bom.charset(), bom.name());
        }
        return new Decoded(d.text(), d.length(), d.encoding(), problems, d.controlFree());
    }

    /**
     * True when the encoding chosen reads the text the byte-order mark announces: the mark's own encoding, or
     * us-ascii after a UTF-8 mark (feedparser reports us-ascii for an ASCII document served as text/xml).
     */
    private static boolean compatible(ByteOrderMark bom, Decoded chosen) {
        Charset cs = CharsetNames.lookup(chosen.encoding());
        return bom.charset().equals(cs)
                || bom.charset().equals(StandardCharsets.UTF_8) && StandardCharsets.US_ASCII.equals(cs);
    }

    /** Strict decoding of {@code body[offset...]}, reported under {@code name}; null when the bytes are invalid. */
    private static Decoded tryDecode(byte[] body, int offset, Charset cs, String name) {
        if (cs.equals(StandardCharsets.UTF_8)) {
            char[] out = new char[body.length - offset];
            long decoded = decodeUtf8(body, offset, out);
            if (decoded < 0) {
                return null;
            }
            return new Decoded(out, (int) decoded, name, List.of(), (decoded & CONTROLS_SEEN) == 0);
        }
        if (cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII)) {
            boolean ascii = cs.equals(StandardCharsets.US_ASCII);
            char[] out = new char[body.length - offset];
            for (int i = offset; i < body.length; i++) {
                int c = body[i] & 0xFF;
                if (ascii && c >= 0x80) {
                    return null;
                }
                out[i - offset] = (char) Windows1252.map(c);
            }
            return new Decoded(out, out.length, name, List.of());
        }
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = decoder.decode(ByteBuffer.wrap(body, offset, body.length - offset));
            return new Decoded(cb.array(), cb.limit(), name, List.of());
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Set in {@link #decodeUtf8}'s result when the text holds a character {@link ControlCharacters} drops. */
    private static final long CONTROLS_SEEN = 1L << 32;

    /**
     * Strict UTF-8 decoding into {@code out} (which has room for one char per byte); returns the number of chars, or
     * -1 at the first malformed sequence (overlong forms, surrogates and code points above U+10FFFF included).
     * Hand-written because one pass that validates and decodes is faster than the JDK's CharsetDecoder here.
     *
     * <p>It also notes on the way whether the text holds a character that XML may not (a C0 control other than tab,
     * line feed and carriage return, U+FFFE or U+FFFF), by setting {@link #CONTROLS_SEEN} in the result: that spares
     * a second pass over the whole text, and costs nothing on printable ASCII, which takes one comparison per byte
     * (bytes are signed, so the non-ASCII ones fall below 0x20 too).
     */
    static long decodeUtf8(byte[] b, int offset, char[] out) {
        int n = b.length;
        int i = offset;
        int j = 0;
        boolean controls = false;
        while (i < n) {
            int c = b[i];
            if (c >= 0x20) {
                out[j++] = (char) c;
                i++;
                continue;
            }
            if (c >= 0) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    controls = true;
                }
                out[j++] = (char) c;
                i++;
                continue;
            }
            c &= 0xFF;
            if (c >= 0xC2 && c <= 0xDF) {
                if (i + 1 >= n || (b[i + 1] & 0xC0) != 0x80) {
                    return -1;
                }
                out[j++] = (char) (((c & 0x1F) << 6) | (b[i + 1] & 0x3F));
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                if (i + 2 >= n || (b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80) {
                    return -1;
                }
                int cp = ((c & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
                if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    return -1;
                }
                if (cp >= 0xFFFE) {
                    controls = true;
                }
                out[j++] = (char) cp;
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                if (i + 3 >= n || (b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80 || (b[i + 3] & 0xC0) != 0x80) {
                    return -1;
                }
                int cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F);
                if (cp < 0x10000 || cp > 0x10FFFF) {
                    return -1;
                }
                out[j++] = Character.highSurrogate(cp);
                out[j++] = Character.lowSurrogate(cp);
                i += 4;
            } else {
                return -1;
            }
        }
        return controls ? j | CONTROLS_SEEN : j;
    }

    private static Decoded lenient(byte[] body, int offset, Charset cs, String name) {
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer out = CharBuffer.allocate(body.length - offset + 16);
        decoder.decode(ByteBuffer.wrap(body, offset, body.length - offset), out, true);
        decoder.flush(out);
        return new Decoded(out.array(), out.position(), name, List.of());
    }

    private static boolean isSingleByte(Charset cs) {
        return cs.newEncoder().maxBytesPerChar() <= 1.0f;
    }

    /** True when the bytes are valid UTF-8 and contain at least one multi-byte sequence. */
    static boolean hasMultiByteUtf8(byte[] b) {
        boolean multi = false;
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int len;
            if (c >= 0xC2 && c <= 0xDF) {
                len = 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len = 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 4;
            } else {
                return false;
            }
            if (i + len > n) {
                return false;
            }
            for (int k = 1; k < len; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            multi = true;
            i += len;
        }
        return multi;
    }

    /**
     * The encoding named in an XML declaration within the first 1024 characters (after any leading junk, which
     * feedparser does not allow), read in the encoding the first bytes announce; null when there is none.
     */
    static String xmlDeclaredEncoding(byte[] body, ByteOrderMark bom) {
        int offset = bom.offset();
        Charset cs = bom.charset() == null ? StandardCharsets.ISO_8859_1 : bom.charset();
        String head = new String(body, offset, Math.min(body.length - offset, 4096), cs);
        if (head.length() > 1024) {
            head = head.substring(0, 1024);
        }
        int decl = head.indexOf("<?xml");
        if (decl < 0) {
            return null;
        }
        int end = head.indexOf("?>", decl);
        String d = end < 0 ? head.substring(decl) : head.substring(decl, end);
        return attributeIn(d, "encoding");
    }

    /** The charset of an HTML {@code <meta charset>} or http-equiv Content-Type within the first 4 KB, or null. */
    static String htmlMetaCharset(byte[] body) {
        String head =
                new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int meta = head.indexOf("<meta");
        while (meta >= 0) {
            int end = head.indexOf('>', meta);
            if (end < 0) {
                return null;
            }
            String tag = head.substring(meta, end);
            String cs = attributeIn(tag, "charset");
            if (cs == null && tag.contains("http-equiv")) {
                String content = attributeIn(tag, "content");
                cs = Rfc3023.charsetParameter(content);
            }
            if (cs != null) {
                return cs;
            }
            meta = head.indexOf("<meta", end);
        }
        return null;
    }

    private static String attributeIn(String tag, String name) {
        int i = tag.indexOf(name);
        while (i >= 0) {
            int p = i + name.length();
            while (p < tag.length() && tag.charAt(p) == ' ') {
                p++;
            }
            if (p < tag.length() && tag.charAt(p) == '=') {
                p++;
                while (p < tag.length() && tag.charAt(p) == ' ') {
                    p++;
                }
                if (p >= tag.length()) {
                    return null;
                }
                char q = tag.charAt(p);
                int start = q == '"' || q == '\'' ? p + 1 : p;
                int end = start;
                while (end < tag.length()
                        && tag.charAt(end) != q
                        && tag.charAt(end) != '"'
                        && tag.charAt(end) != '\''
                        && tag.charAt(end) != ' '
                        && tag.charAt(end) != '>'
                        && tag.charAt(end) != ';'
                        && tag.charAt(end) != '/') {
                    end++;
                }
                String v = tag.substring(start, end).trim();
                return v.isEmpty() ? null : v;
            }
            i = tag.indexOf(name, i + 1);
        }
        return null;
    }
}
