package org.callisto.app;

import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.callisto.planet.Feed;
import org.callisto.planet.FilterRule;
import org.callisto.planet.FilterStore;
import org.callisto.planet.SubscriptionStore;

/**
 * Turns a Venus planet's filter settings into Callisto filter rules, reporting what cannot be turned. Venus's
 * {@code filter = REGEX} (an entry's text must match) becomes a keep rule, {@code exclude = REGEX} a drop rule, both
 * on the entry's whole text, for every feed from {@code [Planet]} or for one feed from its section; a value of
 * several lines gives one rule a line. In {@code filters}, {@code regexp_sifter.py?require=…} and
 * {@code ?exclude=…} are read the same way; other filter scripts (excerpt.py, XSLT, sed) have no counterpart and
 * are reported. Expressions are kept as written: Venus matched them with Python's {@code re.search}, whose syntax
 * RE2 shares but for back-references and look-arounds, which are reported. Stateless.
 */
final class VenusFilters {
    private VenusFilters() {}

    /** Imports the filters; prints one line per rule made and per setting skipped. */
    static void apply(
            FilterStore store, SubscriptionStore feeds, List<VenusConfig.VenusFilter> filters, PrintWriter out) {
        int made = 0;
        List<String> skipped = new ArrayList<>();
        for (VenusConfig.VenusFilter f : filters) {
            String where = "line " + f.line() + " [" + (f.feedUrl() == null ? "Planet" : f.feedUrl()) + "] " + f.key();
            Long feedId = null;
            if (f.feedUrl() != null) {
                Feed feed = feeds.feedByUrl(f.feedUrl()).orElse(null);
                if (feed == null) {
                    skipped.add(where + ": its feed was not imported");
                    continue;
                }
                feedId = feed.id();
            }
            for (Rule r : rules(f)) {
                if (r.skipReason() != null) {
                    skipped.add(where + ": " + r.skipReason());
                    continue;
                }
                try {
                    FilterRule rule = store.add(
                            feedId,
                            r.action(),
                            FilterRule.Field.ANY,
                            FilterRule.Kind.REGEX,
                            r.expression(),
                            "import-venus " + where);
                    out.println("  filter " + rule.id() + ": " + rule.describe() + " (" + where + ")");
                    made++;
                } catch (IllegalArgumentException e) {
                    skipped.add(where + ": " + e.getMessage());
                }
            }
        }
        if (made + skipped.size() > 0) {
            out.println("Filters: " + made + " imported, " + skipped.size() + " not imported");
        }
        for (String s : skipped) {
            out.println("  filter not imported, " + s);
        }
    }

    /** One rule to make from a setting, or the reason it cannot be made. */
    record Rule(FilterRule.Action action, String expression, String skipReason) {}

    static List<Rule> rules(VenusConfig.VenusFilter f) {
        List<Rule> out = new ArrayList<>();
        switch (f.key()) {
            case "filter" -> lines(f.value()).forEach(l -> out.add(new Rule(FilterRule.Action.KEEP, l, null)));
            case "exclude" -> lines(f.value()).forEach(l -> out.add(new Rule(FilterRule.Action.DROP, l, null)));
            default -> {
                for (String script : f.value().split("\\s+")) {
                    out.add(script(script));
                }
            }
        }
        return out;
    }

    private static Rule script(String script) {
        int q = script.indexOf('?');
        String name = q < 0 ? script : script.substring(0, q);
        if (name.equals("regexp_sifter.py") && q > 0) {
            for (String pair : script.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if ((key.equals("require") || key.equals("exclude")) && !value.isBlank()) {
                    return new Rule(
                            key.equals("require") ? FilterRule.Action.KEEP : FilterRule.Action.DROP, value, null);
                }
            }
        }
        return new Rule(
                null,
                null,
                "the Venus filter script '" + script + "' has no Callisto counterpart; express it with"
                        + " 'callisto feeds filter add' if it kept or dropped entries by their text");
    }

    private static List<String> lines(String value) {
        return value.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
