package org.callisto.web.view;

/** A page saying what went wrong with a request. Immutable. */
public record ErrorPage(PageMeta meta, int status, String heading, String message) {}
