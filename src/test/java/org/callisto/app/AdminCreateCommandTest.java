package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.callisto.account.Accounts;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.config.ConfigLoader;
import org.callisto.db.Database;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AdminCreateCommandTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void createsAnAdministratorWithThePasswordFromStandardInput(String kind) {
        String db = Cli.freshDatabase(kind);
        Cli.Run run = withStdin(
                "a long admin password\n",
                () -> Cli.on(db, "admin", "create", "--username", "Root.Admin", "--password-stdin"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Created administrator 1: Root.Admin" + System.lineSeparator());

        try (Database database = Database.open(db, "", "")) {
            Accounts accounts = Accounts.of(
                    database,
                    ConfigLoader.of(Map.of("database.url", db, "journal.registration", "closed")),
                    Clock.systemUTC());
            Session s = accounts.login("root.admin", "a long admin password", "127.0.0.1", null, null);
            assertThat(s.user().role()).isEqualTo(Role.ADMIN);
        }

        Cli.Run again = withStdin(
                "another long password\n",
                () -> Cli.on(db, "admin", "create", "--username", "ROOT.ADMIN", "--password-stdin"));
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("admin create: the username 'ROOT.ADMIN' is already taken");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void refusesEmptyOrWeakPasswordsAndBadNamesWithoutAStackTrace(String kind) {
        String db = Cli.freshDatabase(kind);
        Cli.Run empty = withStdin("", () -> Cli.on(db, "admin", "create", "--username", "boss", "--password-stdin"));
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err()).contains("--password-stdin was given but standard input is empty");

        Cli.Run blankLine =
                withStdin("\n", () -> Cli.on(db, "admin", "create", "--username", "boss", "--password-stdin"));
        assertThat(blankLine.exit()).isEqualTo(1);
        assertThat(blankLine.err()).contains("standard input is empty");

        Cli.Run weak =
                withStdin("short\n", () -> Cli.on(db, "admin", "create", "--username", "boss", "--password-stdin"));
        assertThat(weak.exit()).isEqualTo(1);
        assertThat(weak.err()).contains("the password is too short (5 characters); use at least 10");

        Cli.Run badName = withStdin(
                "a long admin password\n", () -> Cli.on(db, "admin", "create", "--username", "", "--password-stdin"));
        assertThat(badName.exit()).isEqualTo(1);
        assertThat(badName.err()).contains("enter a username").doesNotContain("Exception");

        Cli.Run noName = Cli.on(db, "admin", "create", "--password-stdin");
        assertThat(noName.exit()).isEqualTo(2);
        assertThat(noName.err()).contains("--username");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void withoutATerminalOrStandardInputItSaysHowToPassThePassword(String kind) {
        String db = Cli.freshDatabase(kind);
        Cli.Run run = Cli.on(db, "admin", "create", "--username", "boss");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("there is no terminal to ask for the password; pass --password-stdin");
    }

    private static Cli.Run withStdin(String input, java.util.function.Supplier<Cli.Run> body) {
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return body.get();
        } finally {
            System.setIn(old);
        }
    }
}
