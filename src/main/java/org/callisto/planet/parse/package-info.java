/**
 * Feed parsing: RSS 0.9x, 1.0 and 2.0, Atom 0.3 and 1.0 and JSON Feed into one model
 * ({@link org.callisto.planet.parse.ParsedFeed} of {@link org.callisto.planet.parse.ParsedEntry}), with format and
 * encoding detection ({@link org.callisto.planet.parse.FeedSniffer}, {@link org.callisto.planet.parse.FeedDecoder}),
 * a lenient XML parser for feeds that are not well-formed ({@link org.callisto.planet.parse.LenientXmlParser}),
 * and dates in the many forms feeds write them ({@link org.callisto.planet.parse.FeedDates}). Problems are
 * reported with line and column; nothing here throws on bad input but
 * {@link org.callisto.planet.parse.FeedParseException} when no feed can be read at all.
 *
 * <p>Imports no other Callisto package, so it can be tested and measured alone. Parsers are stateless and
 * thread-safe.
 */
package org.callisto.planet.parse;
