package org.callisto.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrationScriptsTest {

    @Test
    void scriptsAreNumberedInIncreasingOrderWithoutRepeats() {
        int previous = 0;
        for (String script : Migrations.SCRIPTS) {
            assertThat(Migrations.version(script)).as(script).isGreaterThan(previous);
            previous = Migrations.version(script);
            assertThat(Migrations.class.getResource("/db/migration/" + script)).as(script).isNotNull();
        }
    }
}
