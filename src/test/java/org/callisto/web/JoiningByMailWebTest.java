package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callisto.account.Accounts;
import org.callisto.account.Invitations;
import org.callisto.account.Membership;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.account.User;
import org.callisto.mail.SmtpMailer;
import org.callisto.mail.TestMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Joining and mail over real HTTP against the real server, with a real SMTP server (GreenMail) on loopback: the
 * links are taken from the mail received and followed. On SQLite and PostgreSQL.
 */
class JoiningByMailWebTest {
    private static final String PASSWORD = JournalWebTest.PASSWORD;
    private static final String NEW_PASSWORD = "a brand new secret";

    private static PlanetSite site(String kind, TestMailServer smtp, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(smtp == null ? Map.of() : smtp.settings());
        settings.putAll(more);
        PlanetSite site = new PlanetSite(kind, settings);
        Accounts.of(site.db, site.config, Clock.systemUTC()).createAdmin("root", PASSWORD);
        return site;
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anInvitationMailedFromTheAccountPageLeadsToALoggedInMemberWhoResetsThePasswordByMail(String kind)
            throws Exception {
        try (TestMailServer smtp = new TestMailServer();
                PlanetSite site = site(kind, smtp, Map.of())) {
            WebClient root = new WebClient(site.uri("/"));
            JournalWebTest.login(root, "root");
            HttpResponse<String> issued =
                    root.submit("/account", "/account/invitations", "email", "newbie@example.org");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
            assertThat(issued.body()).contains("An invitation was mailed to newbie@example.org");

            MimeMessage invitation = smtp.await("newbie@example.org", 1);
            assertThat(invitation.getSubject()).isEqualTo("root invites you to Test Planet");
            URI link = TestMailServer.link(invitation, "/register?invitation=");
            assertThat(link.toString()).startsWith("http://planet.test/register?invitation=");
            String code =
                    URLDecoder.decode(link.getRawQuery().substring("invitation=".length()), StandardCharsets.UTF_8);

            WebClient newbie = new WebClient(site.uri("/"));
            HttpResponse<String> form = newbie.get(TestMailServer.pathOf(link));
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("value=\"" + code + "\"").contains("value=\"newbie@example.org\"");
            HttpResponse<String> registered = newbie.submit(
                    TestMailServer.pathOf(link),
                    "/register",
                    "username",
                    "newbie",
                    "password",
                    PASSWORD,
                    "password2",
                    PASSWORD,
                    "invitation",
                    code,
                    "email",
                    "newbie@example.org");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(303);
            assertThat(registered.headers().firstValue("Location")).hasValue("/account?welcome=1");
            HttpResponse<String> account = newbie.get("/account?welcome=1");
            assertThat(account.statusCode()).as("logged in by registering").isEqualTo(200);
            assertThat(account.body())
                    .contains("Welcome! Your account is made")
                    .contains("Your address <strong>newbie@example.org</strong> is confirmed");

            WebClient late = new WebClient(site.uri("/"));
            HttpResponse<String> reused = late.submit(
                    TestMailServer.pathOf(link),
                    "/register",
                    "username",
                    "latecomer",
                    "password",
                    PASSWORD,
                    "password2",
                    PASSWORD,
                    "invitation",
                    code);
            assertThat(reused.statusCode()).isEqualTo(400);
            assertThat(reused.body()).contains("was already used or has expired");

            // the same answer whether or not an account has the address
            WebClient forgetful = new WebClient(site.uri("/"));
            HttpResponse<String> known =
                    forgetful.submit("/account/reset", "/account/reset", "email", "newbie@example.org");
            HttpResponse<String> unknown = new WebClient(site.uri("/"))
                    .submit("/account/reset", "/account/reset", "email", "nobody@example.org");
            assertThat(known.statusCode()).isEqualTo(200);
            assertThat(unknown.statusCode()).isEqualTo(200);
            assertThat(withoutTokens(known.body()).replace("newbie@", "X@"))
                    .isEqualTo(withoutTokens(unknown.body()).replace("nobody@", "X@"));
            assertThat(known.body()).contains("If an account has the address newbie@example.org, a link");

            MimeMessage resetMail = smtp.await("newbie@example.org", 2);
            assertThat(resetMail.getSubject()).isEqualTo("Reset your password on Test Planet");
            String resetPath = TestMailServer.pathOf(TestMailServer.link(resetMail, "/account/reset/"));
            HttpResponse<String> resetForm = forgetful.get(resetPath);
            assertThat(resetForm.statusCode()).isEqualTo(200);
            assertThat(resetForm.body()).contains("For the account <strong>newbie</strong>");
            assertThat(forgetful
                            .post(resetPath, "password", NEW_PASSWORD, "password2", NEW_PASSWORD)
                            .statusCode())
                    .as("no CSRF token")
                    .isEqualTo(403);
            HttpResponse<String> differ =
                    forgetful.submit(resetPath, resetPath, "password", NEW_PASSWORD, "password2", "something else");
            assertThat(differ.statusCode()).isEqualTo(400);
            assertThat(differ.body()).contains("The two new passwords differ");
            HttpResponse<String> reset =
                    forgetful.submit(resetPath, resetPath, "password", NEW_PASSWORD, "password2", NEW_PASSWORD);
            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(303);
            assertThat(reset.headers().firstValue("Location")).hasValue("/login?reset=newbie");
            assertThat(newbie.get("/account").statusCode())
                    .as("the session from before the reset has ended")
                    .isEqualTo(303);
            HttpResponse<String> oldLogin =
                    forgetful.submit("/login", "/login", "username", "newbie", "password", PASSWORD);
            assertThat(oldLogin.statusCode()).isEqualTo(400);
            HttpResponse<String> newLogin =
                    forgetful.submit("/login", "/login", "username", "newbie", "password", NEW_PASSWORD);
            assertThat(newLogin.statusCode()).as(newLogin.body()).isEqualTo(303);

            HttpResponse<String> again = new WebClient(site.uri("/")).get(resetPath);
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.body()).contains("was used already");
            HttpResponse<String> bogus = new WebClient(site.uri("/")).get("/account/reset/not-a-real-token");
            assertThat(bogus.statusCode()).isEqualTo(400);
            assertThat(bogus.body()).contains("This password reset link is not valid");
            assertThat(smtp.to("nobody@example.org"))
                    .as("nothing for an unknown address")
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aChangedAddressIsConfirmedByTheMailedLinkOnce(String kind) {
        try (TestMailServer smtp = new TestMailServer();
                PlanetSite site = site(kind, smtp, Map.of("journal.registration", "open"))) {
            WebClient ann = new WebClient(site.uri("/"));
            assertThat(ann.submit(
                                    "/register",
                                    "/register",
                                    "username",
                                    "ann",
                                    "password",
                                    PASSWORD,
                                    "password2",
                                    PASSWORD)
                            .statusCode())
                    .isEqualTo(303);
            assertThat(ann.get("/account").body()).contains("You have not given a mail address");
            HttpResponse<String> bad = ann.submit("/account", "/account/email", "email", "ann@@example\r\nBcc: x");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("is not a mail address");
            HttpResponse<String> changed = ann.submit("/account", "/account/email", "email", "ann@example.org");
            assertThat(changed.statusCode()).isEqualTo(303);
            assertThat(ann.get("/account?done=email-sent").body())
                    .contains("A link to confirm it was mailed")
                    .contains("is not confirmed yet");
            MimeMessage mail = smtp.await("ann@example.org", 1);
            String verify = TestMailServer.pathOf(TestMailServer.link(mail, "/account/verify/"));
            HttpResponse<String> followed = new WebClient(site.uri("/")).get(verify);
            assertThat(followed.statusCode()).isEqualTo(200);
            assertThat(followed.body()).contains("Your mail address is confirmed");
            assertThat(ann.get("/account").body()).contains("<strong>ann@example.org</strong> is confirmed");
            HttpResponse<String> twice = new WebClient(site.uri("/")).get(verify);
            assertThat(twice.statusCode()).isEqualTo(400);
            assertThat(twice.body()).contains("was used already");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void notificationMailCarriesOneClickUnsubscribeThatTurnsTheSettingOff(String kind) {
        try (TestMailServer smtp = new TestMailServer();
                PlanetSite site = site(kind, smtp, Map.of())) {
            Membership membership = site.callisto.membership();
            Invitations.Issued issued = membership.invitations().issueAsOperator(null, null);
            Session bob = membership
                    .joining()
                    .register("bob", PASSWORD, issued.invitation().code(), null, "10.4.0.1", null, null);
            WebClient web = new WebClient(site.uri("/"));
            JournalWebTest.login(web, "bob");
            assertThat(membership.mail().notify(bob.user().id(), "A reply", "Hello"))
                    .as("no address yet")
                    .isFalse();
            web.submit("/account", "/account/email", "email", "bob@example.org");
            String verify =
                    TestMailServer.pathOf(TestMailServer.link(smtp.await("bob@example.org", 1), "/account/verify/"));
            assertThat(web.get(verify).statusCode()).isEqualTo(200);

            assertThat(membership.mail().notify(bob.user().id(), "A reply to your story", "carol replied."))
                    .isTrue();
            MimeMessage note = smtp.await("bob@example.org", 2);
            String header = TestMailServer.header(note, "List-Unsubscribe");
            assertThat(header).startsWith("<http://planet.test/unsubscribe/").endsWith(">");
            assertThat(TestMailServer.header(note, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(TestMailServer.text(note)).contains("carol replied.").contains("To stop it, open");
            String path = URI.create(header.substring(1, header.length() - 1)).getRawPath();

            WebClient mailProgram = new WebClient(site.uri("/"));
            HttpResponse<String> confirm = mailProgram.get(path);
            assertThat(confirm.statusCode()).isEqualTo(200);
            assertThat(confirm.body()).contains("Stop notification mail").contains("<strong>bob</strong>");
            HttpResponse<String> oneClick = mailProgram.post(path, "List-Unsubscribe", "One-Click");
            assertThat(oneClick.statusCode()).isEqualTo(200);
            assertThat(oneClick.body()).contains("Notification mail is off for <strong>bob</strong>");
            assertThat(membership.mail().settings(bob.user().id()).notifyByMail())
                    .isFalse();
            assertThat(web.get("/account").body()).doesNotContain("value=\"on\" checked");
            assertThat(membership.mail().notify(bob.user().id(), "Another reply", "dave replied."))
                    .isFalse();

            HttpResponse<String> forged = mailProgram.post(
                    "/unsubscribe/" + bob.user().id() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            assertThat(forged.statusCode()).isEqualTo(400);
            assertThat(forged.body()).contains("This unsubscribe link is not valid");

            HttpResponse<String> back = web.submit("/account", "/account/notifications", "notify", "on");
            assertThat(back.statusCode()).isEqualTo(303);
            assertThat(membership.mail().settings(bob.user().id()).notifyByMail())
                    .isTrue();
        }
    }

    /**
     * A reply never waits for notification mail: with an SMTP server that accepts connections and never answers
     * (for longer than {@code mail.timeout}, 2 minutes, so no attempt can end before the reply is checked), the
     * reply is stored and notified in the site before any mail is sent or has failed; once the server is gone, each
     * mail fails its attempts, is counted and logged, and nothing of the reply is undone.
     */
    @Test
    void aReplyIsPostedAndNotifiedInTheSiteWhileTheMailServerHangsThenFails() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                PlanetSite site = site(
                        "sqlite",
                        null,
                        Map.of(
                                "mail.host", "127.0.0.1",
                                "mail.port", Integer.toString(silent.getLocalPort()),
                                "mail.tls", "none",
                                "mail.from", "site@planet.test",
                                "mail.timeout", "2m"))) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, never greeted
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            Membership membership = site.callisto.membership();
            Invitations.Issued issued = membership.invitations().issueAsOperator(null, "author@example.org");
            assertThat(issued.mailed()).as("queued, not sent").isTrue();
            membership
                    .joining()
                    .register("author", PASSWORD, issued.invitation().code(), "author@example.org", null, null, null);
            membership
                    .joining()
                    .register(
                            "replier",
                            PASSWORD,
                            membership
                                    .invitations()
                                    .issueAsOperator(null, null)
                                    .invitation()
                                    .code(),
                            null,
                            null,
                            null,
                            null);
            WebClient author = new WebClient(site.uri("/"));
            JournalWebTest.login(author, "author");
            long story = JournalWebTest.submit(author, "Mail may hang", "text", "An intro", "");
            WebClient root = new WebClient(site.uri("/"));
            JournalWebTest.login(root, "root");
            JournalWebTest.decide(root, story, "accept", "");
            WebClient replier = new WebClient(site.uri("/"));
            JournalWebTest.login(replier, "replier");

            String page = "/stories/" + story;
            HttpResponse<String> reply = replier.submit(page, page + "/comments", "text", "A reply all the same");
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(303);
            SmtpMailer mailer = (SmtpMailer) site.callisto.mailer();
            assertThat(mailer.sentCount() + mailer.failedCount())
                    .as("the reply did not wait for the mail server")
                    .isZero();
            assertThat(author.get("/notifications").body()).contains("replier replied on");
            assertThat(site.fresh(page).body()).contains("A reply all the same");

            silent.close();
            for (Socket s : held) {
                s.close();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (mailer.failedCount() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(mailer.failedCount())
                    .as("the invitation, the acceptance and the reply, each given up after its attempts")
                    .isEqualTo(3);
            assertThat(mailer.sentCount()).isZero();
            assertThat(site.fresh(page).body()).contains("A reply all the same");
            assertThat(author.get("/journal").body()).contains("(2 unread)");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void membersSeeAndRevokeOnlyTheirOwnInvitationsAndOnlyModeratorsSeeTheTree(String kind) {
        try (TestMailServer smtp = new TestMailServer();
                PlanetSite site = site(kind, smtp, Map.of("journal.invitations_per_member", "1"))) {
            Membership membership = site.callisto.membership();
            Invitations.Issued forBob = membership.invitations().issueAsOperator(null, null);
            membership.joining().register("bob", PASSWORD, forBob.invitation().code(), null, "10.4.0.2", null, null);
            WebClient root = new WebClient(site.uri("/"));
            JournalWebTest.login(root, "root");
            HttpResponse<String> rootIssued = root.submit("/account", "/account/invitations", "email", "");
            assertThat(rootIssued.body()).contains("Your invitation is ready");
            long rootInvitation =
                    site.callisto.accounts().store().invitationsBy(1).getFirst().id();

            WebClient bob = new WebClient(site.uri("/"));
            JournalWebTest.login(bob, "bob");
            HttpResponse<String> page = bob.get("/account");
            assertThat(page.body())
                    .doesNotContain("invitation-" + rootInvitation)
                    .contains("Invitations left: 1");
            String token = WebClient.csrf(page.body(), "/account/email");
            HttpResponse<String> steal = bob.post("/account/invitations/" + rootInvitation + "/revoke", "csrf", token);
            assertThat(steal.statusCode()).isEqualTo(400);
            assertThat(steal.body()).contains("is not one of your open invitations");
            assertThat(site.callisto
                            .accounts()
                            .store()
                            .invitationsBy(1)
                            .getFirst()
                            .revokedAt())
                    .isEmpty();

            assertThat(bob.submit("/account", "/account/invitations", "email", "friend@example.org")
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> over = bob.post(
                    "/account/invitations", "csrf", WebClient.csrf(page.body(), "/account/invitations"), "email", "");
            assertThat(over.statusCode()).isEqualTo(400);
            assertThat(over.body()).contains("as many as a member may have");
            long bobs =
                    site.callisto.accounts().store().invitationsBy(2).getFirst().id();
            assertThat(bob.post("/account/invitations/" + bobs + "/revoke", "csrf", token)
                            .statusCode())
                    .isEqualTo(303);
            assertThat(bob.get("/account?done=revoked").body())
                    .contains("The invitation is revoked")
                    .contains("revoked");

            assertThat(bob.get("/admin/invitations").statusCode()).isEqualTo(403);
            HttpResponse<String> tree = root.get("/admin/invitations");
            assertThat(tree.statusCode()).isEqualTo(200);
            assertThat(tree.body()).contains("id=\"member-root\"").contains("— <strong>bob</strong>");
        }
    }

    /**
     * Inviting tells nothing about who is a member: an address an account has and one nobody has get the same page
     * (but for the address and the link) and the same mail, since issuing never looks the address up.
     */
    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void invitingAnAddressAMemberHasAnswersAndMailsAsInvitingOneNobodyHas(String kind) throws Exception {
        try (TestMailServer smtp = new TestMailServer();
                PlanetSite site = site(kind, smtp, Map.of())) {
            Membership membership = site.callisto.membership();
            Invitations.Issued forTaken = membership.invitations().issueAsOperator(null, "taken@example.org");
            membership
                    .joining()
                    .register(
                            "taken",
                            PASSWORD,
                            forTaken.invitation().code(),
                            "taken@example.org",
                            "10.4.0.3",
                            null,
                            null);
            assertThat(membership
                            .mail()
                            .settings(site.callisto
                                    .accounts()
                                    .store()
                                    .userByName("taken")
                                    .orElseThrow()
                                    .id())
                            .verified())
                    .isTrue();
            WebClient root = new WebClient(site.uri("/"));
            JournalWebTest.login(root, "root");
            HttpResponse<String> known = root.submit("/account", "/account/invitations", "email", "taken@example.org");
            HttpResponse<String> unknown = root.submit("/account", "/account/invitations", "email", "free@example.org");
            assertThat(known.statusCode()).isEqualTo(200);
            assertThat(unknown.statusCode()).isEqualTo(200);
            assertThat(notices(comparable(known.body(), "taken@")))
                    .isNotEmpty()
                    .isEqualTo(notices(comparable(unknown.body(), "free@")));
            MimeMessage toTaken = smtp.await("taken@example.org", 2);
            MimeMessage toFree = smtp.await("free@example.org", 1);
            assertThat(toTaken.getSubject()).isEqualTo(toFree.getSubject());
            assertThat(comparable(TestMailServer.text(toTaken), "taken@"))
                    .isEqualTo(comparable(TestMailServer.text(toFree), "free@"));
        }
    }

    /** The notices a page shows (the list of one's invitations below them grows with each one issued). */
    private static List<String> notices(String html) {
        return java.util.regex.Pattern.compile("<p class=\"notice\"[^>]*>(.*?)</p>")
                .matcher(html)
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    /**
     * A page or mail with its address, invitation codes, invitation rows, tokens and the expiry's minute and second
     * made alike (two invitations made a moment apart may expire a second apart).
     */
    private static String comparable(String text, String local) {
        return withoutTokens(text)
                .replace(local, "X@")
                .replaceAll("invitation=[A-Za-z0-9_%-]+", "invitation=CODE")
                .replaceAll("invitation-[0-9]+", "invitation-N")
                .replaceAll("/account/invitations/[0-9]+/", "/account/invitations/N/")
                .replaceAll("(\\d{4}-\\d{2}-\\d{2} \\d{2}):\\d{2}:\\d{2} UTC", "$1:MM:SS UTC");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void everyNewFormRefusesAPostWithoutItsToken(String kind) {
        try (PlanetSite site = site(kind, null, Map.of())) {
            WebClient root = new WebClient(site.uri("/"));
            JournalWebTest.login(root, "root");
            for (String path : new String[] {
                "/account/email", "/account/notifications", "/account/invitations", "/account/invitations/1/revoke"
            }) {
                HttpResponse<String> r = root.post(path, "email", "x@example.org", "notify", "on");
                assertThat(r.statusCode()).as(path).isEqualTo(403);
            }
            assertThat(site.callisto.accounts().store().invitationsBy(1)).isEmpty();
            WebClient anonymous = new WebClient(site.uri("/"));
            anonymous.get("/account/reset");
            assertThat(anonymous
                            .post("/account/reset", "email", "x@example.org")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(anonymous
                            .post("/account/reset/abc", "password", NEW_PASSWORD, "password2", NEW_PASSWORD)
                            .statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void withoutMailTheSiteWorksAndSaysWhichFeaturesAreOff() {
        try (PlanetSite site = site("sqlite", null, Map.of())) {
            WebClient root = new WebClient(site.uri("/"));
            JournalWebTest.login(root, "root");
            assertThat(root.get("/account").body())
                    .contains("This site sends no mail")
                    .contains("pass the link on yourself");
            HttpResponse<String> issued = root.submit("/account", "/account/invitations", "email", "x@example.org");
            assertThat(issued.statusCode()).isEqualTo(200);
            assertThat(issued.body()).contains("Your invitation is ready").contains("id=\"new-invitation\"");
            WebClient anonymous = new WebClient(site.uri("/"));
            assertThat(anonymous.get("/account/reset").body()).contains("Password reset by mail is off on this site");
            assertThat(anonymous.get("/register").body()).contains("this site sends no mail yet");
            User root1 = site.callisto.accounts().store().userByName("root").orElseThrow();
            assertThat(root1.role()).isEqualTo(Role.ADMIN);
            assertThat(site.callisto.membership().mail().notify(root1.id(), "x", "y"))
                    .isFalse();
        }
    }

    /** A page without the per-browser tokens in it. */
    private static String withoutTokens(String html) {
        return html.replaceAll("name=\"csrf\" value=\"[^\"]+\"", "");
    }
}
