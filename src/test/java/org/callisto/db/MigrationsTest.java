package org.callisto.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationsTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void migratesAFreshDatabaseAndIsANoOpTheSecondTime(String kind) throws Exception {
        String url = "sqlite".equals(kind) ? TestDatabases.sqliteUrl() : TestDatabases.postgresUrl();
        String user = "sqlite".equals(kind) ? "" : "postgres";
        try (Database db = Database.open(url, user, "")) {
            assertThat(versions(db)).isEqualTo(Migrations.SCRIPTS.size());
        }
        try (Database again = Database.open(url, user, "")) {
            assertThat(versions(again)).isEqualTo(Migrations.SCRIPTS.size());
            again.withConnection(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM feeds")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aMissingScriptBelowTheHighestVersionIsAppliedToo(String kind) {
        String url = "sqlite".equals(kind) ? TestDatabases.sqliteUrl() : TestDatabases.postgresUrl();
        String user = "sqlite".equals(kind) ? "" : "postgres";
        String first = Migrations.SCRIPTS.getFirst();
        String last = "V010__journal_changes.sql";
        try (Database db = Database.open(url, user, "")) { // as if V010 had not been applied yet
            db.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM schema_version WHERE version = " + Migrations.version(last));
                    s.execute("DROP TABLE journal_changes");
                }
                return null;
            });
        }
        try (Database again = Database.open(url, user, "")) {
            assertThat(versions(again)).isEqualTo(Migrations.SCRIPTS.size());
            int rows = again.withConnection(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM journal_changes")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(rows).isEqualTo(1);
        }
        assertThat(Migrations.version(first)).isEqualTo(1);
    }

    private static int versions(Database db) {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
