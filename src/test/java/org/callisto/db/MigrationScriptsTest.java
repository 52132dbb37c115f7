package org.callisto.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrationScriptsTest {

    @Test
    void scriptsAreNumberedOneByOneInOrderWithoutRepeats() {
        for (int i = 0; i < Migrations.SCRIPTS.size(); i++) {
            assertThat(Migrations.SCRIPTS.get(i)).as("migration %d", i + 1)
                    .startsWith(String.format("V%03d__", i + 1));
            assertThat(Migrations.class.getResource("/db/migration/" + Migrations.SCRIPTS.get(i))).isNotNull();
        }
    }
}
