package org.callisto.web.view;

/**
 * The administrators' index: what each admin page is for, with a few counts. Immutable.
 *
 * @param meta     layout facts
 * @param feeds    how many subscriptions the planet has
 * @param disabled how many of them are disabled
 * @param accounts how many accounts there are
 * @param banned   how many of them are banned
 */
public record AdminPage(PageMeta meta, int feeds, long disabled, int accounts, long banned) {}
