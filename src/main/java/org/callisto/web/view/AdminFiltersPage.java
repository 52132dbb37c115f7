package org.callisto.web.view;

import java.util.List;

/**
 * The administrators' filter page: the rules, a form to add one, and the entries they dropped. Immutable.
 *
 * @param form         the add form's values (kept after a refusal)
 * @param droppedTotal how many entries the rules have dropped in all
 */
public record AdminFiltersPage(
        PageMeta meta,
        String csrf,
        String message,
        String notice,
        Form form,
        List<FeedChoice> feeds,
        List<Rule> rules,
        long droppedTotal,
        List<Dropped> dropped) {

    /** The add form's values. */
    public record Form(String pattern, String feed, String action, String field, boolean regex) {}

    /** A feed in the form's list. */
    public record FeedChoice(String id, String name, boolean selected) {}

    /** One stored rule. */
    public record Rule(
            long id, String where, String action, String field, String kind, String pattern, String origin) {}

    /** One dropped entry. */
    public record Dropped(
            String feed, long feedId, String title, String link, long ruleId, String atIso, String atHuman) {}
}
