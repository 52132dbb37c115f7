package org.callisto.show.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BencodeTest {

    private static String encode(Object value) {
        return new String(Bencode.encode(value), StandardCharsets.ISO_8859_1);
    }

    @Test
    void encodesTheFourTypesAsBep3Shows() {
        assertThat(encode(42L)).isEqualTo("i42e");
        assertThat(encode(-3)).isEqualTo("i-3e");
        assertThat(encode(0L)).isEqualTo("i0e");
        assertThat(encode("spam")).isEqualTo("4:spam");
        assertThat(encode("")).isEqualTo("0:");
        assertThat(encode(List.of("spam", "eggs"))).isEqualTo("l4:spam4:eggse");
        assertThat(encode(Map.of("cow", "moo", "spam", "eggs"))).isEqualTo("d3:cow3:moo4:spam4:eggse");
        assertThat(encode(Map.of("spam", List.of("a", "b")))).isEqualTo("d4:spaml1:a1:bee");
    }

    @Test
    void dictionaryKeysAreSortedAsRawBytesNotInInsertionOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("url-list", "u");
        map.put("info", 1L);
        map.put("created by", "c");
        map.put("creation date", 2L);
        map.put("Z", 3L); // uppercase sorts before lowercase
        map.put("é", 4L); // UTF-8 0xC3 0xA9 sorts after ASCII

        assertThat(encode(map))
                .isEqualTo("d1:Zi3e10:created by1:c13:creation datei2e4:infoi1e8:url-list1:u" + "2:\u00c3\u00a9i4ee");
    }

    @Test
    void stringsAreUtf8AndByteArraysAreWrittenAsIs() {
        assertThat(Bencode.encode("é")).containsExactly('2', ':', 0xC3, 0xA9);
        assertThat(Bencode.encode(new byte[] {0, (byte) 0xFF})).containsExactly('2', ':', 0, 0xFF);
    }

    @Test
    void decodingReversesEncoding() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("info", Map.of("length", 123456789012L, "pieces", new byte[] {1, 2, 3}));
        map.put("list", List.of(-1L, "x"));

        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) Bencode.decode(Bencode.encode(map));

        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) back.get("info");
        assertThat(info.get("length")).isEqualTo(123456789012L);
        assertThat((byte[]) info.get("pieces")).containsExactly(1, 2, 3);
        assertThat((List<?>) back.get("list")).hasSize(2).first().isEqualTo(-1L);
    }

    @Test
    void refusesWhatItCannotEncodeNamingTheType() {
        assertThatThrownBy(() -> Bencode.encode(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bencode: cannot encode a java.lang.Double; use Long, byte[], String, List or Map");
        assertThatThrownBy(() -> Bencode.encode(Map.of(1, 2)))
                .hasMessage("bencode: dictionary keys must be strings, got java.lang.Integer");
        java.util.List<Object> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> Bencode.encode(withNull)).hasMessageContaining("null has no encoding");
    }

    @Test
    void refusesMalformedInputWithTheOffset() {
        for (String bad : List.of(
                "i03e",
                "i-0e",
                "ie",
                "i12",
                "5:abc",
                "l",
                "d1:ae",
                "di1ei2ee",
                "x",
                "i1ei2e",
                "01:a",
                "l".repeat(100) + "e".repeat(100))) {
            assertThatThrownBy(() -> Bencode.decode(bad.getBytes(StandardCharsets.ISO_8859_1)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("bencode: ")
                    .hasMessageContaining(" at byte ");
        }
    }
}
