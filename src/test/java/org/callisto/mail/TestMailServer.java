package org.callisto.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server on a free loopback port in the test JVM (GreenMail), with helpers to wait for the mail sent to
 * an address and to find the links in it. Close it after the test. Not thread-safe.
 */
public final class TestMailServer implements AutoCloseable {
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private final GreenMail mail;

    public TestMailServer() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
    }

    public int port() {
        return mail.getSmtp().getPort();
    }

    /** The settings that send to this server in clear (it is on loopback), from {@code site@planet.test}. */
    public Map<String, String> settings() {
        return Map.of(
                "mail.host",
                "127.0.0.1",
                "mail.port",
                Integer.toString(port()),
                "mail.tls",
                "none",
                "mail.from",
                "Test Planet <site@planet.test>",
                "mail.timeout",
                "5s");
    }

    /** Every message received so far. */
    public List<MimeMessage> received() {
        return List.of(mail.getReceivedMessages());
    }

    /** Waits up to 10 s for the {@code n}th message (counting from 1) to {@code to}, and returns it. */
    public MimeMessage await(String to, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> mine = to(to);
            if (mine.size() >= n) {
                return mine.get(n - 1);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no mail number " + n + " to " + to + " within 10 s; received "
                + received().size());
    }

    /** The messages received for {@code to}. */
    public List<MimeMessage> to(String to) {
        return received().stream()
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equalsIgnoreCase(to);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** The plain-text body of a message. */
    public static String text(MimeMessage m) {
        try {
            return m.getContent().toString().replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in a message's body that contains {@code part}. */
    public static URI link(MimeMessage m, String part) {
        Matcher matcher = LINK.matcher(text(m));
        while (matcher.find()) {
            if (matcher.group().contains(part)) {
                return URI.create(matcher.group());
            }
        }
        throw new AssertionError("no link with " + part + " in:\n" + text(m));
    }

    /** The path and query of a link, to ask the test server on loopback for it. */
    public static String pathOf(URI link) {
        return link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
    }

    /** A header of a message, or null. */
    public static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        mail.stop();
    }
}
