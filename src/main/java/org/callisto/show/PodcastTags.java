package org.callisto.show;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The Podcasting 2.0 tags of the show ({@link Channel}) and of an episode ({@link Item}) that have no columns of
 * their own: {@code podcast:medium}, {@code license}, {@code location}, {@code podroll} with {@code remoteItem}s,
 * {@code value} with {@code valueRecipient}s (configured, never paid by Callisto), {@code updateFrequency},
 * {@code trailer}, {@code txt} and {@code soundbite}, plus Apple's {@code itunes:type}. Stored as one JSON document
 * per show and per episode ({@link #toJson}, {@link #channel}, {@link #item}); written into every podcast feed by
 * {@link PodcastFeedWriter}. Every record is immutable; the mapper is thread-safe.
 */
public final class PodcastTags {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private PodcastTags() {}

    /** {@code podcast:license}: a license slug or name, and the license's URL (required unless the slug is known). */
    public record License(String name, String url) {}

    /** {@code podcast:location}: a place's name (at most 128 characters), its {@code geo:} URI and OSM id. */
    public record Location(String name, String geo, String osm) {}

    /** {@code podcast:remoteItem}: another feed (or one of its items) by its {@code podcast:guid}. */
    public record RemoteItem(String feedGuid, String feedUrl, String itemGuid, String medium) {}

    /** {@code podcast:valueRecipient}: who receives which share of a value payment, by address type. */
    public record ValueRecipient(
            String name, String type, String address, String split, String fee, String customKey, String customValue) {}

    /** {@code podcast:value}: the payment layer ({@code lightning}), the method ({@code keysend}) and recipients. */
    public record Value(String type, String method, String suggested, List<ValueRecipient> recipients) {
        public Value {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }
    }

    /** {@code podcast:updateFrequency}: words, and optionally an iCalendar RRULE, a start, and whether complete. */
    public record UpdateFrequency(String text, String rrule, String dtstart, String complete) {}

    /** {@code podcast:trailer}: a trailer's title, media URL, RFC 2822 date, length, type and season. */
    public record Trailer(String title, String url, String pubdate, String length, String type, String season) {}

    /** {@code podcast:txt}: free text with an optional purpose ({@code verify}, {@code applepodcastsverify}). */
    public record Txt(String purpose, String text) {}

    /** {@code podcast:soundbite}: a highlight from {@code startTime} seconds for {@code duration}, with a title. */
    public record Soundbite(String startTime, String duration, String title) {}

    /**
     * The show's tags.
     *
     * @param type            Apple's {@code itunes:type}: {@code episodic} (the default) or {@code serial}
     * @param medium          {@code podcast:medium}: podcast, music, video, audiobook, newsletter, blog...
     * @param podroll         other shows the show recommends
     * @param updateFrequency how often episodes come
     */
    public record Channel(
            String type,
            String medium,
            License license,
            Location location,
            List<RemoteItem> podroll,
            List<Value> value,
            UpdateFrequency updateFrequency,
            List<Trailer> trailers,
            List<Txt> txt) {
        /** No tags. */
        public static final Channel NONE = new Channel(null, null, null, null, null, null, null, null, null);

        public Channel {
            podroll = podroll == null ? List.of() : List.copyOf(podroll);
            value = value == null ? List.of() : List.copyOf(value);
            trailers = trailers == null ? List.of() : List.copyOf(trailers);
            txt = txt == null ? List.of() : List.copyOf(txt);
        }
    }

    /**
     * An episode's tags.
     *
     * @param image the episode's own artwork ({@code itunes:image}), or null for the show's
     */
    public record Item(
            List<Soundbite> soundbites,
            License license,
            Location location,
            List<Value> value,
            List<Txt> txt,
            String image) {
        /** No tags. */
        public static final Item NONE = new Item(null, null, null, null, null, null);

        public Item {
            soundbites = soundbites == null ? List.of() : List.copyOf(soundbites);
            value = value == null ? List.of() : List.copyOf(value);
            txt = txt == null ? List.of() : List.copyOf(txt);
        }
    }

    /** The document stored for {@code tags}, or null when there are none. */
    public static String toJson(Object tags) {
        if (tags == null || tags.equals(Channel.NONE) || tags.equals(Item.NONE)) {
            return null;
        }
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("show: cannot write podcast tags " + tags + ": " + e.getMessage(), e);
        }
    }

    /** The show's tags from their stored document ({@link Channel#NONE} for null). */
    public static Channel channel(String json) {
        return read(json, Channel.class, Channel.NONE);
    }

    /** An episode's tags from their stored document ({@link Item#NONE} for null). */
    public static Item item(String json) {
        return read(json, Item.class, Item.NONE);
    }

    private static <T> T read(String json, Class<T> type, T none) {
        if (json == null || json.isBlank()) {
            return none;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "show: the stored podcast tags are not readable (" + e.getOriginalMessage() + "): " + json, e);
        }
    }
}
