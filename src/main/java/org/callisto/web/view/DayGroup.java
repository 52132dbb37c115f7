package org.callisto.web.view;

import java.util.List;

/**
 * The entries of one day, under one heading. Immutable.
 *
 * @param isoDate the day as {@code yyyy-mm-dd}
 * @param label   the day for people
 * @param entries its entries, newest first
 */
public record DayGroup(String isoDate, String label, List<EntryView> entries) {}
