package org.callisto.show;

import java.util.Objects;
import java.util.Set;

/**
 * A transcript of an episode ({@code podcast:transcript}). Immutable.
 *
 * @param location an absolute URL, or a path relative to the media directory
 * @param mimeType {@code text/vtt}, {@code application/x-subrip} or {@code text/plain}
 * @param language the language tag, or null for the show's language
 */
public record Transcript(String location, String mimeType, String language) {

    /** The transcript formats accepted. */
    public static final Set<String> TYPES = Set.of("text/vtt", "application/x-subrip", "text/plain");

    public Transcript {
        Objects.requireNonNull(location, "location");
        if (!TYPES.contains(mimeType)) {
            throw new IllegalArgumentException("transcript " + location + " has type " + mimeType
                    + "; use text/vtt (WebVTT), application/x-subrip (SRT) or text/plain");
        }
    }
}
