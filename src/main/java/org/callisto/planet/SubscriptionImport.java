package org.callisto.planet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Subscribes to feeds read from a file another planet or reader wrote (OPML, a Planet Venus config): checks each
 * URL, adds new feeds, and for feeds already subscribed keeps what is there while adding the imported name (when
 * the feed has none) and categories (to those it has). Nothing is ever removed by an import.
 *
 * <p>Not thread-safe: it collects the results of one import; use one instance per import, from one thread.
 */
public final class SubscriptionImport {

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
    private final List<Result> results = new ArrayList<>();

    public SubscriptionImport(SubscriptionStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Imports one feed.
     *
     * @param url        the feed URL as written in the file
     * @param name       the name the file gives it, or null
     * @param categories its categories, possibly empty
     */
    public Result add(String url, String name, List<String> categories) {
        String checked;
        try {
            checked = SubscriptionUrl.check(url);
        } catch (IllegalArgumentException e) {
            return record(new Result(url, Outcome.SKIPPED, e.getMessage()));
        }
        String cleanName = name == null || name.isBlank() ? null : name.strip();
        Optional<Feed> existing = store.feedByUrl(checked);
        if (existing.isEmpty()) {
            store.addFeed(checked, cleanName, categories);
            return record(new Result(url, Outcome.ADDED, null));
        }
        Feed feed = existing.get();
        Map<String, String> merged = new LinkedHashMap<>();
        for (Category c : feed.categories()) {
            merged.put(c.slug(), c.name());
        }
        for (String c : categories) {
            if (c != null && !c.isBlank()) {
                merged.putIfAbsent(Category.slugOf(c.strip()), c.strip());
            }
        }
        boolean newName = (feed.name() == null || feed.name().isBlank()) && cleanName != null;
        boolean newCategories = merged.size() > feed.categories().size();
        if (!newName && !newCategories) {
            return record(new Result(url, Outcome.UNCHANGED, null));
        }
        store.addFeed(checked, newName ? cleanName : null, List.copyOf(merged.values()));
        return record(new Result(url, Outcome.UPDATED, null));
    }

    /** Records a feed skipped before it reached {@link #add}, e.g. an outline without a URL. */
    public Result skip(String what, String reason) {
        return record(new Result(what, Outcome.SKIPPED, reason));
    }

    /** Every result so far, in order. */
    public List<Result> results() {
        return List.copyOf(results);
    }

    /** How many results had the given outcome. */
    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** A one-line summary such as {@code 3 added, 1 updated, 0 unchanged, 2 skipped}. */
    public String summary() {
        return count(Outcome.ADDED) + " added, " + count(Outcome.UPDATED) + " updated, " + count(Outcome.UNCHANGED)
                + " unchanged, " + count(Outcome.SKIPPED) + " skipped";
    }

    private Result record(Result r) {
        results.add(r);
        return r;
    }
}
