/**
 * The database: the connection pool of one process ({@link org.callisto.db.Database}, SQLite in WAL mode or
 * PostgreSQL), the migrations applied when it opens ({@link org.callisto.db.Migrations}, scripts under
 * {@code src/main/resources/db}), the few SQL differences between the two ({@link org.callisto.db.Dialect}), and
 * {@link org.callisto.db.Sql}, the one way stores bind parameters and read nullable columns.
 *
 * <p>The stores themselves live with their capability ({@code planet}, {@code journal}, {@code show},
 * {@code account}), one class per entity, in plain SQL that both databases understand. Imports only
 * {@code config}. Thread-safe.
 */
package org.callisto.db;
