package org.callisto.show.media;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes one single-file BitTorrent metainfo (BEP 3) per media file, with the direct download URL as its web seed
 * (BEP 19, {@code url-list}), so any client can fetch the file from our server over HTTP ranges and from peers alike.
 *
 * <p>There is no tracker: {@code announce} is left out (BEP 3 makes it required, but clients accept its absence
 * for trackerless torrents, and with a web seed a client needs no peer at all). The piece length is the smallest
 * power of two from 16 KiB to 4 MiB that keeps the number of pieces at 2000 or fewer, so pieces number between
 * 1000 and 2000 for files from 32 MiB to 8 GiB, fewer for smaller files, and more only past 8 GiB.
 *
 * <p>Hashing reads the file once, sequentially, one piece at a time. Stateless and thread-safe.
 */
public final class TorrentWriter {

    static final int MIN_PIECE = 16 * 1024;
    static final int MAX_PIECE = 4 * 1024 * 1024;
    static final int TARGET_PIECES = 2000;
    static final String CREATED_BY = "Callisto";

    private TorrentWriter() {}

    /** The piece length for a file of {@code length} bytes; see the class comment. */
    static int pieceLength(long length) {
        int piece = MIN_PIECE;
        while (piece < MAX_PIECE && (length + piece - 1) / piece > TARGET_PIECES) {
            piece *= 2;
        }
        return piece;
    }

    /** Makes the torrent of {@code file}, downloadable from {@code webSeed}, dated {@code created}. */
    public static Torrent create(Path file, URI webSeed, Instant created) throws MediaException {
        String name = String.valueOf(file.getFileName());
        if (!webSeed.isAbsolute()
                || !(webSeed.getScheme().equals("http") || webSeed.getScheme().equals("https"))) {
            throw new MediaException(
                    name + ": the web seed must be an absolute http or https URL, got '" + webSeed + "'");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            if (length == 0) {
                throw new MediaException(name + ": the file is empty; there is nothing to share");
            }
            int pieceLength = pieceLength(length);
            int pieces = (int) ((length + pieceLength - 1) / pieceLength);
            byte[] hashes = new byte[pieces * 20];
            MessageDigest sha1 = sha1();
            ByteBuffer buffer = ByteBuffer.allocate(pieceLength);
            long position = 0;
            for (int piece = 0; piece < pieces; piece++) {
                buffer.clear().limit((int) Math.min(pieceLength, length - position));
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw new MediaException(name + ": the file shrank to " + (position + buffer.position())
                                + " bytes while it was hashed (it had " + length + "); hash it again once it is"
                                + " complete");
                    }
                }
                sha1.update(buffer.flip());
                byte[] digest = sha1.digest();
                System.arraycopy(digest, 0, hashes, piece * 20, 20);
                position += buffer.limit();
            }
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("name", name);
            info.put("length", length);
            info.put("piece length", (long) pieceLength);
            info.put("pieces", hashes);
            byte[] infoBytes = Bencode.encode(info);
            Map<String, Object> metainfo = new LinkedHashMap<>();
            metainfo.put("info", info);
            metainfo.put("url-list", List.of(webSeed.toString()));
            metainfo.put("creation date", created.getEpochSecond());
            metainfo.put("created by", CREATED_BY);
            return new Torrent(
                    name, length, pieceLength, pieces, sha1().digest(infoBytes), Bencode.encode(metainfo), webSeed);
        } catch (IOException e) {
            throw new MediaException(name + ": cannot read it to make a torrent: " + e, e);
        }
    }

    /**
     * Makes the torrent, dated {@code created}, and writes it to {@code torrentFile} atomically (a temporary file,
     * then a rename).
     */
    public static Torrent write(Path file, URI webSeed, Instant created, Path torrentFile) throws MediaException {
        Torrent torrent = create(file, webSeed, created);
        Path dir = torrentFile.toAbsolutePath().getParent();
        try {
            Path temporary = Files.createTempFile(dir, ".torrent-", ".part");
            try {
                Files.write(temporary, torrent.bytes());
                Files.move(temporary, torrentFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new MediaException(
                    torrentFile.getFileName() + ": cannot write the torrent into " + dir + ": " + e, e);
        }
        return torrent;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
