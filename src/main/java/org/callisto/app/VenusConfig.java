package org.callisto.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.callisto.planet.SubscriptionUrl;

/**
 * The parts of a Planet Venus (or Planet 2.x) {@code config.ini} that Callisto can use: the planet's name and link
 * from {@code [Planet]}, and one feed per section named by an http(s) URL, with its {@code name} and categories.
 * Categories come from {@code category} or {@code categories}; a value with commas is split at the commas, one
 * without at whitespace (so {@code categories = freebsd openbsd} and {@code category = Free Software, BSD} both work).
 * A feed's {@code face} (its author's picture) is kept as written.
 * Every other section (templates, filters, {@code [DEFAULT]}) is reported as skipped. Immutable and thread-safe.
 *
 * @param planetName  {@code [Planet] name}, or null
 * @param planetLink  {@code [Planet] link}, or null
 * @param ownerName   {@code [Planet] owner_name}, or null
 * @param feeds       the feed sections, in file order
 * @param skipped     sections that are not feeds
 * @param problems    malformed lines of the file
 * @param filters     the {@code filter}, {@code exclude} and {@code filters} keys of {@code [Planet]} and of the feed
 *                    sections
 */
record VenusConfig(
        String planetName,
        String planetLink,
        String ownerName,
        List<VenusFeed> feeds,
        List<SkippedSection> skipped,
        List<String> problems,
        List<VenusFilter> filters) {

    /**
     * A filter setting: Venus's {@code filter} (a regular expression an entry's text must match), {@code exclude} (one
     * it must not match) or {@code filters} (scripts, which have no Callisto counterpart).
     *
     * @param feedUrl the feed section it is in, or null for {@code [Planet]} (every feed)
     * @param key     {@code filter}, {@code exclude} or {@code filters}
     * @param line    the line of its section
     */
    record VenusFilter(String feedUrl, String key, String value, int line) {}

    /** A section that is not a feed, such as {@code [index.html.tmpl]}. */
    record SkippedSection(String name, int line) {
        String reason() {
            return "line " + line + ": not a feed; template, filter and other Venus settings have no Callisto"
                    + " counterpart";
        }
    }

    /**
     * One feed section.
     *
     * @param url        the section name
     * @param name       its {@code name}, or null
     * @param categories its categories
     * @param face       its {@code face} (an image URL, or a file name relative to the old planet's images), or null
     */
    record VenusFeed(String url, String name, List<String> categories, int line, String face) {
        VenusFeed(String url, String name, List<String> categories, int line) {
            this(url, name, categories, line, null);
        }
    }

    /** Reads the Venus meaning out of an INI file. */
    static VenusConfig of(IniFile ini) {
        List<VenusFeed> feeds = new ArrayList<>();
        List<SkippedSection> skipped = new ArrayList<>();
        List<VenusFilter> filters = new ArrayList<>();
        for (IniFile.Section s : ini.sections()) {
            String name = s.name();
            if (name.equalsIgnoreCase("Planet")) {
                filters.addAll(filters(ini, s, null));
                continue;
            }
            if (name.equals(IniFile.DEFAULT_SECTION)) {
                continue;
            }
            if (!looksLikeUrl(name)) {
                skipped.add(new SkippedSection(name, s.line()));
                continue;
            }
            if (!SubscriptionUrl.isValid(name)) {
                feeds.add(new VenusFeed(name, null, List.of(), s.line())); // reported with its reason on import
                continue;
            }
            String feedName = ini.get(name, "name")
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .orElse(null);
            String face = ini.get(name, "face")
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .orElse(null);
            feeds.add(new VenusFeed(name, feedName, categories(ini, name), s.line(), face));
            filters.addAll(filters(ini, s, name));
        }
        return new VenusConfig(
                ini.get("Planet", "name").orElse(null),
                ini.get("Planet", "link").orElse(null),
                ini.get("Planet", "owner_name").orElse(null),
                List.copyOf(feeds),
                List.copyOf(skipped),
                ini.problems(),
                List.copyOf(filters));
    }

    private static List<VenusFilter> filters(IniFile ini, IniFile.Section s, String feedUrl) {
        List<VenusFilter> out = new ArrayList<>();
        for (String key : List.of("filter", "exclude", "filters")) {
            // the section's own value only: a [DEFAULT] filter would otherwise repeat for every feed
            Optional.ofNullable(s.values().get(key))
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .ifPresent(v -> out.add(new VenusFilter(feedUrl, key, v, s.line())));
        }
        return out;
    }

    /** A section name that was meant as a feed: anything with a URL scheme, so that ftp:// is reported, not ignored. */
    private static boolean looksLikeUrl(String name) {
        return URL_LIKE.matcher(name).matches();
    }

    private static final Pattern URL_LIKE = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://.*");

    private static List<String> categories(IniFile ini, String section) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : List.of("category", "categories")) {
            ini.get(section, key).ifPresent(value -> {
                String[] parts = value.contains(",") ? value.split(",") : value.split("\\s+");
                for (String p : parts) {
                    String c = p.strip();
                    if (!c.isEmpty()) {
                        out.add(c);
                    }
                }
            });
        }
        return List.copyOf(out);
    }
}
