package org.callisto.web.view;

/** The permalink page of one entry. Immutable. */
public record EntryPage(PageMeta meta, EntryView entry) {}
