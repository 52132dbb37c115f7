/**
 * The models of the jte templates: one immutable record per page ({@code *Page}) and per repeated piece
 * ({@code *View}), holding exactly what the template shows, already formatted. Made by the page handlers of
 * {@code web}; templates read them and call nothing else.
 *
 * <p>May import the domain packages' records; not {@code web} itself. Immutable and thread-safe.
 */
package org.callisto.web.view;
