package org.callisto.planet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Subscribes to feeds read from a file another planet or reader wrote (OPML, a Planet Venus config): checks each
 * URL, adds new feeds, and for feeds already subscribed keeps what is there while adding the imported name (when
 * the feed has none) and categories (to those it has). Nothing is ever removed by an import.
 *
 * <p>Imports of any size stream: feeds are written in batches of {@link #BATCH}, each in one transaction, and only
 * the counts and the skipped feeds are kept, so memory does not grow with the number of feeds. A name longer than
 * {@link SubscriptionFields#MAX_NAME} or a category longer than {@link SubscriptionFields#MAX_CATEGORY} characters is
 * shortened, and a feed keeps its first {@link SubscriptionFields#MAX_CATEGORIES} categories, as the admin pages
 * allow no more.
 *
 * <p>Not thread-safe: it collects the results of one import; use one instance per import, from one thread, and call
 * {@link #finish()} (or {@link #summary()}, which calls it) at the end.
 */
public final class SubscriptionImport {

    /** Feeds written per transaction. */
    public static final int BATCH = 1000;

    /** What became of one imported feed. */
    public enum Outcome {
        ADDED,
        UPDATED,
        UNCHANGED,
        SKIPPED
    }

    /**
     * The result for one feed.
     *
     * @param url     the URL as given
     * @param outcome what happened
     * @param reason  why it was skipped, or null
     */
    public record Result(String url, Outcome outcome, String reason) {}

    private final SubscriptionStore store;
    private final Consumer<Result> listener;
    private final List<String> pendingUrls = new ArrayList<>();
    private final List<ImportedFeed> pending = new ArrayList<>();
    private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    private final List<Result> skipped = new ArrayList<>();

    public SubscriptionImport(SubscriptionStore store) {
        this(store, r -> {});
    }

    /**
     * @param listener told of every result: of a skipped feed at once, of the others when their batch is written, in
     *     the order they were given
     */
    public SubscriptionImport(SubscriptionStore store, Consumer<Result> listener) {
        this.store = Objects.requireNonNull(store, "store");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Imports one feed; it is written with the next batch.
     *
     * @param url        the feed URL as written in the file
     * @param name       the name the file gives it, or null
     * @param categories its categories, possibly empty
     */
    public void add(String url, String name, List<String> categories) {
        String checked;
        try {
            checked = SubscriptionUrl.check(url);
        } catch (IllegalArgumentException e) {
            record(new Result(url, Outcome.SKIPPED, e.getMessage()));
            return;
        }
        pendingUrls.add(url);
        pending.add(new ImportedFeed(checked, shorten(name, SubscriptionFields.MAX_NAME), categories(categories)));
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** Records a feed skipped before it reached {@link #add}, e.g. an outline without a URL. */
    public void skip(String what, String reason) {
        record(new Result(what, Outcome.SKIPPED, reason));
    }

    /** Writes the feeds not written yet. */
    public void finish() {
        flush();
    }

    /** The skipped feeds so far, in order. */
    public List<Result> skipped() {
        return List.copyOf(skipped);
    }

    /** How many written results had the given outcome. */
    public long count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    /** A one-line summary such as {@code 3 added, 1 updated, 0 unchanged, 2 skipped}, after {@link #finish()}. */
    public String summary() {
        finish();
        return count(Outcome.ADDED) + " added, " + count(Outcome.UPDATED) + " updated, " + count(Outcome.UNCHANGED)
                + " unchanged, " + count(Outcome.SKIPPED) + " skipped";
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Outcome> outcomes = store.importFeeds(pending);
        for (int i = 0; i < outcomes.size(); i++) {
            record(new Result(pendingUrls.get(i), outcomes.get(i), null));
        }
        pending.clear();
        pendingUrls.clear();
    }

    private void record(Result r) {
        counts.merge(r.outcome(), 1L, Long::sum);
        if (r.outcome() == Outcome.SKIPPED) {
            skipped.add(r);
        }
        listener.accept(r);
    }

    /** The categories stripped, blank ones dropped, each shortened, one per slug, at most as many as allowed. */
    private static List<String> categories(List<String> names) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String name : names) {
            String clean = shorten(name, SubscriptionFields.MAX_CATEGORY);
            if (clean != null && bySlug.size() < SubscriptionFields.MAX_CATEGORIES) {
                bySlug.putIfAbsent(Category.slugOf(clean), clean);
            }
        }
        return List.copyOf(bySlug.values());
    }

    /** The text stripped and cut to {@code max} characters (not inside a surrogate pair), or null when blank. */
    private static String shorten(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 2)) ? max - 2 : max - 1;
        return s.substring(0, end).strip() + "…";
    }
}
