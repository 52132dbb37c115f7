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
 * Decodes feed bytes to text, choosing the encoding from, in order: a byte-order mark, the HTTP Content-Type charset,
 * the XML declaration (or an HTML meta charset), then UTF-8. Declarations often lie, so the choice is checked
 * against the bytes: bytes that are not valid in a declared UTF-8 are decoded as windows-1252, and bytes declared as a
 * single-byte encoding that are in fact valid, non-ASCII UTF-8 are decoded as UTF-8. Each such correction is recorded
 * as a problem. Stateless and thread-safe.
 */
public final class FeedDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The decoded text, the name of the encoding actually used, and what was wrong with the declared one. */
    public record Decoded(char[] text, int length, String encoding, List<ParseProblem> problems) {
        /** The text as a String. */
        public String asString() {
            return new String(text, 0, length);
        }
    }

    private FeedDecoder() {}

    /**
     * Decodes {@code body}.
     *
     * @param contentType the HTTP Content-Type header, or null
     */
    public static Decoded decode(byte[] body, String contentType) {
        List<ParseProblem> problems = new ArrayList<>(1);
        int n = body.length;
        // 1. byte-order mark
        if (n >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return strictOrFallback(body, 3, StandardCharsets.UTF_8, "UTF-8", problems, "byte-order mark");
        }
        if (n >= 4 && body[0] == 0 && body[1] == 0 && (body[2] & 0xFF) == 0xFE && (body[3] & 0xFF) == 0xFF) {
            return lenient(body, 4, Charset.forName("UTF-32BE"), problems);
        }
        if (n >= 4 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE && body[2] == 0 && body[3] == 0) {
            return lenient(body, 4, Charset.forName("UTF-32LE"), problems);
        }
        if (n >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return lenient(body, 2, StandardCharsets.UTF_16BE, problems);
        }
        if (n >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return lenient(body, 2, StandardCharsets.UTF_16LE, problems);
        }
        // UTF-16 without a BOM: "<?" or "<r" with zero bytes between
        if (n >= 4 && body[0] == 0 && body[1] == '<' && body[2] == 0) {
            return lenient(body, 0, StandardCharsets.UTF_16BE, problems);
        }
        if (n >= 4 && body[0] == '<' && body[1] == 0 && body[3] == 0) {
            return lenient(body, 0, StandardCharsets.UTF_16LE, problems);
        }
        // 2. HTTP charset, 3. XML declaration or HTML meta
        String declared = charsetParameter(contentType);
        String source = "HTTP Content-Type";
        if (declared == null) {
            declared = xmlDeclaredEncoding(body);
            source = "XML declaration";
        }
        if (declared == null) {
            declared = htmlMetaCharset(body);
            source = "HTML meta charset";
        }
        if (declared == null) {
            return strictOrFallback(body, 0, StandardCharsets.UTF_8, "UTF-8", problems, "default");
        }
        Charset cs = lookup(declared);
        if (cs == null) {
            problems.add(
                    new ParseProblem(0, 0, "unknown encoding \"" + declared + "\" in the " + source + "; tried UTF-8"));
            return strictOrFallback(body, 0, StandardCharsets.UTF_8, "UTF-8", problems, source);
        }
        if (cs.equals(StandardCharsets.UTF_8) || cs.equals(StandardCharsets.US_ASCII)) {
            return strictOrFallback(body, 0, StandardCharsets.UTF_8, "UTF-8", problems, source);
        }
        if (cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32")) {
            if (n >= 2 && body[0] == '<' && body[1] == '?') {
                problems.add(new ParseProblem(
                        0, 0, "the " + source + " says " + declared + " but the bytes are 8-bit; decoded as UTF-8"));
                return strictOrFallback(body, 0, StandardCharsets.UTF_8, "UTF-8", problems, source);
            }
            return lenient(body, 0, cs, problems);
        }
        if (isSingleByte(cs) && hasMultiByteUtf8(body)) {
            problems.add(new ParseProblem(
                    0, 0, "the " + source + " says " + declared + " but the bytes are valid UTF-8; decoded as UTF-8"));
            return strictOrFallback(body, 0, StandardCharsets.UTF_8, "UTF-8", problems, source);
        }
        if (cs.equals(StandardCharsets.ISO_8859_1)) {
            // browsers treat ISO-8859-1 as windows-1252; feeds do the same in practice (curly quotes, euro)
            cs = WINDOWS_1252;
        }
        return lenient(body, 0, cs, problems);
    }

    private static Decoded strictOrFallback(
            byte[] body, int offset, Charset cs, String name, List<ParseProblem> problems, String source) {
        if (cs.equals(StandardCharsets.UTF_8)) {
            char[] out = new char[body.length - offset];
            int length = decodeUtf8(body, offset, out);
            if (length >= 0) {
                return new Decoded(out, length, name, problems);
            }
            problems.add(new ParseProblem(
                    0,
                    0,
                    "the bytes are not valid " + name + " (encoding from the " + source
                            + "); decoded as windows-1252"));
            return lenient(body, offset, WINDOWS_1252, problems);
        }
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = decoder.decode(ByteBuffer.wrap(body, offset, body.length - offset));
            return new Decoded(cb.array(), cb.limit(), name, problems);
        } catch (CharacterCodingException e) {
            problems.add(new ParseProblem(
                    0,
                    0,
                    "the bytes are not valid " + name + " (encoding from the " + source
                            + "); decoded as windows-1252"));
            return lenient(body, offset, WINDOWS_1252, problems);
        }
    }

    /**
     * Strict UTF-8 decoding into {@code out} (which has room for one char per byte); returns the number of chars, or
     * -1 at the first malformed sequence (overlong forms, surrogates and code points above U+10FFFF included).
     * Hand-written because one pass that validates and decodes is faster than the JDK's CharsetDecoder here.
     */
    static int decodeUtf8(byte[] b, int offset, char[] out) {
        int n = b.length;
        int i = offset;
        int j = 0;
        while (i < n) {
            int c = b[i];
            if (c >= 0) {
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
        return j;
    }

    private static Decoded lenient(byte[] body, int offset, Charset cs, List<ParseProblem> problems) {
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer out = CharBuffer.allocate(body.length - offset + 16);
        decoder.decode(ByteBuffer.wrap(body, offset, body.length - offset), out, true);
        decoder.flush(out);
        return decoded(out, cs, problems);
    }

    private static Decoded decoded(CharBuffer cb, Charset cs, List<ParseProblem> problems) {
        return new Decoded(cb.array(), cb.position(), cs.name(), problems);
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

    /** The charset parameter of a Content-Type header value, or null. */
    static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        int i = lower.indexOf("charset=");
        if (i < 0) {
            return null;
        }
        String v = contentType.substring(i + 8).trim();
        int semi = v.indexOf(';');
        if (semi >= 0) {
            v = v.substring(0, semi);
        }
        v = v.replace("\"", "").replace("'", "").trim();
        return v.isEmpty() ? null : v;
    }

    /** The encoding named in an XML declaration within the first 1 KB (after any leading junk), or null. */
    static String xmlDeclaredEncoding(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1);
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
                cs = charsetParameter(content);
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

    /** The charset for a declared name, tolerating common misspellings; null when unknown. */
    static Charset lookup(String declared) {
        String name = declared.trim();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.matches("iso[-_ ]?8859[-_ ]?\\d+")) {
            name = "ISO-8859-" + lower.replaceAll("iso[-_ ]?8859[-_ ]?", "");
        } else if (lower.matches("(windows|win|cp)[-_ ]?125\\d")) {
            name = "windows-" + lower.substring(lower.length() - 4);
        } else if (lower.equals("utf8")) {
            name = "UTF-8";
        } else if (lower.equals("latin1") || lower.equals("latin-1")) {
            name = "ISO-8859-1";
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
