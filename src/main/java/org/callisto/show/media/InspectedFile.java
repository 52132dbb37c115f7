package org.callisto.show.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A media file opened for positional reads, so the inspectors read the few bytes they look at and never the whole
 * file. Failures become {@link MediaException}s whose message starts with the file's name.
 *
 * <p>Not thread-safe: one inspection at a time owns an instance. Close it when done.
 */
final class InspectedFile implements AutoCloseable {

    private final Path path;
    private final String name;
    private final FileChannel channel;
    private final long size;

    private InspectedFile(Path path, FileChannel channel, long size) {
        this.path = path;
        this.name = String.valueOf(path.getFileName());
        this.channel = channel;
        this.size = size;
    }

    static InspectedFile open(Path path) throws MediaException {
        String name = String.valueOf(path.getFileName());
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new MediaException(name + ": no such file (" + path.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new MediaException(name + ": cannot open " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        try {
            return new InspectedFile(path, channel, channel.size());
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new MediaException(name + ": cannot read its size: " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    String name() {
        return name;
    }

    long size() {
        return size;
    }

    /**
     * Reads up to {@code length} bytes at {@code position}; fewer only where the file ends. The buffer is flipped,
     * ready to read, and big-endian.
     */
    ByteBuffer read(long position, int length) throws MediaException {
        int wanted = (int) Math.max(0, Math.min(length, size - position));
        ByteBuffer buffer = ByteBuffer.allocate(wanted);
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position + buffer.position());
                if (n < 0) {
                    break; // the file shrank while we read it; callers see a short buffer
                }
            }
        } catch (IOException e) {
            throw new MediaException(name + ": read failed at byte " + position + ": " + e.getMessage(), e);
        }
        return buffer.flip();
    }

    /** A failure about this file: the message is prefixed with its name. */
    MediaException fail(String problem) {
        return new MediaException(name + ": " + problem);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only: nothing was written that closing could lose
        }
    }
}
