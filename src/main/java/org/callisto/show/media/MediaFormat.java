package org.callisto.show.media;

/**
 * What the inspector learnt from a file's own structure, beyond its length and duration: {@link Mp3Info} for MPEG
 * audio, {@link Mp4Info} for ISO base media (MP4, M4A). Immutable.
 */
public sealed interface MediaFormat permits Mp3Info, Mp4Info {

    /** The playing time in milliseconds, as computed from the file. */
    long durationMillis();
}
