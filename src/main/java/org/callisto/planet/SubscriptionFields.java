package org.callisto.planet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the name and categories a person types for a subscription (the admin pages; the URL goes through
 * {@link SubscriptionUrl}): a name of one line, and categories as comma-separated names. Stateless and thread-safe.
 */
public final class SubscriptionFields {
    /** Longest name the planet gives a feed. */
    public static final int MAX_NAME = 200;
    /** Longest category name. */
    public static final int MAX_CATEGORY = 64;
    /** Most categories one feed may be in. */
    public static final int MAX_CATEGORIES = 20;

    private SubscriptionFields() {}

    /**
     * The name, trimmed, or null when none was given (the feed's own title is shown then).
     *
     * @throws IllegalArgumentException naming the input when it is too long or has control characters
     */
    public static String name(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String name = input.strip();
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("the name '" + name.substring(0, 40) + "…' is " + name.length()
                    + " characters long; use at most " + MAX_NAME);
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the name '" + printable(name) + "' has line breaks or control"
                    + " characters; write it on one line");
        }
        return name;
    }

    /**
     * The category names of a comma-separated list, trimmed, empty ones left out and repeats (same slug) kept
     * once; an empty or missing list gives no categories.
     *
     * @throws IllegalArgumentException naming the offending name when one is too long, has control characters or
     *                                  has no letter or digit, or when there are too many
     */
    public static List<String> categories(String input) {
        if (input == null || input.isBlank()) {
            return List.of();
        }
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String part : input.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (name.length() > MAX_CATEGORY) {
                throw new IllegalArgumentException("the category '" + name.substring(0, 30) + "…' is " + name.length()
                        + " characters long; use at most " + MAX_CATEGORY);
            }
            if (name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("the category '" + printable(name) + "' has line breaks or"
                        + " control characters; separate categories with commas");
            }
            if (name.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw new IllegalArgumentException(
                        "the category '" + name + "' has no letter or digit; give it a" + " name such as FreeBSD");
            }
            bySlug.putIfAbsent(Category.slugOf(name), name);
        }
        if (bySlug.size() > MAX_CATEGORIES) {
            throw new IllegalArgumentException(
                    bySlug.size() + " categories are too many for one feed; use at most " + MAX_CATEGORIES);
        }
        return new ArrayList<>(bySlug.values());
    }

    private static String printable(String s) {
        String shown = s.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }
}
