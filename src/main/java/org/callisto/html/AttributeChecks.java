package org.callisto.html;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Checks the attributes of an allowed start tag against a {@link FragmentPolicy}: only the listed attributes,
 * each once; URLs only with an allowed scheme; values with a grammar (such as {@code ol start}) well-formed.
 *
 * <p>Schemes are judged the way a browser reads the URL: character references decoded first (so
 * {@code java&#x73;cript:} is {@code javascript:}), then leading spaces and controls and every tab and line break
 * removed, case ignored. That normalisation is {@link UrlResolver}'s, shared with the sanitizer. Immutable and
 * thread-safe.
 */
final class AttributeChecks {
    /** Relative URLs are checked by resolving them against this stand-in for the site. */
    private static final URI PLACEHOLDER_BASE = URI.create("https://journal.invalid/story/");

    private final FragmentPolicy policy;

    AttributeChecks(FragmentPolicy policy) {
        this.policy = policy;
    }

    void check(FragmentTokenizer.StartTag tag, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (FragmentTokenizer.Attribute a : tag.attributes()) {
            String name = a.name();
            if (!policy.allows(tag.name(), name)) {
                problems.add(a.start(), a.end(), "the attribute " + name + " is not allowed on <" + tag.name() + ">");
                continue;
            }
            if (!seen.add(name)) {
                problems.add(a.start(), a.end(), "the attribute " + name + " appears twice on <" + tag.name() + ">");
                continue;
            }
            String value = a.value() == null
                    ? ""
                    : a.value().indexOf('&') < 0 ? a.value() : Parser.unescapeEntities(a.value(), true);
            String problem = FragmentPolicy.URL_ATTRIBUTES.contains(name)
                    ? urlProblem(tag.name(), name, value, a.start(), problems)
                    : valueProblem(tag.name(), name, value);
            if (problem != null) {
                problems.add(a.start(), a.end(), problem);
            }
        }
    }

    private String urlProblem(String element, String attribute, String value, int start, Problems problems) {
        String url = UrlResolver.strip(value);
        if (url.isEmpty()) {
            return attribute + " at " + problems.place(start) + " is empty; give a web address";
        }
        List<String> schemes = policy.schemes(element, attribute);
        String scheme = UrlResolver.scheme(url);
        if (!scheme.isEmpty() && !schemes.contains(scheme)) {
            return attribute + " uses the " + scheme + ": scheme; use " + orList(schemes);
        }
        if (scheme.isEmpty() && !policy.relativeUrls()) {
            return attribute + " at " + problems.place(start) + " must be a full web address starting with "
                    + orList(schemes);
        }
        URI resolved = UrlResolver.resolve(url, PLACEHOLDER_BASE);
        if (resolved == null
                || resolved.getScheme() == null
                || (!scheme.equals("mailto") && resolved.getHost() == null)) {
            return attribute + " at " + problems.place(start) + " is not a usable web address";
        }
        return null;
    }

    private static String valueProblem(String element, String attribute, String value) {
        if (AttributeValues.clean(element, attribute, value) == null) {
            return attribute + "=\"" + value + "\" is not a valid value on <" + element + ">";
        }
        return null;
    }

    /** {@code a}, {@code a or b}, {@code a, b or c}. */
    static String orList(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.getLast();
    }
}
