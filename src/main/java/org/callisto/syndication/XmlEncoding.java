package org.callisto.syndication;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the encoding of an XML document from its first bytes, as XML 1.0 (appendix F) describes: a byte order mark,
 * else the {@code encoding} of the XML declaration, else UTF-8; and decodes it strictly, so bytes that are not text
 * in that encoding fail with a {@link java.nio.charset.CharacterCodingException}.
 *
 * <p>Hand-written, though the JDK's StAX parser detects encodings itself: when it meets bytes it cannot decode, it
 * prints a {@code [Fatal Error]} line to standard error through a default error handler that its public API cannot
 * replace. Given characters instead of bytes, it never decodes and never prints.
 *
 * <p>Stateless and thread-safe.
 */
final class XmlEncoding {

    /** How far into the document the XML declaration is looked for. */
    private static final int HEAD = 1024;

    private static final Pattern DECLARED = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");

    private XmlEncoding() {}

    /** The document as characters, without its byte order mark. The caller closes what it returns (and so {@code in}). */
    static Reader reader(InputStream in) throws IOException, UnknownEncoding {
        BufferedInputStream buffered = new BufferedInputStream(in, 8192);
        buffered.mark(HEAD);
        byte[] head = buffered.readNBytes(HEAD);
        buffered.reset();
        Charset charset;
        int bom = 0;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(head, 0x00, 0x3C, 0x00, 0x3F)) {
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(head, 0x3C, 0x00, 0x3F, 0x00)) {
            charset = StandardCharsets.UTF_16LE;
        } else {
            charset = declared(head);
        }
        buffered.skipNBytes(bom);
        return new InputStreamReader(
                buffered,
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The encoding an XML declaration in {@code head} names, or UTF-8 when there is none. */
    private static Charset declared(byte[] head) throws UnknownEncoding {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("?>");
        if (!text.startsWith("<?xml") || end < 0) {
            return StandardCharsets.UTF_8;
        }
        Matcher m = DECLARED.matcher(text.substring(0, end));
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = m.group(1);
        if (name.toLowerCase(Locale.ROOT).startsWith("utf-16")) {
            return StandardCharsets.UTF_8; // declared UTF-16 but written in single bytes, as the sniffing above found
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnknownEncoding(name);
        }
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The XML declaration names an encoding this JDK does not know. */
    static final class UnknownEncoding extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownEncoding(String name) {
            super("the XML declaration names the encoding '" + name + "', which is not known; save the file as UTF-8");
        }
    }
}
