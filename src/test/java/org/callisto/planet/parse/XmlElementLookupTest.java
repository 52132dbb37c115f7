package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Child lookups by name, which skip the children when no child's name shares the asked name's bit. */
class XmlElementLookupTest {

    @Test
    void everyChildIsFoundByNameAndAbsentNamesAreNotEvenWhenTheirBitsCollide() {
        // 300 names over 64 bits: many share a bit, so both the skip and the scan behind it are exercised
        XmlElement parent = new XmlElement(null, "item", "item");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String name = ("n" + i).intern();
            names.add(name);
            XmlElement child = new XmlElement(parent, name, name);
            child.ns = "";
            parent.addChild(child);
            XmlElement again = new XmlElement(parent, name, name);
            again.ns = i % 2 == 0 ? "" : "dc";
            parent.addChild(again);
        }
        for (int i = 0; i < 300; i++) {
            String name = names.get(i);
            assertThat(parent.child("", name)).isSameAs(parent.children().get(2 * i));
            assertThat(parent.children("", name)).hasSize(i % 2 == 0 ? 2 : 1);
            assertThat(parent.children("dc", name)).hasSize(i % 2 == 0 ? 0 : 1);
            assertThat(parent.child("", ("absent" + i).intern())).isNull();
            assertThat(parent.children("", ("absent" + i).intern())).isEmpty();
        }
    }

    @Test
    void anElementWithoutChildrenFindsNone() {
        XmlElement lone = new XmlElement(null, "title", "title");
        assertThat(lone.child("", "title")).isNull();
        assertThat(lone.children("", "title")).isEmpty();
    }

    @Test
    void theTextBufferKeepsEveryRunInOrderWhileGrowing() {
        TextBuffer buffer = new TextBuffer(1);
        StringBuilder expected = new StringBuilder();
        char[] source = "café — Jürgen & über €".toCharArray();
        for (int i = 0; i < 500; i++) {
            int from = i % source.length;
            int to = Math.min(source.length, from + 1 + i % 7);
            buffer.append(source, from, to);
            expected.append(source, from, to - from);
            buffer.append('&');
            expected.append('&');
            buffer.append("&lt;" + i);
            expected.append("&lt;" + i);
        }
        assertThat(buffer.toString()).isEqualTo(expected.toString());
        assertThat(buffer.length()).isEqualTo(expected.length());
        buffer.clear();
        buffer.append(source, 3, 3);
        assertThat(buffer.toString()).isEmpty();
    }
}
