package org.callisto.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrationScriptsTest {

    /**
     * Numbers only grow and never repeat. They may leave a gap: numbers are reserved for work that lands separately
     * (V007 to V009 while V010 is in), and the runner applies each script whose own version is missing.
     */
    @Test
    void scriptsAreNumberedInOrderWithoutRepeats() {
        int previous = 0;
        for (int i = 0; i < Migrations.SCRIPTS.size(); i++) {
            String script = Migrations.SCRIPTS.get(i);
            assertThat(script).as("migration %d", i + 1).matches("V[0-9]{3}__[a-z0-9_]+\\.sql");
            assertThat(Migrations.version(script)).as(script).isGreaterThan(previous);
            previous = Migrations.version(script);
            assertThat(Migrations.class.getResource("/db/migration/" + script)).isNotNull();
        }
    }
}
