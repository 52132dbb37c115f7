package org.callisto.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailConfigTest {

    @Test
    void mailIsOffUntilAHostIsGiven() {
        Config config = ConfigLoader.of(Map.of());
        assertThat(config.mail().enabled()).isFalse();
        assertThat(config.mail()).hasToString("MailConfig[off]");
        assertThat(config.journal().invitationsPerMember()).isEqualTo(5);
        assertThat(config.journal().invitationLifetime()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void aServerIsParsedAndItsPasswordNeverPrinted() {
        Config config = ConfigLoader.of(Map.of(
                "mail.host", "smtp.example.org",
                "mail.port", "465",
                "mail.tls", "TLS",
                "mail.user", "planet",
                "mail.password", "s3cret",
                "mail.from", "Planet <noreply@example.org>",
                "journal.invitations_per_member", "0",
                "journal.invitation_lifetime", "3d"));
        Config.MailConfig mail = config.mail();
        assertThat(mail.enabled()).isTrue();
        assertThat(mail.tls()).isEqualTo(Config.MailTls.TLS);
        assertThat(mail.port()).isEqualTo(465);
        assertThat(mail.toString()).contains("smtp.example.org").doesNotContain("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");
        assertThat(config.withPort(1).mail()).isEqualTo(mail);
        assertThat(config.journal().invitationsPerMember()).isZero();
        assertThat(config.journal().invitationLifetime()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void errorsNameTheKeyAndTheFix() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("mail.host", "smtp.example.org")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mail.from is empty while mail.host is set; give the sender address");
        assertThatThrownBy(() -> ConfigLoader.of(
                        Map.of("mail.host", "smtp.example.org", "mail.from", "x@y.org", "mail.tls", "sometimes")))
                .hasMessageContaining("mail.tls = 'sometimes' is not a TLS mode; use none, starttls (port 587) or tls");
        assertThatThrownBy(() -> ConfigLoader.of(
                        Map.of("mail.host", "smtp.example.org", "mail.from", "x@y.org", "mail.user", "u")))
                .hasMessageContaining("mail.user and mail.password go together");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of(
                        "mail.host",
                        "smtp.example.org",
                        "mail.from",
                        "x@y.org",
                        "mail.user",
                        "u",
                        "mail.password",
                        "p",
                        "mail.tls",
                        "none")))
                .hasMessageContaining("would send the SMTP password for smtp.example.org in clear");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("mail.host", "smtp.example.org:25", "mail.from", "x@y.org")))
                .hasMessageContaining("mail.host = 'smtp.example.org:25' is not a host name");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("mail.host", "smtp.example.org", "mail.from", "nobody")))
                .hasMessageContaining("mail.from = 'nobody' is not a mail address");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("journal.invitation_lifetime", "0s")))
                .hasMessageContaining("journal.invitation_lifetime = '0s' is out of range");
    }
}
