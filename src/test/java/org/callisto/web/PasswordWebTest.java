package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.callisto.account.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /account/password} through real HTTP with cookies, on SQLite and PostgreSQL: a change ends every session
 * from before (this browser's old id too) and the new password works; refusals for a wrong current password,
 * differing or missing fields and a missing token change nothing.
 */
class PasswordWebTest {
    private static final String PASSWORD = AdminTestSite.PASSWORD;
    private static final String NEW = "a much better passphrase";
    private static final String PAGE = "/account/password";

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aChangeRenewsThisSessionAndEndsEveryOther(String kind) {
        try (AdminTestSite t = new AdminTestSite(kind)) {
            t.account("alice", Role.MEMBER);
            WebClient laptop = t.loggedIn("alice");
            WebClient phone = t.loggedIn("alice");
            assertThat(laptop.get("/account").body()).contains("href=\"/account/password\"");
            String before = laptop.cookie("callisto_session");

            HttpResponse<String> changed =
                    laptop.submit(PAGE, PAGE, "current", PASSWORD, "password", NEW, "password2", NEW);
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
            assertThat(changed.headers().firstValue("Location")).hasValue("/account/password?changed=1");
            assertThat(laptop.cookie("callisto_session")).isNotNull().isNotEqualTo(before);
            HttpResponse<String> notice =
                    laptop.get(changed.headers().firstValue("Location").orElseThrow());
            assertThat(notice.body()).contains("Your password was changed");

            assertThat(laptop.get("/account").statusCode()).isEqualTo(200);
            assertThat(t.site.get("/account", "Cookie", "callisto_session=" + before)
                            .statusCode())
                    .as("the id from before the change")
                    .isEqualTo(303);
            HttpResponse<String> other = phone.get("/account");
            assertThat(other.statusCode()).isEqualTo(303);
            assertThat(other.headers().firstValue("Location")).hasValue("/login?next=/account");

            HttpResponse<String> old = t.client().submit("/login", "/login", "username", "alice", "password", PASSWORD);
            assertThat(old.statusCode()).isEqualTo(400);
            HttpResponse<String> fresh = t.client().submit("/login", "/login", "username", "alice", "password", NEW);
            assertThat(fresh.statusCode()).isEqualTo(303);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void refusalsSayWhatIsWrongAndChangeNothing(String kind) {
        try (AdminTestSite t = new AdminTestSite(kind)) {
            t.account("bob", Role.MEMBER);
            WebClient bob = t.loggedIn("bob");
            String session = bob.cookie("callisto_session");

            HttpResponse<String> wrong =
                    bob.submit(PAGE, PAGE, "current", "not the password", "password", NEW, "password2", NEW);
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("The current password is not right.");
            HttpResponse<String> differ =
                    bob.submit(PAGE, PAGE, "current", PASSWORD, "password", NEW, "password2", NEW + "!");
            assertThat(differ.statusCode()).isEqualTo(400);
            assertThat(differ.body()).contains("The two new passwords differ; type the same password twice.");
            assertThat(bob.submit(PAGE, PAGE).body()).contains("Enter your current password.");
            assertThat(bob.submit(PAGE, PAGE, "current", PASSWORD).body()).contains("Enter the new password.");
            HttpResponse<String> once = bob.submit(PAGE, PAGE, "current", PASSWORD, "password", NEW);
            assertThat(once.statusCode()).isEqualTo(400);
            assertThat(once.body()).contains("Type the new password a second time");
            HttpResponse<String> weak =
                    bob.submit(PAGE, PAGE, "current", PASSWORD, "password", "bob", "password2", "bob");
            assertThat(weak.statusCode()).isEqualTo(400);
            assertThat(weak.body()).contains("too short");
            HttpResponse<String> sql =
                    bob.submit(PAGE, PAGE, "current", "x' OR '1'='1", "password", NEW, "password2", NEW);
            assertThat(sql.statusCode()).isEqualTo(400);

            HttpResponse<String> noToken = bob.post(PAGE, "current", PASSWORD, "password", NEW, "password2", NEW);
            assertThat(noToken.statusCode()).isEqualTo(403);
            assertThat(noToken.body()).contains("security token");
            HttpResponse<String> anonymous = t.client().get(PAGE);
            assertThat(anonymous.statusCode()).isEqualTo(303);
            assertThat(anonymous.headers().firstValue("Location")).hasValue("/login?next=/account/password");

            assertThat(bob.cookie("callisto_session")).isEqualTo(session);
            assertThat(bob.get("/account").statusCode()).isEqualTo(200);
            assertThat(t.client()
                            .submit("/login", "/login", "username", "bob", "password", PASSWORD)
                            .statusCode())
                    .as("the old password still works")
                    .isEqualTo(303);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void guessingTheCurrentPasswordIsLimitedLikeLogins(String kind) {
        try (AdminTestSite t = new AdminTestSite(kind)) {
            t.account("carol", Role.MEMBER);
            WebClient carol = t.loggedIn("carol");
            for (int i = 0; i < 5; i++) {
                assertThat(carol.submit(PAGE, PAGE, "current", "guess " + i, "password", NEW, "password2", NEW)
                                .statusCode())
                        .isEqualTo(400);
            }
            HttpResponse<String> limited =
                    carol.submit(PAGE, PAGE, "current", PASSWORD, "password", NEW, "password2", NEW);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        }
    }
}
