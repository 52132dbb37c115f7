package org.callisto.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link DatabaseCheck}: ready only with every migration applied, and saying which one is missing. */
class DatabaseCheckTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aMigratedDatabaseIsReady(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            assertThat(new DatabaseCheck(db).problem(Duration.ofSeconds(1))).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aDatabaseMissingAMigrationIsNotReadyAndNamesIt(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            String last = Migrations.SCRIPTS.getLast();
            db.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("DELETE FROM schema_version WHERE version = " + Migrations.version(last));
                }
            });
            assertThat(new DatabaseCheck(db).problem(Duration.ofSeconds(1)))
                    .hasValue("migrations not applied yet: " + last);
        }
    }
}
