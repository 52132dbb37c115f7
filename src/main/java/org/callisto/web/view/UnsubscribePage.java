package org.callisto.web.view;

/**
 * The page of a mailed unsubscribe link: a button that turns notification mail off, or the news that it is off.
 *
 * @param meta     layout facts
 * @param action   where the button posts (the link's own path)
 * @param username the account the link is for
 * @param done     whether notification mail is off now
 */
public record UnsubscribePage(PageMeta meta, String action, String username, boolean done) {}
