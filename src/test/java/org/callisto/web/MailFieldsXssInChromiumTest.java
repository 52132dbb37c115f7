package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callisto.account.Accounts;
import org.callisto.mail.MailAddress;
import org.callisto.mail.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * Stored and reflected script injection through the mail-address fields (registration, the account's address,
 * invitation by mail, password reset) and the journal's other member and moderator fields that {@link
 * StoredXssInChromiumTest} does not fill: the invitation code, the notification-mail setting, a submission's tags, an
 * editor's retagging and publication time, the reason for showing a hidden comment again, and the hidden fields of
 * the notification and vote forms. Headless Chromium shows every page with the site's Content-Security-Policy off
 * ({@link ScriptProbe}), so escaping alone must hold.
 *
 * <p>Chromium checks {@code <input type=email>} itself and would never send most payloads, so each form is sent
 * with {@code form.noValidate = true}: the payloads reach the server, which must refuse them with a message naming
 * the field, keep nothing, and show them as typed. Addresses that are valid and still hostile (quoted local parts
 * with markup, a template-literal call) are accepted, stored, mailed to, and must show as typed on the member's
 * account page, the administrator's invitation list and the moderators' pages. Mail is plain text only.
 */
class MailFieldsXssInChromiumTest {
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Pattern STORY = Pattern.compile("^/stories/([0-9]+)$");
    private static final Pattern COMMENT = Pattern.compile("^/stories/([0-9]+)#comment-([0-9]+)$");

    /** Marker numbers: field * 100 + payload index (fields 1-22 are {@link StoredXssInChromiumTest}'s). */
    private static final int REGISTER_MAIL = 30;

    private static final int ACCOUNT_MAIL = 31;
    private static final int INVITE_MAIL = 32;
    private static final int RESET_MAIL = 33;
    private static final int INVITATION_CODE = 34;
    private static final int NOTIFY = 35;
    private static final int SUBMIT_TAGS = 36;
    private static final int RETAG = 37;
    private static final int PUBLISH_AT = 38;
    private static final int UNHIDE = 39;
    private static final int NOTIFICATION_ID = 40;
    private static final int VALID_ADDRESS = 41;

    /** Addresses Jakarta Mail's strict parser accepts that carry markup or a call; {@code N} takes the marker. */
    private static final List<String> HOSTILE_VALID = List.of(
            "\"<script>xss(N)</script>\"@example.org",
            "\"<img/src=x/onerror=xss(N)>\"@example.org",
            "\"\\\"><svg/onload=xss(N)>\"@example.org",
            "x'onmouseover='xss`N`'@example.org",
            "\"'><img/src=x/onerror=xss(N)>\"@example.org",
            "\"javascript:xss(N)\"@example.org",
            "\"</textarea><script>xss(N)</script>\"@example.org");

    private static TestMailServer smtp;
    private static PlanetSite site;
    private static Browser browser;
    private static ScriptProbe probe;
    private static WebClient admin;
    private static WebClient member;

    @BeforeAll
    static void start() {
        smtp = new TestMailServer();
        Map<String, String> settings = new HashMap<>(smtp.settings());
        settings.put("journal.registration", "open");
        site = new PlanetSite("sqlite", settings);
        site.subscriptions.addFeed("https://example.org/feed.xml", "Topics", List.of("FreeBSD"));
        accounts().createAdmin("boss", JournalWebTest.PASSWORD);
        admin = login("boss");
        member = member("ann");
        browser = Browser.launch();
        probe = new ScriptProbe(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (site != null) {
            site.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    /** Payload {@code index} with the marker number of {@code field}. */
    private static String p(int field, int index) {
        return StoredXssInChromiumTest.p(field, index);
    }

    @Test
    void payloadsInEveryMailFieldAreRefusedNamingTheFieldKeptOutAndNeverRun() throws Exception {
        int invitationsBefore = count("SELECT COUNT(*) FROM invitations");
        int addressesBefore = count("SELECT COUNT(*) FROM users");
        List<ScriptProbe.Report> reports = new ArrayList<>();
        for (int i = 0; i < XssPayloads.ALL.size(); i++) {
            asAnonymous();
            browser.open(site.uri("/register"));
            String payload = p(REGISTER_MAIL, i);
            browser.script(
                    "document.getElementById('username').value = arguments[0];"
                            + "document.getElementById('password').value = arguments[1];"
                            + "document.getElementById('password2').value = arguments[1];"
                            + "document.getElementById('email').value = arguments[2];",
                    "mx" + i,
                    JournalWebTest.PASSWORD,
                    payload);
            reports.add(sendUnchecked("#email", "/register", "Mail address: ", payload));
            assertThat(browser.script("return document.getElementById('email').value"))
                    .as("the address is given back as typed")
                    .isEqualTo(payload);
            assertThat(accounts().store().userByName("mx" + i)).isEmpty();

            browser.open(site.uri("/account/reset"));
            payload = p(RESET_MAIL, i);
            browser.script("document.getElementById('email').value = arguments[0];", payload);
            reports.add(sendUnchecked("#email", "/account/reset", "Your mail address: ", payload));

            as(member);
            browser.open(site.uri("/account"));
            payload = p(ACCOUNT_MAIL, i);
            browser.script("document.getElementById('email').value = arguments[0];", payload);
            reports.add(sendUnchecked("#email", "/account/email", "Mail address: ", payload));

            browser.open(site.uri("/account"));
            payload = p(INVITE_MAIL, i);
            browser.script("document.getElementById('invite-email').value = arguments[0];", payload);
            reports.add(sendUnchecked("#invite-email", "/account/invitations", "Their mail address: ", payload));
        }
        assertThat(count("SELECT COUNT(*) FROM invitations")).isEqualTo(invitationsBefore);
        assertThat(count("SELECT COUNT(*) FROM users")).isEqualTo(addressesBefore);
        assertThat(count("SELECT COUNT(*) FROM users WHERE username = 'ann' AND email IS NOT NULL"))
                .as("no address was stored")
                .isZero();
        assertQuiet(reports);
    }

    @Test
    void validButHostileAddressesAreStoredShownAsTypedAndNeverRun() throws Exception {
        List<ScriptProbe.Report> reports = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int k = 0; k < HOSTILE_VALID.size(); k++) {
            String address = HOSTILE_VALID.get(k).replace("N", Integer.toString(VALID_ADDRESS * 100 + k));
            assertThat(MailAddress.valid(address)).as(address).isTrue();
            addresses.add(address);

            if (k % 2 == 0) { // registering with it (at most 5 accounts an hour come from one address)
                asAnonymous();
                browser.open(site.uri("/register"));
                browser.script(
                        "document.getElementById('username').value = arguments[0];"
                                + "document.getElementById('password').value = arguments[1];"
                                + "document.getElementById('password2').value = arguments[1];"
                                + "document.getElementById('email').value = arguments[2];",
                        "hv" + k,
                        JournalWebTest.PASSWORD,
                        address);
            } else { // or giving it on the account page
                as(member("hv" + k));
                browser.open(site.uri("/account"));
                browser.script("document.getElementById('email').value = arguments[0];", address);
            }
            noValidate("#email");
            browser.clickAndWait(formOf("#email").findElement(By.cssSelector("button[type=submit]")));
            ScriptProbe.Report saved = probe.check(browser.currentUrl());
            reports.add(saved);
            assertThat(saved.text()).contains("Your address " + address + " is not confirmed yet");
            assertThat(browser.script("return document.getElementById('email').value"))
                    .isEqualTo(address);

            as(admin);
            browser.open(site.uri("/account"));
            browser.script("document.getElementById('invite-email').value = arguments[0];", address);
            noValidate("#invite-email");
            browser.clickAndWait(formOf("#invite-email").findElement(By.cssSelector("button[type=submit]")));
            ScriptProbe.Report issued =
                    probe.check(site.uri("/account/invitations").toString());
            reports.add(issued);
            assertThat(issued.text()).contains("An invitation was mailed to " + address + ".");
        }
        as(admin);
        ScriptProbe.Report list = probe.visit(site.uri("/account"));
        reports.add(list);
        for (String a : addresses) {
            assertThat(list.text())
                    .as("the administrator's invitations, addresses as typed")
                    .contains(a);
        }
        for (String path : List.of("/admin/invitations", "/admin/accounts", "/users/hv0", "/moderation")) {
            reports.add(probe.visit(site.uri(path)));
        }
        for (int tries = 0; smtp.received().size() < addresses.size() && tries < 100; tries++) {
            Thread.sleep(100); // the confirmation and invitation mails leave through the mailer's queue
        }
        assertThat(smtp.received()).as("mail reached the test server").isNotEmpty();
        for (MimeMessage m : smtp.received()) {
            assertThat(m.getContentType()).as("mail is plain text").startsWithIgnoringCase("text/plain");
        }
        assertQuiet(reports);
    }

    @Test
    void theJournalsOtherFieldsNeverRun() throws Exception {
        List<ScriptProbe.Report> reports = new ArrayList<>();
        WebClient author = member("writer");
        long story = submit(author, "A story to retag");
        decide(story, "accept", "");
        long pending = submit(author, "A story to schedule");
        long comment = comment(member, story, "a comment to hide and show again");
        comment(author, story, "a mention of @ann, so that she has a notification to mark");
        String page = "/stories/" + story;
        moderate(admin, page, "/comments/" + comment + "/hide", "hidden for a while");
        for (int i = 0; i < XssPayloads.ALL.size(); i++) {
            // the invitation code of registration, given back in its field and never in markup
            asAnonymous();
            browser.open(site.uri("/register"));
            browser.script(
                    "document.getElementById('username').value = arguments[0];"
                            + "document.getElementById('password').value = arguments[1];"
                            + "document.getElementById('password2').value = arguments[1];"
                            + "document.getElementById('invitation').value = arguments[2];",
                    "ic" + i,
                    JournalWebTest.PASSWORD,
                    p(INVITATION_CODE, i));
            noValidate("#invitation");
            browser.clickAndWait(formOf("#invitation").findElement(By.cssSelector("button[type=submit]")));
            reports.add(probe.check(site.uri("/register").toString()));

            // a submission's tags
            as(member);
            browser.open(site.uri("/submit"));
            browser.script(
                    "document.getElementById('title').value = 'Tagged ' + arguments[1];"
                            + "document.getElementById('intro').value = 'An intro';"
                            + "document.getElementById('tags').value = arguments[0];"
                            + "document.querySelector('[name=format][value=text]').checked = true;",
                    p(SUBMIT_TAGS, i),
                    i);
            browser.clickAndWait(browser.driver().findElement(By.cssSelector("button[value=preview]")));
            ScriptProbe.Report tags = probe.check(site.uri("/submit").toString());
            reports.add(tags);

            // the notification-mail setting's value
            browser.open(site.uri("/account"));
            browser.script(
                    "const box = document.getElementById('notify'); box.value = arguments[0]; box.checked = true;",
                    p(NOTIFY, i));
            browser.clickAndWait(formOf("#notify").findElement(By.cssSelector("button[type=submit]")));
            reports.add(probe.check(browser.currentUrl()));

            // the hidden id of the notifications' form
            browser.open(site.uri("/notifications"));
            browser.script("document.querySelector('input[name=id]').value = arguments[0];", p(NOTIFICATION_ID, i));
            browser.clickAndWait(formOf("input[name=id]").findElement(By.cssSelector("button[type=submit]")));
            reports.add(probe.check(site.uri("/notifications").toString()));

            // an editor's retagging and publication time
            as(admin);
            browser.open(site.uri(page));
            browser.script("document.getElementById('retag').value = arguments[0];", p(RETAG, i));
            browser.clickAndWait(formOf("#retag").findElement(By.cssSelector("button[type=submit]")));
            reports.add(probe.check(browser.currentUrl()));

            browser.open(site.uri("/editor/queue"));
            browser.script(
                    "document.getElementById('publish-at-' + arguments[1]).value = arguments[0];",
                    p(PUBLISH_AT, i),
                    pending);
            browser.clickAndWait(formOf("#publish-at-" + pending).findElement(By.cssSelector("button[type=submit]")));
            reports.add(probe.check(site.uri("/editor/queue").toString()));

            // the vote form's way back, sent by hand: only a path on this site is followed
            HttpResponse<String> vote = member.submit(page, page + "/vote", "back", p(FORM_BACK, i));
            assertThat(vote.statusCode()).isEqualTo(303);
            assertThat(vote.headers().firstValue("Location").orElseThrow())
                    .as("a vote never sends the browser to what was typed in back")
                    .matches("/[^/].*|/")
                    .doesNotContain("xss");
            member.submit(page, page + "/vote", "back", page); // take it back for the next round
        }
        // the reason for showing a hidden comment again, in the public log and on the story page
        for (int i = 0; i < XssPayloads.ALL.size(); i++) {
            moderate(admin, page, "/comments/" + comment + "/unhide", p(UNHIDE, i));
            moderate(admin, page, "/comments/" + comment + "/hide", "hidden again " + i);
        }
        asAnonymous();
        ScriptProbe.Report log = probe.visit(site.uri("/moderation"));
        reports.add(log);
        for (int i = 0; i < XssPayloads.ALL.size(); i++) {
            assertThat(log.text()).as("unhide reasons as typed").contains(p(UNHIDE, i));
        }
        reports.add(probe.visit(site.uri(page)));
        as(admin);
        reports.add(probe.visit(site.uri(page)));
        reports.add(probe.visit(site.uri("/editor/queue")));
        assertQuiet(reports);
    }

    private static final int FORM_BACK = 42;

    // ---- helpers

    /** Sends the form of {@code field} past Chromium's own checks and expects a refusal that names the field. */
    private static ScriptProbe.Report sendUnchecked(String field, String expectedPath, String named, String payload) {
        noValidate(field);
        browser.clickAndWait(formOf(field).findElement(By.cssSelector("button[type=submit]")));
        ScriptProbe.Report r = probe.check(site.uri(expectedPath).toString());
        assertThat(r.text())
                .as("refusal of " + payload + " at " + expectedPath)
                .contains(named)
                .contains("is not a mail address");
        if (payload.strip().length() <= 80) {
            assertThat(r.text()).as("the address as typed").contains("'" + payload.strip() + "'");
        }
        return r;
    }

    private static void noValidate(String field) {
        browser.script("document.querySelector(arguments[0]).form.noValidate = true;", field);
    }

    private static org.openqa.selenium.WebElement formOf(String field) {
        return browser.driver().findElement(By.cssSelector(field)).findElement(By.xpath("ancestor::form"));
    }

    private static void assertQuiet(List<ScriptProbe.Report> reports) {
        assertThat(reports.stream()
                        .filter(r -> !r.quiet())
                        .map(ScriptProbe.Report::toString)
                        .toList())
                .as("pages where script ran or active markup was left")
                .isEmpty();
    }

    private static void asAnonymous() {
        browser.open(site.uri("/static/callisto.css"));
        browser.driver().manage().deleteAllCookies();
    }

    private static void as(WebClient client) {
        asAnonymous();
        browser.driver().manage().addCookie(new Cookie("callisto_session", client.cookie("callisto_session"), "/"));
    }

    private static Accounts accounts() {
        return Accounts.of(site.db, site.config, Clock.systemUTC());
    }

    private static WebClient login(String name) {
        WebClient c = new WebClient(site.uri("/"));
        JournalWebTest.login(c, name);
        return c;
    }

    private static WebClient member(String name) {
        accounts()
                .register(
                        name,
                        JournalWebTest.PASSWORD,
                        null,
                        "10.8." + ADDRESSES.incrementAndGet() / 200 + "." + ADDRESSES.get() % 200);
        return login(name);
    }

    private static int count(String sql) throws Exception {
        try (Connection c = site.db.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long submit(WebClient c, String title) {
        HttpResponse<String> r = c.submit(
                "/submit", "/submit", "action", "submit", "title", title, "format", "text", "intro", "An intro");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        Matcher m = STORY.matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.matches()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void decide(long story, String decision, String reason) {
        HttpResponse<String> r = admin.submit(
                "/editor/queue",
                "/editor/queue",
                "story",
                Long.toString(story),
                "decision",
                decision,
                "reason",
                reason);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    }

    private static long comment(WebClient c, long story, String text) {
        String page = "/stories/" + story;
        HttpResponse<String> r = c.submit(page, page + "/comments", "format", "text", "text", text);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        Matcher m = COMMENT.matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.matches()).isTrue();
        return Long.parseLong(m.group(2));
    }

    private static void moderate(WebClient moderator, String page, String action, String reason) {
        HttpResponse<String> r = moderator.submit(page, action, "reason", reason);
        assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(303);
    }
}
