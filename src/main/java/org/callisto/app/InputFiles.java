package org.callisto.app;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.callisto.config.Durations;

/**
 * Opens what a command is told to read (a file, a device such as {@code /dev/zero}, or standard input as {@code -})
 * and never lets more than a limit of it in: a regular file over the limit is refused before it is read, anything
 * else as soon as the limit is passed. Every failure is a message for a person, naming the input, what is wrong
 * and what to do (for a size, the limit and the key or flag that raises it), never an exception's class name.
 *
 * <p>Stateless and thread-safe; each stream it opens belongs to one caller.
 */
final class InputFiles {

    /** An input that cannot be read, with a message that names it and says what to do. */
    static final class Unreadable extends IOException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    private InputFiles() {}

    /**
     * Reads a whole input.
     *
     * @param name  a path, or {@code -} for standard input
     * @param limit the most bytes accepted
     * @param raise what raises the limit, e.g. {@code "fetch.max_body"} or {@code "the --max-size flag"}; null when
     *     nothing does (the message then says to shorten the input)
     * @throws Unreadable when it cannot be read or is larger than {@code limit}
     */
    static byte[] read(String name, long limit, String raise) throws Unreadable {
        try (InputStream in = open(name, limit, raise)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new Unreadable(describe(name, e));
        }
    }

    /**
     * Opens an input for streaming; reading past {@code limit} bytes fails with an {@link Unreadable} that says so.
     * Closing the stream of {@code -} leaves standard input open.
     *
     * @throws Unreadable when it cannot be opened or is a regular file larger than {@code limit}
     */
    static InputStream open(String name, long limit, String raise) throws Unreadable {
        if (name.equals("-")) {
            return new Limited(nonClosing(System.in), limit, "standard input", raise);
        }
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new Unreadable("'" + name + "' is not a usable file name (" + e.getReason() + ")");
        }
        if (Files.isDirectory(path)) {
            throw new Unreadable(name + " is a directory; give the path of a file");
        }
        try {
            if (Files.isRegularFile(path) && Files.size(path) > limit) {
                throw tooLarge(name, limit, raise);
            }
            return new Limited(Files.newInputStream(path), limit, name, raise);
        } catch (IOException e) {
            throw new Unreadable(describe(name, e));
        }
    }

    /** What went wrong reading {@code name}, in words, without an exception's class name. */
    static String describe(String name, IOException e) {
        return switch (e) {
            case Unreadable u -> u.getMessage();
            case NoSuchFileException n -> name + " does not exist; check the path";
            case AccessDeniedException a -> name + " cannot be read: permission denied";
            case CharacterCodingException c -> name + " is not UTF-8 text; save it as UTF-8";
            case FileSystemException f
            when f.getReason() != null ->
                "cannot read " + name + ": " + f.getReason().toLowerCase(java.util.Locale.ROOT);
            default ->
                "cannot read " + name
                        + (e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage());
        };
    }

    private static Unreadable tooLarge(String name, long limit, String raise) {
        String fix = raise == null ? "shorten it" : "raise " + raise + " to read it";
        return new Unreadable(
                name + " is larger than " + Durations.sizeInWords(limit) + ", the most this command reads; " + fix);
    }

    private static InputStream nonClosing(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // standard input stays open for whoever reads it next
            }
        };
    }

    /**
     * Fails once more than {@code limit} bytes have been read. Hand-written: the JDK has none, and the libraries'
     * bounded streams (Guava, Commons IO) cut the input silently, where a refusal must be told.
     */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private final String name;
        private final String raise;
        private long count;

        Limited(InputStream in, long limit, String name, String raise) {
            super(in);
            this.limit = limit;
            this.name = name;
            this.raise = raise;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, limit - count + 1));
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws Unreadable {
            count += n;
            if (count > limit) {
                throw tooLarge(name, limit, raise);
            }
        }
    }
}
