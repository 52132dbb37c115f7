package org.callisto.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Several nodes started at the same instant on one empty database all come up, each script applied once. */
class ConcurrentStartTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void threeNodesStartingAtOnceOnAnEmptyDatabaseAllComeUp(String kind) throws Exception {
        String url = kind.equals("sqlite") ? TestDatabases.sqliteUrl() : TestDatabases.postgresUrl();
        String user = kind.equals("sqlite") ? "" : "postgres";
        CyclicBarrier together = new CyclicBarrier(3);
        List<Database> opened = new ArrayList<>();
        try (ExecutorService nodes = Executors.newFixedThreadPool(3)) {
            List<Future<Database>> starts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                starts.add(nodes.submit(() -> {
                    together.await();
                    return Database.open(url, user, "");
                }));
            }
            for (Future<Database> f : starts) {
                opened.add(f.get());
            }
        }
        try {
            int scripts = opened.getFirst()
                    .withConnection(c -> Sql.first(c, "SELECT COUNT(*) FROM schema_version", rs -> rs.getInt(1))
                            .orElseThrow());
            assertThat(scripts).isEqualTo(Migrations.SCRIPTS.size());
        } finally {
            opened.forEach(Database::close);
        }
    }
}
