package org.callisto.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies the ordered SQL scripts in {@code src/main/resources/db/migration} that a database has not seen yet,
 * each in its own transaction, and records them in {@code schema_version}.
 *
 * <p>Hand-written rather than Flyway: the scripts are portable SQL with one placeholder ({@link Dialect#translate}),
 * Flyway's SQLite support lives outside its open-source core, and the whole runner is this one class.
 * Not thread-safe; run once at start.
 */
final class Migrations {
    /** Every migration, in order. Append; never edit or reorder one that has shipped. */
    static final List<String> SCRIPTS = List.of(
            "V001__planet.sql",
            "V002__accounts.sql",
            "V003__show.sql",
            "V004__journal.sql",
            "V005__comments.sql",
            "V006__demo_accounts.sql",
            "V010__journal_changes.sql");

    private final Database db;

    Migrations(Database db) {
        this.db = db;
    }

    void migrate() {
        db.withConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        + "script TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            }
            java.util.Set<Integer> applied = appliedVersions(c);
            for (String script : SCRIPTS) {
                if (!applied.contains(version(script))) {
                    apply(c, version(script), script);
                }
            }
            return null;
        });
    }

    /**
     * The versions a database has seen. Each script is applied when its own version is missing, not merely when it
     * is above the highest: numbers are reserved for changes that land separately (V010 came before V007 to V009)
     * and may arrive in any order.
     */
    private static java.util.Set<Integer> appliedVersions(Connection c) throws SQLException {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    /** The version in a script's name: 10 for {@code V010__journal_changes.sql}. */
    static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    private void apply(Connection c, int version, String script) throws SQLException {
        String sql = db.dialect().translate(read(script));
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : sql.split(";\\s*\\n")) {
                String trimmed = statement.strip();
                if (!trimmed.isEmpty() && !trimmed.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
                    s.execute(trimmed);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, script);
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("migration " + script + " failed: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + script + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + script, e);
        }
    }
}
