package org.callisto.planet.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of a leniently parsed XML document: its name split into a canonical namespace key and local name, its
 * attributes, its direct text (entities resolved) and its children. Built by {@link LenientXmlParser}; not
 * thread-safe while being built, effectively immutable afterwards.
 *
 * <p>The namespace key is a short canonical name for well-known feed namespaces ({@code atom}, {@code dc},
 * {@code content}, {@code media}, {@code itunes}, {@code rdf}, ...), the empty string for no namespace (and for the
 * RSS 0.90/1.0 namespaces, which are plain RSS), or the namespace URI itself otherwise.
 */
final class XmlElement {
    private static final String[] NO_ATTRIBUTES = new String[0];

    final XmlElement parent;
    final String qname;
    final String local;
    String ns;
    /** Attribute names and values, alternating: name0, value0, name1, value1, ... */
    String[] attributes = NO_ATTRIBUTES;

    int attributeCount;
    List<XmlElement> children;
    private StringBuilder textBuffer;
    private String text;
    /** Offsets in the source of the element's inner markup, for serializing XHTML and unescaped HTML content. */
    int innerStart;

    int innerEnd;
    /** The xml:base in effect for this element, or null. */
    String base;
    /** Namespace prefix to URI declarations in scope ("" for the default namespace); shared with the parent. */
    java.util.Map<String, String> namespaces = java.util.Map.of();
    /** The xml:lang in effect for this element, or null. */
    String lang;

    XmlElement(XmlElement parent, String qname, String local) {
        this.parent = parent;
        this.qname = qname;
        this.local = local;
    }

    void addAttribute(String name, String value) {
        if (attributeCount * 2 == attributes.length) {
            String[] bigger = new String[Math.max(8, attributes.length * 2)];
            System.arraycopy(attributes, 0, bigger, 0, attributes.length);
            attributes = bigger;
        }
        attributes[attributeCount * 2] = name;
        attributes[attributeCount * 2 + 1] = value;
        attributeCount++;
    }

    /** The value of the attribute with this qualified name (e.g. {@code href}, {@code xml:base}), or null. */
    String attr(String name) {
        for (int i = 0; i < attributeCount; i++) {
            if (attributes[i * 2].equals(name)) {
                return attributes[i * 2 + 1];
            }
        }
        return null;
    }

    /** The value of the attribute with this local name in any namespace (e.g. {@code about} for rdf:about). */
    String attrLocal(String localName) {
        String exact = attr(localName);
        if (exact != null) {
            return exact;
        }
        for (int i = 0; i < attributeCount; i++) {
            String n = attributes[i * 2];
            int colon = n.indexOf(':');
            if (colon >= 0
                    && n.regionMatches(colon + 1, localName, 0, localName.length())
                    && n.length() - colon - 1 == localName.length()) {
                return attributes[i * 2 + 1];
            }
        }
        return null;
    }

    /**
     * How much of the parent's own text came before this element, so that text and children can be replayed in
     * document order ({@link FeedFieldsBuilder}).
     */
    int textOffsetInParent;

    /**
     * One bit per child's local name (its hash, modulo 64): a lookup of a name whose bit is clear is answered without
     * looking at the children, which is most lookups, since the readers ask for every element a feed may have.
     */
    private long childNameBits;

    private static long nameBit(String localName) {
        return 1L << (localName.hashCode() & 63);
    }

    void addChild(XmlElement child) {
        child.textOffsetInParent = textLength();
        childNameBits |= nameBit(child.local);
        if (children == null) {
            children = new ArrayList<>(4);
        }
        children.add(child);
    }

    List<XmlElement> children() {
        return children == null ? List.of() : children;
    }

    boolean hasChildren() {
        return children != null && !children.isEmpty();
    }

    // Text is kept as a range of the source while it is one raw run (the common case), and copied into a buffer
    // only when a second run, an entity or CDATA joins it.
    private char[] rangeSource;
    private int rangeStart;
    private int rangeEnd;

    void appendText(char[] source, int start, int end) {
        if (end <= start) {
            return;
        }
        if (textBuffer == null && rangeSource == null && text == null) {
            rangeSource = source;
            rangeStart = start;
            rangeEnd = end;
            return;
        }
        buffer().append(source, start, end - start);
    }

    void appendText(char c) {
        buffer().append(c);
    }

    void appendText(String s) {
        if (textBuffer == null && rangeSource == null && text == null) {
            text = s; // the element's only text so far: kept as it is, copied only if more text joins it
            return;
        }
        buffer().append(s);
    }

    private StringBuilder buffer() {
        if (textBuffer == null) {
            textBuffer = new StringBuilder(Math.max(16, (text != null ? text.length() : rangeEnd - rangeStart) + 16));
            if (rangeSource != null) {
                textBuffer.append(rangeSource, rangeStart, rangeEnd - rangeStart);
                rangeSource = null;
            } else if (text != null) {
                textBuffer.append(text);
                text = null;
            }
        }
        return textBuffer;
    }

    private int textLength() {
        if (text != null) {
            return text.length();
        }
        if (textBuffer != null) {
            return textBuffer.length();
        }
        return rangeSource == null ? 0 : rangeEnd - rangeStart;
    }

    /** Called once when the element is closed: freezes buffered text (a raw range stays lazy). */
    void finish() {
        if (textBuffer != null) {
            text = textBuffer.toString();
            textBuffer = null;
        }
    }

    /** The element's own text (not its children's), entities resolved, untrimmed; never null. */
    String text() {
        if (text == null) {
            if (textBuffer != null) {
                finish();
            } else if (rangeSource != null) {
                text = new String(rangeSource, rangeStart, rangeEnd - rangeStart);
                rangeSource = null;
            } else {
                text = "";
            }
        }
        return text;
    }

    /** True when the element has no text or only whitespace, without building the text. */
    boolean textIsBlank() {
        if (text == null && textBuffer == null) {
            if (rangeSource == null) {
                return true;
            }
            for (int i = rangeStart; i < rangeEnd; i++) {
                if (!Character.isWhitespace(rangeSource[i])) {
                    return false;
                }
            }
            return true;
        }
        return text().isBlank();
    }

    /**
     * True for this namespace key and local name. Both of this element's names are interned by the parser, so the
     * arguments must be interned too (string literals are).
     */
    boolean is(String namespace, String localName) {
        return local == localName && ns == namespace;
    }

    /** First child with this namespace key and local name, or null. */
    XmlElement child(String namespace, String localName) {
        if (children != null && (childNameBits & nameBit(localName)) != 0) {
            for (XmlElement c : children) {
                if (c.is(namespace, localName)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** All children with this namespace key and local name. */
    List<XmlElement> children(String namespace, String localName) {
        if (children == null || (childNameBits & nameBit(localName)) == 0) {
            return List.of();
        }
        List<XmlElement> out = null;
        for (XmlElement c : children) {
            if (c.is(namespace, localName)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(c);
            }
        }
        return out == null ? List.of() : out;
    }

    @Override
    public String toString() {
        return "<" + qname + ">";
    }
}
