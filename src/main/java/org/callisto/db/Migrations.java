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
            "V014__journal_social.sql",
            "V016__search.sql",
            "V018__show_import.sql",
            "V019__cluster.sql",
            "V020__iab_downloads.sql",
            "V022__keyset_indexes.sql",
            "V023__entry_details.sql",
            "V024__websub.sql",
            "V025__entry_posts.sql",
            "V026__entry_filters.sql",
            "V027__podcast_tags.sql",
            "V028__show_publishing.sql",
            "V029__shared_limits.sql");

    private final Database db;
    private final Clock clock;

    /** Migrations of {@code db}; each applied script is stamped with {@code clock}'s time. */
    Migrations(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Applies every script the database lacks. Several nodes starting at once on one database take turns: on
     * PostgreSQL the first holds a session advisory lock ({@link #LOCK_KEY}) while it migrates and the others wait
     * for it, then find the scripts applied; on SQLite each script's transaction takes the write lock and checks
     * again, inside it, that the script is still missing.
     */
    void migrate() {
        db.withConnection(c -> {
            boolean postgres = db.dialect() == Dialect.POSTGRES;
            if (postgres) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
                }
            }
            try {
                createVersionTable(c);
                java.util.Set<Integer> applied = appliedVersions(c);
                for (String script : SCRIPTS) {
                    int version = version(script);
                    if (!applied.contains(version)) {
                        apply(c, version, script);
                    }
                }
            } finally {
                if (postgres) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                    }
                }
            }
            return null;
        });
    }

    /** The advisory lock migrations hold on PostgreSQL: "callisto" in ASCII, as a 64-bit key. */
    static final long LOCK_KEY = 0x63616c6c6973746fL;

    private static void createVersionTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                    + "script TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        }
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
            if (appliedVersions(c).contains(version)) { // another process applied it while this one waited
                c.rollback();
                return;
            }
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
