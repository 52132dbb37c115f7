package org.callisto.web.view;

import java.util.List;

/**
 * {@code /admin/subscriptions}: every subscription with its status and the forms that change it, and the form
 * that adds one. Immutable.
 *
 * @param meta       layout facts
 * @param csrf       the token of every form on the page
 * @param message    why the last change was refused, or null
 * @param notice     what the last change did, or null
 * @param url        the URL typed in the add form last time, or ""
 * @param name       the name typed there, or ""
 * @param categories the categories typed there, or ""
 * @param items      the subscriptions, by name
 */
public record AdminSubscriptionsPage(
        PageMeta meta,
        String csrf,
        String message,
        String notice,
        String url,
        String name,
        String categories,
        List<Item> items) {

    public AdminSubscriptionsPage {
        items = List.copyOf(items);
    }

    /**
     * One subscription.
     *
     * @param row        its status, as {@code /subscriptions} shows it
     * @param categories its categories as the edit form shows them: names separated by commas
     * @param entries    how many entries of it are stored
     * @param face       its face URL as the edit form shows it, empty when it has none
     */
    public record Item(SubscriptionsPage.Row row, String categories, long entries, String face) {}
}
