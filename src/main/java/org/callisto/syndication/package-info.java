/**
 * Writers and readers of the syndication formats that the planet, the journal and the show share: Atom and RSS
 * output feeds ({@link org.callisto.syndication.AtomWriter}, {@link org.callisto.syndication.RssWriter}) and OPML
 * ({@link org.callisto.syndication.OpmlWriter}, {@link org.callisto.syndication.OpmlReader}). They take plain
 * records ({@link org.callisto.syndication.FeedInfo}, {@link org.callisto.syndication.Item}) and know nothing of
 * stores or pages.
 *
 * <p>Imports only {@code config} (the version written as generator). Stateless and thread-safe.
 */
package org.callisto.syndication;
