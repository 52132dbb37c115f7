package org.callisto.web.view;

import java.util.List;

/** The list of months that have entries, by year, newest first. Immutable. */
public record ArchivePage(PageMeta meta, List<Year> years) {

    /** One year's months. */
    public record Year(int year, List<Month> months) {}

    /** One month: its page, name and entry count. */
    public record Month(String url, String label, long entries) {}
}
