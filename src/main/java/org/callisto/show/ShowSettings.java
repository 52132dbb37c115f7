package org.callisto.show;

import java.util.List;
import java.util.Objects;

/**
 * The show's settings: what the channel of every podcast feed says about the show. Immutable.
 *
 * @param title           the show's title
 * @param description     a few sentences about the show (plain text, at most 4000 bytes for Apple)
 * @param language        an ISO 639 language code, possibly with a region: {@code en}, {@code en-us}
 * @param author          who makes the show ({@code itunes:author})
 * @param ownerName       the owner's name ({@code itunes:owner})
 * @param ownerEmail      the owner's address ({@code itunes:owner}, {@code podcast:locked owner})
 * @param artworkUrl      the show's artwork, 1400 to 3000 pixels square, JPEG or PNG
 * @param categories      Apple categories, the first one counts: {@code "Technology"} or a subcategory written
 *                        {@code "Society & Culture/Documentary"}; names from {@link AppleCategories}
 * @param explicit        whether the show is explicit
 * @param fundingUrl      where listeners can support the show (a Patreon page, say), or null
 * @param fundingText     the label of that link, at most 128 characters, or null
 * @param feedbackAddress where listeners send feedback and questions (an email address), or null
 * @param podcastGuid     the show's {@code podcast:guid}, a UUIDv5 assigned once from its feed URL
 *                        ({@link PodcastGuid#of})
 * @param locked          whether other platforms may not import the feed ({@code podcast:locked})
 * @param tags            the show's other Podcasting 2.0 tags and {@code itunes:type}, never null; saved apart
 *                        ({@link ShowSettingsStore#saveTags}), so changing the settings above keeps them
 */
public record ShowSettings(
        String title,
        String description,
        String language,
        String author,
        String ownerName,
        String ownerEmail,
        String artworkUrl,
        List<String> categories,
        boolean explicit,
        String fundingUrl,
        String fundingText,
        String feedbackAddress,
        String podcastGuid,
        boolean locked,
        PodcastTags.Channel tags) {

    /** Settings without Podcasting 2.0 tags beyond guid, locked and funding. */
    public ShowSettings(
            String title,
            String description,
            String language,
            String author,
            String ownerName,
            String ownerEmail,
            String artworkUrl,
            List<String> categories,
            boolean explicit,
            String fundingUrl,
            String fundingText,
            String feedbackAddress,
            String podcastGuid,
            boolean locked) {
        this(
                title,
                description,
                language,
                author,
                ownerName,
                ownerEmail,
                artworkUrl,
                categories,
                explicit,
                fundingUrl,
                fundingText,
                feedbackAddress,
                podcastGuid,
                locked,
                null);
    }

    public ShowSettings {
        tags = tags == null ? PodcastTags.Channel.NONE : tags;
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(artworkUrl, "artworkUrl");
        Objects.requireNonNull(podcastGuid, "podcastGuid");
        categories = List.copyOf(categories);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("show settings need at least one Apple category, e.g. \"Technology\"");
        }
        categories.forEach(AppleCategories::check);
        if (fundingText != null && fundingText.length() > 128) {
            throw new IllegalArgumentException(
                    "funding text is " + fundingText.length() + " characters; podcast:funding allows 128, shorten it");
        }
    }
}
