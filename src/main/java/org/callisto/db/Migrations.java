package org.callisto.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
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
    /**
     * Every migration, in order. Append; never edit or reorder one that has shipped. A script's version is the
     * number in its name, so numbers may have gaps while branches that took the missing ones are merged; a script
     * merged later with a lower number is still applied to databases that have already run higher ones.
     */
    static final List<String> SCRIPTS = List.of(
            "V001__planet.sql",
            "V002__accounts.sql",
            "V003__show.sql",
            "V004__journal.sql",
            "V005__comments.sql",
            "V006__demo_accounts.sql",
            "V007__feedback.sql",
            "V008__downloads.sql",
            "V009__admin.sql",
            "V010__journal_changes.sql",
            "V011__server_secrets.sql",
            "V012__mail.sql",
            "V018__show_import.sql",
            "V022__keyset_indexes.sql");

    private final Database db;
    private final Clock clock;

    /** Migrations of {@code db}; each applied script is stamped with {@code clock}'s time. */
    Migrations(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void migrate() {
        db.withConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        + "script TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            }
            java.util.Set<Integer> applied = appliedVersions(c);
            for (String script : SCRIPTS) {
                int version = version(script);
                if (!applied.contains(version)) {
                    apply(c, version, script);
                }
            }
            return null;
        });
    }

    /**
     * The versions a database has: a script's number comes from its name ({@code V009__admin.sql} is 9), and every
     * script not applied yet is applied, so scripts written in parallel branches may arrive in any order.
     */
    private static java.util.Set<Integer> appliedVersions(Connection c) throws SQLException {
        java.util.Set<Integer> versions = new java.util.HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    /** The number in a script's name: {@code V009__admin.sql} is 9. */
    static int version(String script) {
        if (!script.matches("V[0-9]{3}__[a-z0-9_]+\\.sql")) {
            throw new IllegalStateException("migration script name " + script + " is not VNNN__name.sql");
        }
        return Integer.parseInt(script.substring(1, 4));
    }

    private void apply(Connection c, int version, String script) throws SQLException {
        String sql = db.dialect().translate(read(script));
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : sql.split(";\\s*\\n")) {
                String trimmed = statement.strip();
                if (!trimmed.isEmpty()
                        && !trimmed.lines()
                                .allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
                    s.execute(trimmed);
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, script);
                ps.setLong(3, clock.millis());
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
