package org.callisto.show;

import java.util.Locale;

/** Apple's {@code itunes:episodeType}: a full episode, a trailer or bonus content. */
public enum EpisodeType {
    FULL,
    TRAILER,
    BONUS;

    /** The value as stored and as written in feeds: {@code full}, {@code trailer}, {@code bonus}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code value}, ignoring case. */
    public static EpisodeType of(String value) {
        for (EpisodeType t : values()) {
            if (t.value().equalsIgnoreCase(value.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown episode type \"" + value + "\"; use full, trailer or bonus");
    }
}
