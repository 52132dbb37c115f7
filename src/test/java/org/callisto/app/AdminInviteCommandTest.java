package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.callisto.account.Accounts;
import org.callisto.config.ConfigLoader;
import org.callisto.db.Database;
import org.callisto.mail.TestMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AdminInviteCommandTest {

    private static void admin(String db) {
        try (Database database = Database.open(db, "", "")) {
            Accounts.of(database, ConfigLoader.of(Map.of("database.url", db)), Clock.systemUTC())
                    .createAdmin("root", "a long admin password");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void printsAnInvitationLinkThatWorksOnce(String kind) {
        String db = Cli.freshDatabase(kind);
        admin(db);
        Cli.Run run = Cli.on(db, "admin", "invite");
        assertThat(run.exit()).as(run.err()).isZero();
        String link = run.out().lines().findFirst().orElseThrow();
        assertThat(link).startsWith("http://localhost:8080/register?invitation=");
        assertThat(run.out()).contains("It works once, until ");
        String code = link.substring(link.indexOf('=') + 1);
        try (Database database = Database.open(db, "", "")) {
            Accounts accounts = Accounts.of(database, ConfigLoader.of(Map.of("database.url", db)), Clock.systemUTC());
            assertThat(accounts.register("invitee", "a long member password", code, "10.0.0.1")
                            .invitedBy())
                    .hasValue(1L);
        }
        Cli.Run mailOff = Cli.on(db, "admin", "invite", "--email", "x@example.org");
        assertThat(mailOff.exit()).isZero();
        assertThat(mailOff.out()).contains("Not mailed: mail is off");
        Cli.Run bad = Cli.on(db, "admin", "invite", "--email", "not an address");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("'not an address' is not a mail address");
        Cli.Run nobody = Cli.on(db, "admin", "invite", "--by", "ghost");
        assertThat(nobody.exit()).isEqualTo(1);
        assertThat(nobody.err()).contains("there is no administrator named 'ghost'");
    }

    @Test
    void mailsTheLinkWhenMailIsConfigured() throws IOException {
        String db = Cli.freshDatabase("sqlite");
        admin(db);
        try (TestMailServer smtp = new TestMailServer()) {
            Path conf = Files.createTempFile("callisto-invite", ".conf");
            StringBuilder text = new StringBuilder("site.url = https://news.example.org/\n");
            smtp.settings()
                    .forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
            Files.writeString(conf, text);
            Cli.Run run = Cli.on(db, "admin", "invite", "--email", "friend@example.org", "--config", conf.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("Mailed the invitation to friend@example.org");
            String link = run.out().lines().findFirst().orElseThrow();
            MimeMessage mail = smtp.await("friend@example.org", 1);
            assertThat(TestMailServer.text(mail)).contains(link).contains("root invites you to join");
            assertThat(link).startsWith("https://news.example.org/register?invitation=");
        }
    }
}
