package org.callisto.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.callisto.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mail over SMTP with Jakarta Mail (Eclipse Angus): {@link #send} puts the message in a queue of
 * {@code mail.queue} places and returns at once; one daemon thread takes messages in order and hands each to the
 * server, trying {@link #ATTEMPTS} times with growing pauses when the server or network fails. A full queue drops
 * the new mail and logs it, so a flood of requests never piles up memory or threads. {@link #close} sends what is
 * queued for at most {@code mail.timeout} and stops.
 *
 * <p>The connection is protected as {@code mail.tls} says: none, STARTTLS that must succeed, or TLS from the
 * first byte; the server's certificate is checked against its name. Logs name the recipient's domain only.
 *
 * <p>Thread-safe.
 */
public final class SmtpMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    /** Attempts per mail before it is given up. */
    static final int ATTEMPTS = 3;

    private static final MailMessage STOP = new MailMessage("stop@stop.invalid", "stop", "", null);

    private final Config.MailConfig config;
    private final Clock clock;
    private final Session session;
    private final InternetAddress from;
    private final BlockingQueue<MailMessage> queue;
    private final Thread sender;
    private final Duration pause;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    /** A mailer for a configured server, its thread started; dates in mails come from {@code clock}. */
    public SmtpMailer(Config.MailConfig config, Clock clock) {
        this(config, clock, Duration.ofSeconds(2));
    }

    /** As above, pausing {@code pause}, then twice that, between attempts at one mail. */
    SmtpMailer(Config.MailConfig config, Clock clock, Duration pause) {
        if (!config.enabled()) {
            throw new IllegalArgumentException("mail.host is empty, so there is no server to send to; use NoMail");
        }
        this.config = config;
        this.clock = clock;
        this.pause = pause;
        try {
            this.from = new InternetAddress(config.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("mail.from = '" + config.from() + "' is not a mail address: "
                    + e.getMessage() + "; write e.g. Callisto <noreply@example.org>");
        }
        this.session = Session.getInstance(properties(config, from));
        this.queue = new ArrayBlockingQueue<>(config.queue());
        this.sender = Thread.ofPlatform().name("mail-sender").daemon(true).start(this::run);
    }

    static Properties properties(Config.MailConfig config, InternetAddress from) {
        Properties p = new Properties();
        String timeout = Long.toString(config.timeout().toMillis());
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", Integer.toString(config.port()));
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.from", from.getAddress());
        p.put("mail.smtp.auth", Boolean.toString(!config.user().isEmpty()));
        switch (config.tls()) {
            case NONE -> {}
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.put("mail.smtp.ssl.enable", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
        }
        return p;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public boolean send(MailMessage message) {
        if (closed) {
            LOG.warn("mail: not sending {}: the mailer is stopping", message);
            return false;
        }
        if (!queue.offer(message)) {
            long n = dropped.incrementAndGet();
            LOG.warn(
                    "mail: queue full ({} waiting, mail.queue = {}); dropped {} ({} dropped so far)",
                    queue.size(),
                    config.queue(),
                    message,
                    n);
            return false;
        }
        return true;
    }

    /** Mails handed to the server since start. */
    public long sentCount() {
        return sent.get();
    }

    /** Mails given up after {@link #ATTEMPTS} failures. */
    public long failedCount() {
        return failed.get();
    }

    /** Mails dropped because the queue was full. */
    public long droppedCount() {
        return dropped.get();
    }

    private void run() {
        while (true) {
            MailMessage m;
            try {
                m = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (m == STOP) {
                return;
            }
            deliver(m);
        }
    }

    private void deliver(MailMessage m) {
        Duration wait = pause;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                MimeMessage message = mime(m);
                if (config.user().isEmpty()) {
                    Transport.send(message);
                } else {
                    Transport.send(message, config.user(), config.password());
                }
                sent.incrementAndGet();
                return;
            } catch (MessagingException e) {
                if (attempt == ATTEMPTS || closed && attempt > 1) {
                    failed.incrementAndGet();
                    LOG.warn(
                            "mail: gave up on {} after {} attempts via {}:{}: {}; check mail.host, mail.port,"
                                    + " mail.tls and the server's log",
                            m,
                            attempt,
                            config.host(),
                            config.port(),
                            e.getMessage());
                    return;
                }
                LOG.info("mail: attempt {} of {} failed: {}; trying again in {}", attempt, m, e.getMessage(), wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    failed.incrementAndGet();
                    return;
                }
                wait = wait.multipliedBy(2);
            }
        }
    }

    MimeMessage mime(MailMessage m) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to(), true));
        message.setSubject(m.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setText(m.text(), StandardCharsets.UTF_8.name());
        if (m.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + m.unsubscribeUrl().toASCIIString() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader("Auto-Submitted", "auto-generated");
        }
        message.saveChanges();
        return message;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + config.timeout().toNanos();
        try {
            while (!queue.offer(STOP, 100, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            sender.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender.isAlive()) {
            sender.interrupt();
            LOG.warn(
                    "mail: stopped with {} mail(s) unsent after waiting mail.timeout = {}",
                    queue.size(),
                    config.timeout());
        }
    }

    @Override
    public String toString() {
        return "SmtpMailer[" + config + "]";
    }
}
