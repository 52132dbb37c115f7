package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.callisto.config.ConfigLoader;
import org.junit.jupiter.api.Test;

class ServeMailStatusTest {

    @Test
    void serveSaysWhichFeaturesAreOffWithoutMailAndWhereMailGoesWithIt() {
        assertThat(ServeCommand.mailStatus(ConfigLoader.of(Map.of())))
                .contains("mail is off (mail.host is empty)")
                .contains(
                        "password reset by mail, address confirmation, invitation mail and notification mail are off");
        String on = ServeCommand.mailStatus(ConfigLoader.of(Map.of(
                "mail.host", "smtp.example.org",
                "mail.from", "noreply@example.org",
                "mail.user", "planet",
                "mail.password", "s3cret")));
        assertThat(on)
                .isEqualTo("serve: mail goes through smtp.example.org:587 (starttls) from noreply@example.org")
                .doesNotContain("s3cret");
    }
}
