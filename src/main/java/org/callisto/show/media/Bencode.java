package org.callisto.show.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bencoding (BEP 3), the encoding of {@code .torrent} files: integers {@code i42e}, byte strings {@code 4:spam},
 * lists {@code l...e} and dictionaries {@code d...e} whose keys are byte strings sorted as raw bytes.
 *
 * <p>{@link #encode} takes {@link Long}/{@link Integer}, {@code byte[]}, {@link String} (written as UTF-8),
 * {@link List} and {@link Map} with {@link String} keys; anything else is refused with an exception naming its type.
 * {@link #decode} returns {@link Long}, {@code byte[]}, {@link List} and {@link Map} (keys decoded as UTF-8, in
 * file order) and refuses malformed input with the offset of the problem. Stateless and thread-safe.
 */
public final class Bencode {

    private static final Comparator<byte[]> RAW_BYTES = Arrays::compareUnsigned;
    private static final int MAX_DEPTH = 64;

    private Bencode() {}

    /** The bencoding of {@code value}. */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    private static void write(Object value, ByteArrayOutputStream out) {
        switch (value) {
            case Long n -> out.writeBytes(("i" + n + "e").getBytes(StandardCharsets.US_ASCII));
            case Integer n -> out.writeBytes(("i" + n + "e").getBytes(StandardCharsets.US_ASCII));
            case byte[] bytes -> {
                out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(bytes);
            }
            case String s -> write(s.getBytes(StandardCharsets.UTF_8), out);
            case List<?> list -> {
                out.write('l');
                for (Object item : list) {
                    write(item, out);
                }
                out.write('e');
            }
            case Map<?, ?> map -> {
                TreeMap<byte[], Object> sorted = new TreeMap<>(RAW_BYTES);
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getKey() instanceof String key)) {
                        throw new IllegalArgumentException("bencode: dictionary keys must be strings, got "
                                + (e.getKey() == null
                                        ? "null"
                                        : e.getKey().getClass().getName()));
                    }
                    if (sorted.put(key.getBytes(StandardCharsets.UTF_8), e.getValue()) != null) {
                        throw new IllegalArgumentException("bencode: duplicate dictionary key '" + key + "'");
                    }
                }
                out.write('d');
                for (Map.Entry<byte[], Object> e : sorted.entrySet()) {
                    write(e.getKey(), out);
                    write(e.getValue(), out);
                }
                out.write('e');
            }
            case null -> throw new IllegalArgumentException("bencode: null has no encoding; leave the key out");
            default ->
                throw new IllegalArgumentException("bencode: cannot encode a "
                        + value.getClass().getName() + "; use Long, byte[], String, List or Map");
        }
    }

    /** Decodes one complete value; trailing bytes are an error. */
    public static Object decode(byte[] input) {
        Decoder d = new Decoder(input);
        Object value = d.value(0);
        if (d.position != input.length) {
            throw d.error("trailing bytes after the value");
        }
        return value;
    }

    /** A cursor over the input. Confined to one {@link #decode} call. */
    private static final class Decoder {
        private final byte[] in;
        private int position;

        Decoder(byte[] in) {
            this.in = in;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH);
            }
            if (position >= in.length) {
                throw error("unexpected end of input");
            }
            byte b = in[position];
            if (b == 'i') {
                position++;
                long n = number('e');
                return n;
            }
            if (b == 'l') {
                position++;
                List<Object> list = new ArrayList<>();
                while (peek() != 'e') {
                    list.add(value(depth + 1));
                }
                position++;
                return list;
            }
            if (b == 'd') {
                position++;
                Map<String, Object> map = new java.util.LinkedHashMap<>();
                while (peek() != 'e') {
                    int keyAt = position;
                    if (!(value(depth + 1) instanceof byte[] key)) {
                        position = keyAt;
                        throw error("dictionary key is not a byte string");
                    }
                    map.put(new String(key, StandardCharsets.UTF_8), value(depth + 1));
                }
                position++;
                return map;
            }
            if (b >= '0' && b <= '9') {
                long length = number(':');
                if (length > in.length - position) {
                    throw error("byte string of " + length + " bytes runs past the end");
                }
                byte[] bytes = Arrays.copyOfRange(in, position, position + (int) length);
                position += (int) length;
                return bytes;
            }
            throw error("unexpected byte 0x" + Integer.toHexString(b & 0xFF));
        }

        private byte peek() {
            if (position >= in.length) {
                throw error("unexpected end of input");
            }
            return in[position];
        }

        private long number(char terminator) {
            int start = position;
            while (position < in.length && in[position] != terminator) {
                position++;
            }
            if (position >= in.length) {
                position = start;
                throw error("number without its '" + terminator + "'");
            }
            String digits = new String(in, start, position - start, StandardCharsets.US_ASCII);
            position++;
            if (!digits.matches("-?(0|[1-9][0-9]{0,18})") || digits.equals("-0")) {
                position = start;
                throw error("malformed number '" + digits + "'");
            }
            return Long.parseLong(digits);
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("bencode: " + problem + " at byte " + position);
        }
    }
}
