package org.callisto.show.media;

/**
 * A media file that cannot be inspected, served or turned into a torrent: corrupt, truncated, of an unknown kind, or
 * unreadable. The message starts with the file's name and says what is wrong and, where it helps, what to check.
 */
public final class MediaException extends Exception {

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
