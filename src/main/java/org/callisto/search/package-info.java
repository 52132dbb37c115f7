/**
 * One full-text search over the planet's entries, the journal's stories and comments and the show's episodes with
 * their notes, on SQLite (FTS5) and PostgreSQL (tsvector and GIN) behind one interface.
 *
 * <p>{@link org.callisto.search.SearchDocuments} writes the index inside the transactions of the stores that change
 * what it indexes; {@link org.callisto.search.SearchService} answers queries; {@link
 * org.callisto.search.SearchTerms} turns what a person typed into a query neither database can choke on. May import
 * {@code db}, {@code config} and {@code html}; the planet, the journal and the show import it, never the other way
 * round. Thread-safe throughout: nothing holds state but the database.
 */
package org.callisto.search;
