package org.callisto.show.media;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A single-file BitTorrent metainfo made by {@link TorrentWriter}: the {@code .torrent} bytes and what a page or a
 * feed needs to link to it. Immutable (the arrays are copied in and out).
 *
 * @param name        the file name in the torrent's {@code info}
 * @param length      the file's length in bytes
 * @param pieceLength bytes per piece, a power of two
 * @param pieces      the number of pieces
 * @param infoHash    the SHA-1 of the bencoded {@code info} dictionary: the torrent's identity
 * @param bytes       the bencoded metainfo, as written to a {@code .torrent} file
 * @param webSeed     the direct download URL in {@code url-list} (BEP 19)
 */
public record Torrent(
        String name, long length, int pieceLength, int pieces, byte[] infoHash, byte[] bytes, URI webSeed) {

    public Torrent {
        infoHash = infoHash.clone();
        bytes = bytes.clone();
    }

    @Override
    public byte[] infoHash() {
        return infoHash.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The info hash as 40 lowercase hex digits. */
    public String infoHashHex() {
        return HexFormat.of().formatHex(infoHash);
    }

    /**
     * A magnet URI: the info hash ({@code xt}), the name ({@code dn}), the length ({@code xl}) and the web seed
     * ({@code ws}), so a client can start from the link alone.
     */
    public String magnet() {
        return "magnet:?xt=urn:btih:" + infoHashHex() + "&dn=" + encode(name) + "&xl=" + length + "&ws="
                + encode(webSeed.toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
