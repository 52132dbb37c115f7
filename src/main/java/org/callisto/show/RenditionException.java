package org.callisto.show;

/**
 * A file that cannot become a rendition or a transcript of an episode: missing, outside the media directory,
 * corrupt, truncated, or of the wrong kind. The message names the episode, the file, what is wrong and what to do.
 */
public final class RenditionException extends Exception {
    private static final long serialVersionUID = 1L;

    public RenditionException(String message) {
        super(message);
    }

    public RenditionException(String message, Throwable cause) {
        super(message, cause);
    }
}
