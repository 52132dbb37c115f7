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
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM feeds")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aScriptMergedWithALowerNumberIsStillApplied(String kind) {
        String url = "sqlite".equals(kind) ? TestDatabases.sqliteUrl() : TestDatabases.postgresUrl();
        String user = "sqlite".equals(kind) ? "" : "postgres";
        try (Database db = Database.open(url, user, "")) {
            // as if V006 had come from a branch merged after this database ran V008
            db.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DELETE FROM schema_version WHERE version = 6");
                    s.execute("ALTER TABLE users DROP COLUMN demo");
                }
                return null;
            });
        }
        try (Database again = Database.open(url, user, "")) {
            assertThat(versions(again)).isEqualTo(Migrations.SCRIPTS.size());
            again.withConnection(c -> {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(demo) FROM users")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
                return null;
            });
        }
    }

    private static int versions(Database db) {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
