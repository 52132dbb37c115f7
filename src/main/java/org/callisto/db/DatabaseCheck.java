package org.callisto.db;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the database is ready to serve: it answers a query within a time limit and has every migration this
 * build knows. Used by the readiness endpoint; a check never waits longer than its limit, even when the pool has no
 * free connection or the server does not answer (the query runs on a virtual thread of its own and is abandoned
 * after the limit). Thread-safe.
 */
public final class DatabaseCheck {
    private final Database db;

    public DatabaseCheck(Database db) {
        this.db = db;
    }

    /** What keeps the database from serving, in words, or empty when it is ready; waits at most {@code limit}. */
    public Optional<String> problem(Duration limit) {
        CompletableFuture<Optional<String>> check = new CompletableFuture<>();
        Thread.ofVirtual().name("database-check").start(() -> {
            try {
                check.complete(migrationsMissing());
            } catch (RuntimeException e) {
                check.complete(Optional.of("the database could not be queried: " + e.getMessage()));
            }
        });
        try {
            return check.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.of("the database did not answer within " + limit.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Optional.of(
                    "the database could not be queried: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("the check of the database was interrupted");
        }
    }

    private Optional<String> migrationsMissing() {
        Set<Integer> applied = db.withConnection(c -> {
            Set<Integer> versions = new HashSet<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
                while (rs.next()) {
                    versions.add(rs.getInt(1));
                }
            }
            return versions;
        });
        List<String> missing = Migrations.SCRIPTS.stream()
                .filter(script -> !applied.contains(Migrations.version(script)))
                .toList();
        return missing.isEmpty()
                ? Optional.empty()
                : Optional.of("migrations not applied yet: " + String.join(", ", missing));
    }
}
