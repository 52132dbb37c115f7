package org.callisto.show;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apple Podcasts' categories and subcategories, the only values {@code itunes:category} may take (Apple's list
 * "Apple Podcasts categories", podcasters.apple.com/support/1691; the Podcast Index's word list in the corpora,
 * {@code podcast-namespace/categories.json}, is checked against it in the tests). A show's category is written
 * {@code "Technology"} or {@code "News/Tech News"}. Immutable and thread-safe.
 */
public final class AppleCategories {
    /** Every category with its subcategories, in Apple's order. */
    public static final Map<String, List<String>> TREE = tree();

    private AppleCategories() {}

    /**
     * Checks {@code category} ({@code "Parent"} or {@code "Parent/Subcategory"}) against Apple's list.
     *
     * @throws IllegalArgumentException naming the category and what Apple accepts
     */
    public static void check(String category) {
        String[] parts = category.split("/", 2);
        String parent = parts[0].strip();
        List<String> subs = TREE.get(parent);
        if (subs == null) {
            throw new IllegalArgumentException("\"" + parent + "\" is not an Apple Podcasts category; use one of "
                    + String.join(", ", TREE.keySet()));
        }
        if (parts.length == 2 && !subs.contains(parts[1].strip())) {
            throw new IllegalArgumentException("\"" + parts[1].strip() + "\" is not a subcategory of " + parent
                    + " in Apple Podcasts; use "
                    + (subs.isEmpty() ? "\"" + parent + "\" alone" : "one of " + String.join(", ", subs)));
        }
    }

    private static Map<String, List<String>> tree() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put("Arts", List.of("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"));
        t.put("Business", List.of("Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"));
        t.put("Comedy", List.of("Comedy Interviews", "Improv", "Stand-Up"));
        t.put("Education", List.of("Courses", "How To", "Language Learning", "Self-Improvement"));
        t.put("Fiction", List.of("Comedy Fiction", "Drama", "Science Fiction"));
        t.put("Government", List.of());
        t.put("History", List.of());
        t.put(
                "Health & Fitness",
                List.of("Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"));
        t.put("Kids & Family", List.of("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"));
        t.put(
                "Leisure",
                List.of(
                        "Animation & Manga",
                        "Automotive",
                        "Aviation",
                        "Crafts",
                        "Games",
                        "Hobbies",
                        "Home & Garden",
                        "Video Games"));
        t.put("Music", List.of("Music Commentary", "Music History", "Music Interviews"));
        t.put(
                "News",
                List.of(
                        "Business News",
                        "Daily News",
                        "Entertainment News",
                        "News Commentary",
                        "Politics",
                        "Sports News",
                        "Tech News"));
        t.put(
                "Religion & Spirituality",
                List.of("Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Religion", "Spirituality"));
        t.put(
                "Science",
                List.of(
                        "Astronomy",
                        "Chemistry",
                        "Earth Sciences",
                        "Life Sciences",
                        "Mathematics",
                        "Natural Sciences",
                        "Nature",
                        "Physics",
                        "Social Sciences"));
        t.put(
                "Society & Culture",
                List.of("Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"));
        t.put(
                "Sports",
                List.of(
                        "Baseball",
                        "Basketball",
                        "Cricket",
                        "Fantasy Sports",
                        "Football",
                        "Golf",
                        "Hockey",
                        "Rugby",
                        "Running",
                        "Soccer",
                        "Swimming",
                        "Tennis",
                        "Volleyball",
                        "Wilderness",
                        "Wrestling"));
        t.put("Technology", List.of());
        t.put("True Crime", List.of());
        t.put("TV & Film", List.of("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"));
        return java.util.Collections.unmodifiableMap(t);
    }
}
