package org.callisto.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrationScriptsTest {

    /**
     * Numbers only grow and never repeat. They may leave a gap: numbers are reserved for work that lands separately
     * (V007 to V009 while V010 is in), and the runner applies each script whose own version is missing.
     */
    @Test
    void scriptsAreNumberedInIncreasingOrderWithoutRepeats() {
        int previous = 0;
        for (String script : Migrations.SCRIPTS) {
            assertThat(Migrations.version(script)).as(script).isGreaterThan(previous);
            previous = Migrations.version(script);
            assertThat(Migrations.class.getResource("/db/migration/" + script))
                    .as(script)
                    .isNotNull();
        }
    }
}
