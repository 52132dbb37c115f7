package org.callisto.web.view;

import java.util.List;

/**
 * A page of entries grouped by day: the river, a category or a date archive. Immutable.
 *
 * @param meta    layout facts
 * @param heading the {@code h1}
 * @param intro   a line under it, plain text, or null
 * @param days    the entries by day
 * @param pager   where this page stands
 */
public record ListPage(PageMeta meta, String heading, String intro, List<DayGroup> days, Pager pager) {}
