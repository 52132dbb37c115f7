package org.callisto.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Reads and checks the {@code mail.*} keys for {@link ConfigLoader}. Stateless. */
final class MailKeys {
    private MailKeys() {}

    /** The {@code mail.*} keys: off while {@code mail.host} is empty, else a checked SMTP setup. */
    static Config.MailConfig read(ConfigLoader.Parser p, Map<String, String> v, List<String> errors, URI siteUrl) {
        String host = v.get("mail.host").trim();
        int port = p.intIn("mail.port", 1, 65535);
        Config.MailTls tls = p.mailTls("mail.tls");
        int queue = Math.max(1, p.intIn("mail.queue", 1, 100_000));
        Duration timeout = ConfigLoader.positiveOr(p.durationIn("mail.timeout", "1s", "10m"), Duration.ofSeconds(30));
        String from = v.get("mail.from").trim();
        String user = v.get("mail.user").trim();
        if (host.isEmpty()) {
            return new Config.MailConfig("", port, tls, "", "", "", queue, timeout);
        }
        if (host.contains(" ") || host.contains("/") || host.contains(":") && !host.startsWith("[")) {
            errors.add("mail.host = '" + host + "' is not a host name; write only the name, e.g. smtp.example.org,"
                    + " and the port in mail.port");
        }
        if (from.isEmpty()) {
            String siteHost = siteUrl == null || siteUrl.getHost() == null ? "example.org" : siteUrl.getHost();
            errors.add("mail.from is empty while mail.host is set; give the sender address, e.g. Callisto <noreply@"
                    + siteHost + ">");
        } else if (!from.matches("(?s).*[^@\\s<>]+@[^@\\s<>]+.*") || from.contains("\n") || from.contains("\r")) {
            errors.add("mail.from = '" + from + "' is not a mail address; write e.g. noreply@example.org or"
                    + " Callisto <noreply@example.org>");
        }
        if (user.isEmpty() != v.get("mail.password").isEmpty()) {
            errors.add("mail.user and mail.password go together; give both to log in to " + host
                    + ", or neither to send without logging in");
        }
        if (!user.isEmpty() && tls == Config.MailTls.NONE && !isLocal(host)) {
            errors.add("mail.tls = none would send the SMTP password for " + host + " in clear; use starttls or tls"
                    + " (mail.tls = none is only for a server on this machine)");
        }
        return new Config.MailConfig(host, port, tls, user, v.get("mail.password"), from, queue, timeout);
    }

    private static boolean isLocal(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }
}
