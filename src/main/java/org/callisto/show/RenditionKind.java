package org.callisto.show;

import java.util.Locale;

/**
 * The renditions an episode may have, each with its own feed: MP3 audio, HD video and SD video (both MP4).
 * Audio and video stay in separate feeds because Apple ignores {@code podcast:alternateEnclosure}.
 */
public enum RenditionKind {
    MP3("audio/mpeg", "MP3 audio"),
    HD("video/mp4", "HD video"),
    SD("video/mp4", "SD video");

    private final String mimeType;
    private final String label;

    RenditionKind(String mimeType, String label) {
        this.mimeType = mimeType;
        this.label = label;
    }

    /** The MIME type a file of this kind must have when inspected. */
    public String mimeType() {
        return mimeType;
    }

    /** A short human-readable name, at most 32 characters ({@code podcast:alternateEnclosure title}). */
    public String label() {
        return label;
    }

    /** The value as stored: {@code mp3}, {@code hd}, {@code sd}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code value}, ignoring case. */
    public static RenditionKind of(String value) {
        for (RenditionKind k : values()) {
            if (k.value().equalsIgnoreCase(value.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown rendition kind \"" + value + "\"; use mp3, hd or sd");
    }
}
