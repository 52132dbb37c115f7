package org.callisto.web.view;

/** The page asking to confirm a logout (a GET of {@code /logout}). Immutable. */
public record LogoutPage(PageMeta meta, String csrf) {}
