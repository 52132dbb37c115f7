package org.callisto.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.callisto.config.Config;
import org.junit.jupiter.api.Test;

class MailMessageTest {

    @Test
    void addressesAreOneBareMailboxAndHeaderInjectionIsRefused() {
        assertThat(MailAddress.check("  ann@example.org ")).isEqualTo("ann@example.org");
        for (String bad : new String[] {
            "",
            "ann",
            "ann@",
            "@example.org",
            "ann@localhost",
            "Ann <ann@example.org>",
            "a@b.org, c@d.org",
            "ann@example.org\r\nBcc: all@example.org",
            "ann @example.org",
            "x".repeat(250) + "@example.org"
        }) {
            assertThatThrownBy(() -> MailAddress.check(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("name@example.org");
        }
        assertThatThrownBy(() -> new MailMessage("ann@example.org", "Hi\r\nBcc: all@example.org", "x", null))
                .hasMessageContaining("line break");
        assertThatThrownBy(() -> new MailMessage("ann@example.org", "Hi", "x", URI.create("javascript:alert(1)")))
                .hasMessageContaining("not an absolute http(s) URL");
        assertThat(new MailMessage("ann@example.org", "Hi", "x", null).toString())
                .as("logs hold the domain only")
                .doesNotContain("ann@");
    }

    @Test
    void closingSendsWhatIsQueuedAndAFullQueueDropsTheRest() {
        try (TestMailServer smtp = new TestMailServer()) {
            Config.MailConfig config = new Config.MailConfig(
                    "127.0.0.1",
                    smtp.port(),
                    Config.MailTls.NONE,
                    "",
                    "",
                    "site@planet.test",
                    3,
                    Duration.ofSeconds(10));
            SmtpMailer mailer = new SmtpMailer(config, Clock.systemUTC());
            int queued = 0;
            for (int i = 0; i < 20; i++) {
                if (mailer.send("n" + i + "@example.org", "Number " + i, "body " + i)) {
                    queued++;
                }
            }
            assertThat(queued).as("at most the queue and the one being sent").isBetween(3, 20);
            mailer.close();
            assertThat(mailer.sentCount()).isEqualTo(queued);
            assertThat(mailer.droppedCount()).isEqualTo(20 - queued);
            assertThat(smtp.received()).hasSize(queued);
            assertThat(mailer.send("late@example.org", "Late", "x"))
                    .as("after close")
                    .isFalse();
        }
    }

    @Test
    void withoutAServerNothingIsSentAndNothingFails() {
        try (Mailer none = Mailers.of(Config.MailConfig.OFF, Clock.systemUTC())) {
            assertThat(none.enabled()).isFalse();
            assertThat(none.send("ann@example.org", "Hi", "x")).isFalse();
        }
    }
}
