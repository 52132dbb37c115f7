package org.callisto.planet;

import com.google.re2j.Pattern;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.callisto.html.HtmlText;

/**
 * Applies the filter rules to the entries of one fetched document before they are stored: entries a rule drops are
 * recorded on their feed (and any copy stored earlier removed), the rest go on to be stored. A feed with keep rules
 * keeps only entries that match at least one of them; then any entry a drop rule matches is dropped.
 *
 * <p>Each feed's rules are read from the database at most every {@link #RELOAD} (and at once after a change made
 * through this object), so a rule added on another node applies within that time. Thread-safe.
 */
public final class EntryFilters {
    /** How long a feed's compiled rules are reused before they are read again. */
    static final Duration RELOAD = Duration.ofSeconds(10);

    /** No filtering at all, for tools that store entries without a database of rules. */
    public static final EntryFilters NONE = new EntryFilters(null, Clock.systemUTC());

    private final FilterStore store;
    private final Clock clock;
    private final Map<Long, Loaded> loaded = new ConcurrentHashMap<>();

    public EntryFilters(FilterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Where the rules are kept; null for {@link #NONE}. */
    public FilterStore store() {
        return store;
    }

    /** An entry a rule dropped. */
    public record Dropped(EntryRow row, FilterRule rule) {}

    /** What one document's entries came to: those to store and those dropped. */
    public record Outcome(List<EntryRow> kept, List<Dropped> dropped) {}

    /** Sorts one feed's entries into kept and dropped, and records the dropped ones. */
    public Outcome apply(long feedId, List<EntryRow> rows) {
        if (store == null || rows.isEmpty()) {
            return new Outcome(rows, List.of());
        }
        List<Compiled> rules = rules(feedId);
        if (rules.isEmpty()) {
            return new Outcome(rows, List.of());
        }
        List<EntryRow> kept = new ArrayList<>(rows.size());
        List<Dropped> dropped = new ArrayList<>();
        for (EntryRow row : rows) {
            FilterRule reason = decide(rules, row);
            if (reason == null) {
                kept.add(row);
            } else {
                dropped.add(new Dropped(row, reason));
            }
        }
        if (!dropped.isEmpty()) {
            store.recordDropped(feedId, dropped);
        }
        return new Outcome(kept, dropped);
    }

    /** The rule that drops {@code row}, or null to keep it. */
    static FilterRule decide(List<Compiled> rules, EntryRow row) {
        Text text = new Text(row);
        FilterRule firstKeep = null;
        boolean kept = false;
        for (Compiled r : rules) {
            if (r.rule().action() == FilterRule.Action.KEEP) {
                firstKeep = firstKeep == null ? r.rule() : firstKeep;
                kept = kept || r.matches(text);
            }
        }
        if (firstKeep != null && !kept) {
            return firstKeep;
        }
        for (Compiled r : rules) {
            if (r.rule().action() == FilterRule.Action.DROP && r.matches(text)) {
                return r.rule();
            }
        }
        return null;
    }

    /** Forgets the cached rules, so the next document reads them again; called after a rule is added or removed. */
    public void changed() {
        loaded.clear();
    }

    private List<Compiled> rules(long feedId) {
        Instant now = clock.instant();
        Loaded l = loaded.get(feedId);
        if (l == null || l.at().plus(RELOAD).isBefore(now)) {
            l = new Loaded(store.rulesFor(feedId).stream().map(Compiled::of).toList(), now);
            loaded.put(feedId, l);
        }
        return l.rules();
    }

    private record Loaded(List<Compiled> rules, Instant at) {}

    /** A rule with its pattern compiled. */
    record Compiled(FilterRule rule, Pattern pattern) {
        static Compiled of(FilterRule rule) {
            return new Compiled(rule, rule.compile());
        }

        boolean matches(Text text) {
            return switch (rule.field()) {
                case TITLE -> find(text.title());
                case CONTENT -> find(text.content());
                case AUTHOR -> find(text.author());
                case CATEGORIES -> text.row().terms().stream().anyMatch(this::find);
                case ANY ->
                    find(text.title())
                            || find(text.content())
                            || find(text.author())
                            || text.row().terms().stream().anyMatch(this::find);
            };
        }

        private boolean find(String s) {
            return s != null && !s.isEmpty() && pattern.matcher(s).find();
        }
    }

    /** The text of an entry's fields, made plain once and only when a rule asks for it. */
    static final class Text {
        private final EntryRow row;
        private String content;

        Text(EntryRow row) {
            this.row = row;
        }

        EntryRow row() {
            return row;
        }

        String title() {
            return row.title();
        }

        String author() {
            return row.author();
        }

        String content() {
            if (content == null) {
                String summary = row.summaryHtml() == null ? "" : HtmlText.toPlainText(row.summaryHtml());
                String body = row.contentHtml() == null ? "" : HtmlText.toPlainText(row.contentHtml());
                content = summary.isEmpty() ? body : body.isEmpty() ? summary : summary + "\n" + body;
            }
            return content;
        }
    }
}
