package org.callisto.planet.fetch;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a response body while it streams in, decoding {@code gzip} and {@code deflate} on the fly and enforcing
 * one byte cap twice: on the bytes received and on the bytes decoded. Either overrun stops reading at once with a
 * {@link BodyTooLargeException}, so a compression bomb or an endless body never costs more than the cap in memory.
 * {@code deflate} is accepted both zlib-wrapped (as the RFC says) and raw (as some servers send it).
 *
 * <p>Stateless and thread-safe; each call works on its own stream.
 */
final class BodyReader {

    private static final int CHUNK = 16 * 1024;

    private BodyReader() {}

    /**
     * Reads and decodes the whole body.
     *
     * @param raw             the body as received; not closed here
     * @param contentEncoding the Content-Encoding header, or null
     * @param cap             the largest body accepted, raw and decoded
     * @throws BodyTooLargeException  as soon as either count passes {@code cap}
     * @throws BodyDecodingException  when the encoding is unknown or the compressed data is corrupt
     * @throws IOException            when the stream fails (timeouts, resets, aborts)
     */
    static byte[] read(InputStream raw, String contentEncoding, long cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(raw, contentEncoding, cap, out);
        return out.toByteArray();
    }

    /**
     * Reads and decodes the whole body into {@code out}, as {@link #read} does into memory: for bodies too large to
     * hold, such as media files.
     */
    static void copy(InputStream raw, String contentEncoding, long cap, java.io.OutputStream out) throws IOException {
        InputStream counted = new CappedInputStream(raw, cap);
        String encoding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        InputStream decoded = switch (encoding) {
            case "", "identity" -> counted;
            case "gzip", "x-gzip" -> gunzip(counted);
            case "deflate" -> inflate(counted);
            default ->
                throw new BodyDecodingException(
                        "unsupported Content-Encoding '" + contentEncoding + "' (only gzip and deflate were asked for)",
                        null);
        };
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        try {
            int n;
            while ((n = decoded.read(buffer)) != -1) {
                total += n;
                if (total > cap) {
                    throw new BodyTooLargeException(cap, decoded != counted);
                }
                out.write(buffer, 0, n);
            }
        } catch (ZipException e) {
            throw new BodyDecodingException("corrupt " + encoding + " data: " + e.getMessage(), e);
        } catch (EOFException e) {
            if (decoded == counted) {
                throw e;
            }
            throw new BodyDecodingException(encoding + " data ends before the compressed stream does", e);
        } finally {
            if (decoded instanceof InflaterInputStream inflater) {
                inflater.close(); // frees the native Inflater; the raw stream stays open for the caller
            }
        }
    }

    private static InputStream gunzip(InputStream in) throws IOException {
        try {
            return new GZIPInputStream(in, CHUNK);
        } catch (ZipException e) {
            throw new BodyDecodingException("Content-Encoding says gzip but the body is not: " + e.getMessage(), e);
        } catch (EOFException e) {
            return InputStream.nullInputStream(); // an empty gzip body (e.g. from a HEAD-like answer)
        }
    }

    private static InputStream inflate(InputStream in) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(in, 2);
        int cmf = peek.read();
        int flg = cmf < 0 ? -1 : peek.read();
        if (flg >= 0) {
            peek.unread(flg);
        }
        if (cmf >= 0) {
            peek.unread(cmf);
        }
        boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
        return new NonClosingInflater(peek, new Inflater(!zlib));
    }

    /** Counts raw bytes and fails the read that passes the cap. */
    private static final class CappedInputStream extends FilterInputStream {
        private final long cap;
        private long count;

        CappedInputStream(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws BodyTooLargeException {
            count += n;
            if (count > cap) {
                throw new BodyTooLargeException(cap, false);
            }
        }

        @Override
        public void close() {
            // the caller closes the underlying stream
        }
    }

    private static final class NonClosingInflater extends InflaterInputStream {
        NonClosingInflater(InputStream in, Inflater inflater) {
            super(in, inflater, CHUNK);
        }

        @Override
        public void close() {
            inf.end(); // we made this Inflater, so we free it; the raw stream stays open
        }
    }
}
