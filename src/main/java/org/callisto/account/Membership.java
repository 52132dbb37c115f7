package org.callisto.account;

import java.time.Clock;
import org.callisto.config.Config;
import org.callisto.db.Database;
import org.callisto.mail.Mailer;

/**
 * The services of joining and of mail to members, made together because they share the mailer, the links and the
 * stores: invitations, registration that ends logged in, members' addresses and notification mail, and password
 * reset. Immutable; every service is thread-safe.
 */
public record Membership(
        Invitations invitations, Joining joining, MemberMail mail, PasswordResets resets, MailLinks links) {

    /** The services of a site: its database, accounts, configuration and mailer, with times from {@code clock}. */
    public static Membership of(Database db, Accounts accounts, Config config, Mailer mailer, Clock clock) {
        MailLinks links = new MailLinks(config.siteUrl());
        MailSettingsStore settings = new MailSettingsStore(db);
        MailTokenStore tokens = new MailTokenStore(db);
        String title = config.siteTitle();
        Invitations invitations =
                new Invitations(accounts, new InvitationStore(db), mailer, links, config.journal(), title, clock);
        MemberMail mail = new MemberMail(accounts, settings, tokens, mailer, links, title, clock);
        return new Membership(
                invitations,
                new Joining(accounts, invitations, mail, settings, clock),
                mail,
                new PasswordResets(accounts, settings, tokens, mailer, links, title, clock),
                links);
    }

    /** Whether mail is configured; without it, reset, verification, invitation and notification mail are off. */
    public boolean mailEnabled() {
        return mail.enabled();
    }
}
