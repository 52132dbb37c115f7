package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.callisto.account.AccountRefusal;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.account.User;
import org.callisto.journal.AccountModeration;
import org.callisto.journal.JournalRefusal;
import org.callisto.planet.Category;
import org.callisto.planet.Feed;
import org.callisto.planet.PlanetStatistics;
import org.callisto.planet.SubscriptionFields;
import org.callisto.planet.SubscriptionStore;
import org.callisto.planet.SubscriptionUrl;
import org.callisto.web.view.AdminAccountsPage;
import org.callisto.web.view.AdminPage;
import org.callisto.web.view.AdminPostsPage;
import org.callisto.web.view.AdminSubscriptionsPage;

/**
 * The administrators' pages: {@code /admin} (an index), {@code /admin/subscriptions} (the planet's feeds: add one,
 * change a feed's categories, disable and enable it) and {@code /admin/accounts} (change a role, ban, lift a ban,
 * each logged in the public moderation log with its reason).
 *
 * <p>Anonymous requests are sent to the login page; members and editors get 403 with a page saying so. Every POST
 * checks its CSRF token (form {@code admin-subscriptions} or {@code admin-accounts}) after the role; a refused
 * change shows the page again with 400 and the reason, and a done one redirects back (303) with a notice.
 * Feed changes go through {@link SubscriptionStore}, which moves the planet's change time, so cached planet pages
 * follow. Thread-safe.
 */
final class AdminPages {
    static final String SUBSCRIPTIONS_FORM = "admin-subscriptions";
    static final String ACCOUNTS_FORM = "admin-accounts";
    static final String POSTS_FORM = "admin-posts";
    private static final Pattern ENTRY_ADDRESS = Pattern.compile("/entries/([0-9]{1,18})/?(?:[?#].*)?$");
    /** How many merged posts the posts page lists. */
    static final int POSTS_SHOWN = 100;
    /** Longest reason for disabling a feed. */
    static final int MAX_DISABLE_REASON = 500;

    private final Site site;
    private final WebSessions sessions;
    private final SubscriptionStore subscriptions;
    private final PlanetStatistics statistics;
    private final AccountModeration moderation;

    AdminPages(Site site, WebSessions sessions, AccountModeration moderation) {
        this.site = site;
        this.sessions = sessions;
        this.subscriptions = site.subscriptions();
        this.statistics = site.statistics();
        this.moderation = moderation;
    }

    // ---- the index

    void index(Context ctx) {
        if (requireAdmin(ctx, "/admin") == null) {
            return;
        }
        List<Feed> feeds = subscriptions.feeds();
        List<User> users = sessions.accounts().store().users();
        Responses.personal(
                ctx,
                site.render(
                        "admin.jte",
                        new AdminPage(
                                site.meta(ctx, "Administration"),
                                feeds.size(),
                                feeds.stream().filter(Feed::disabled).count(),
                                users.size(),
                                users.stream().filter(User::banned).count())));
    }

    // ---- subscriptions

    void subscriptions(Context ctx) {
        if (requireAdmin(ctx, "/admin/subscriptions") == null) {
            return;
        }
        String notice = null;
        Optional<Feed> changed = feedOfQuery(ctx.queryParam("added"));
        if (changed.isPresent()) {
            notice = "Subscribed to " + changed.get().displayName() + " (feed "
                    + changed.get().id() + "). It is" + " fetched in the next refresh round.";
        } else if ((changed = feedOfQuery(ctx.queryParam("changed"))).isPresent()) {
            Feed f = changed.get();
            notice = "Saved feed " + f.id() + ", " + f.displayName() + ": " + (f.disabled() ? "disabled" : "enabled")
                    + ", "
                    + (f.categories().isEmpty()
                            ? "in no category"
                            : "in "
                                    + f.categories().stream()
                                            .map(Category::name)
                                            .collect(Collectors.joining(", ")))
                    + ".";
        }
        subscriptionsPage(ctx, null, notice, "", "", "");
    }

    void add(Context ctx) {
        if (requireAdminPost(ctx, SUBSCRIPTIONS_FORM) == null) {
            return;
        }
        String url = orEmpty(ctx.formParam("url"));
        String name = orEmpty(ctx.formParam("name"));
        String categories = orEmpty(ctx.formParam("categories"));
        try {
            String checked = SubscriptionUrl.check(url);
            String checkedName = SubscriptionFields.name(name);
            List<String> names = SubscriptionFields.categories(categories);
            String face = SubscriptionStore.checkedFace(ctx.formParam("face"));
            Optional<Feed> existing = subscriptions.feedByUrl(checked);
            if (existing.isPresent()) {
                throw new IllegalArgumentException("'" + checked + "' is subscribed already, as feed "
                        + existing.get().id() + " (" + existing.get().displayName() + "); change its categories in"
                        + " the list below");
            }
            Feed feed = subscriptions.addFeed(checked, checkedName, names);
            if (face != null) {
                subscriptions.setFace(feed.id(), face);
            }
            ctx.redirect("/admin/subscriptions?added=" + feed.id() + "#feed-" + feed.id(), HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException refusal) {
            ctx.status(400);
            // An over-long URL is not written back into the form: the message shows its beginning.
            String kept = url.length() > SubscriptionUrl.MAX_LENGTH ? "" : url;
            subscriptionsPage(
                    ctx, "The feed was not added: " + refusal.getMessage() + ".", null, kept, name, categories);
        }
    }

    void categories(Context ctx) {
        Session admin = requireAdminPost(ctx, SUBSCRIPTIONS_FORM);
        if (admin == null) {
            return;
        }
        Feed feed = feed(ctx);
        try {
            subscriptions.setFeedCategories(feed.id(), SubscriptionFields.categories(ctx.formParam("categories")));
            changed(ctx, feed);
        } catch (IllegalArgumentException refusal) {
            ctx.status(400);
            subscriptionsPage(
                    ctx,
                    "The categories of feed " + feed.id() + " (" + feed.displayName() + ") were not" + " changed: "
                            + refusal.getMessage() + ".",
                    null,
                    "",
                    "",
                    "");
        }
    }

    /** Sets or clears (an empty field) the face of a feed: the picture shown beside its entries. */
    void face(Context ctx) {
        Session admin = requireAdminPost(ctx, SUBSCRIPTIONS_FORM);
        if (admin == null) {
            return;
        }
        Feed feed = feed(ctx);
        try {
            subscriptions.setFace(feed.id(), ctx.formParam("face"));
            changed(ctx, feed);
        } catch (IllegalArgumentException refusal) {
            ctx.status(400);
            subscriptionsPage(
                    ctx,
                    "The face of feed " + feed.id() + " (" + feed.displayName() + ") was not changed: "
                            + refusal.getMessage() + ".",
                    null,
                    "",
                    "",
                    "");
        }
    }

    void disable(Context ctx) {
        Session admin = requireAdminPost(ctx, SUBSCRIPTIONS_FORM);
        if (admin == null) {
            return;
        }
        Feed feed = feed(ctx);
        String reason = orEmpty(ctx.formParam("reason")).strip();
        String refusal = feed.disabled()
                ? "it is disabled already"
                : reason.length() > MAX_DISABLE_REASON
                        ? "the reason is " + reason.length() + " characters long;" + " shorten it to at most "
                                + MAX_DISABLE_REASON
                        : reason.chars().anyMatch(Character::isISOControl)
                                ? "the reason has line breaks or control" + " characters; write it on one line"
                                : null;
        if (refusal != null) {
            ctx.status(400);
            subscriptionsPage(
                    ctx,
                    "Feed " + feed.id() + " (" + feed.displayName() + ") was not disabled: " + refusal + ".",
                    null,
                    "",
                    "",
                    "");
            return;
        }
        subscriptions.setDisabled(
                feed.id(),
                true,
                "switched off by " + admin.user().username() + (reason.isEmpty() ? "" : ": " + reason));
        changed(ctx, feed);
    }

    void enable(Context ctx) {
        if (requireAdminPost(ctx, SUBSCRIPTIONS_FORM) == null) {
            return;
        }
        Feed feed = feed(ctx);
        if (!feed.disabled()) {
            ctx.status(400);
            subscriptionsPage(
                    ctx,
                    "Feed " + feed.id() + " (" + feed.displayName() + ") was not enabled: it is" + " not disabled.",
                    null,
                    "",
                    "",
                    "");
            return;
        }
        subscriptions.setDisabled(feed.id(), false, null);
        changed(ctx, feed);
    }

    private void subscriptionsPage(
            Context ctx, String message, String notice, String url, String name, String categories) {
        Instant now = site.now();
        Map<Long, Double> perWeek = statistics.entriesPerWeek(now, 8);
        Map<Long, Long> counts = statistics.entryCountsByFeed();
        Map<Long, String> faces = subscriptions.faces();
        List<AdminSubscriptionsPage.Item> items = subscriptions.feeds().stream()
                .map(f -> new AdminSubscriptionsPage.Item(
                        SubscriptionPages.row(f, now, perWeek.getOrDefault(f.id(), 0.0), faces.get(f.id())),
                        f.categories().stream().map(Category::name).collect(Collectors.joining(", ")),
                        counts.getOrDefault(f.id(), 0L),
                        faces.getOrDefault(f.id(), "")))
                .toList();
        String csrf = sessions.token(ctx, SUBSCRIPTIONS_FORM);
        Responses.personal(
                ctx,
                site.render(
                        "admin-subscriptions.jte",
                        new AdminSubscriptionsPage(
                                site.meta(ctx, "Subscriptions – Administration"),
                                csrf,
                                message,
                                notice,
                                url,
                                name,
                                categories,
                                items)));
    }

    // ---- posts: the copies of one post across feeds

    /**
     * {@code POST /admin/entries/{id}/split}: shows a wrongly merged copy on its own; with the form token of the
     * posts page. Logged as done by the administrator. Back to the posts page when {@code back=posts}, else to the
     * entry.
     */
    void splitPost(Context ctx) {
        Session admin = requireAdminPost(ctx, POSTS_FORM);
        if (admin == null) {
            return;
        }
        long entry = entryId(ctx.pathParam("id"));
        try {
            site.entries().posts().split(entry, admin.user().username());
        } catch (IllegalArgumentException refusal) {
            throw PageException.badRequest("Entry " + entry + " was not split: " + refusal.getMessage() + ".");
        }
        if ("posts".equals(ctx.formParam("back"))) {
            ctx.redirect("/admin/posts?split=" + entry, HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect("/entries/" + entry, HttpStatus.SEE_OTHER);
    }

    /**
     * {@code POST /admin/entries/{id}/merge} with {@code other}: merges two copies of one post, shown by the
     * earliest; with the form token of the posts page. Logged as done by the administrator.
     */
    void mergePost(Context ctx) {
        Session admin = requireAdminPost(ctx, POSTS_FORM);
        if (admin == null) {
            return;
        }
        long entry = entryId(ctx.pathParam("id"));
        long other = entryId(orEmpty(ctx.formParam("other")).strip());
        try {
            site.entries().posts().merge(entry, other, admin.user().username());
        } catch (IllegalArgumentException refusal) {
            throw PageException.badRequest(
                    "Entries " + entry + " and " + other + " were not merged: " + refusal.getMessage() + ".");
        }
        ctx.redirect("/entries/" + site.entries().posts().postOf(entry), HttpStatus.SEE_OTHER);
    }

    /** {@code GET /admin/posts}: the posts reached through several feeds, with split buttons and a merge form. */
    void posts(Context ctx) {
        if (requireAdmin(ctx, "/admin/posts") == null) {
            return;
        }
        String notice = null;
        String split = ctx.queryParam("split");
        String merged = ctx.queryParam("merged");
        if (split != null && split.matches("[0-9]{1,18}")) {
            notice = "Entry " + split + " is shown on its own again.";
        } else if (merged != null && merged.matches("[0-9]{1,18}")) {
            notice = "Merged: entry " + merged + " is shown for the post, with \"also posted by\" the other copies.";
        }
        Responses.personal(
                ctx,
                site.render(
                        "admin-posts.jte",
                        new AdminPostsPage(
                                site.meta(ctx, "Posts – Administration"),
                                sessions.token(ctx, POSTS_FORM),
                                null,
                                notice,
                                site.entries().posts().groups(POSTS_SHOWN),
                                site.entries().posts().log(20))));
    }

    /**
     * {@code POST /admin/posts/merge} with {@code entry} and {@code other}, each an entry id or its page's address:
     * the posts page's merge form.
     */
    void mergeForm(Context ctx) {
        Session admin = requireAdminPost(ctx, POSTS_FORM);
        if (admin == null) {
            return;
        }
        long entry = entryId(entryIdIn(orEmpty(ctx.formParam("entry"))));
        long other = entryId(entryIdIn(orEmpty(ctx.formParam("other"))));
        try {
            site.entries().posts().merge(entry, other, admin.user().username());
        } catch (IllegalArgumentException refusal) {
            throw PageException.badRequest(
                    "Entries " + entry + " and " + other + " were not merged: " + refusal.getMessage() + ".");
        }
        ctx.redirect("/admin/posts?merged=" + site.entries().posts().postOf(entry), HttpStatus.SEE_OTHER);
    }

    /** The id in an entry's page address ({@code https://planet.example/entries/42}, {@code /entries/42}), or as is. */
    static String entryIdIn(String value) {
        String v = value.strip();
        Matcher m = ENTRY_ADDRESS.matcher(v);
        return m.find() ? m.group(1) : v;
    }

    private static long entryId(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw PageException.badRequest("\"" + Paging.shorten(id) + "\" is not an entry id; nothing was changed."
                    + " An entry's id is the number in its page's address, /entries/ID.");
        }
        return Long.parseLong(id);
    }

    private static void changed(Context ctx, Feed feed) {
        ctx.redirect("/admin/subscriptions?changed=" + feed.id() + "#feed-" + feed.id(), HttpStatus.SEE_OTHER);
    }

    private Feed feed(Context ctx) {
        String id = ctx.pathParam("id");
        return (id.matches("[0-9]{1,18}") ? subscriptions.feed(Long.parseLong(id)) : Optional.<Feed>empty())
                .orElseThrow(() -> PageException.notFound("There is no feed " + Paging.shorten(id)
                        + "; nothing was changed. Pick the feed from the list at /admin/subscriptions."));
    }

    private Optional<Feed> feedOfQuery(String id) {
        return id != null && id.matches("[0-9]{1,18}") ? subscriptions.feed(Long.parseLong(id)) : Optional.empty();
    }

    // ---- accounts

    void accounts(Context ctx) {
        Session admin = requireAdmin(ctx, "/admin/accounts");
        if (admin == null) {
            return;
        }
        String notice = null;
        Optional<User> changed = userOfQuery(ctx.queryParam("changed"));
        if (changed.isPresent()) {
            User u = changed.get();
            notice = "Saved account " + u.username() + ": " + u.role().key() + (u.banned() ? ", banned" : "")
                    + ". The moderation log at /moderation shows the change.";
        }
        accountsPage(ctx, admin, null, notice);
    }

    void role(Context ctx) {
        Session admin = requireAdminPost(ctx, ACCOUNTS_FORM);
        if (admin == null) {
            return;
        }
        User target = user(ctx);
        try {
            Role role = Role.of(orEmpty(ctx.formParam("role")));
            moderation.setRole(admin, target.id(), role, ctx.formParam("reason"));
            if (target.id() == admin.user().id() && role != Role.ADMIN) {
                ctx.redirect("/account", HttpStatus.SEE_OTHER); // no longer allowed on the admin pages
                return;
            }
            ctx.redirect("/admin/accounts?changed=" + target.id() + "#user-" + target.id(), HttpStatus.SEE_OTHER);
        } catch (AccountRefusal | JournalRefusal refusal) {
            refused(ctx, admin, "The role of " + target.username() + " was not changed: ", refusal);
        }
    }

    void ban(Context ctx) {
        Session admin = requireAdminPost(ctx, ACCOUNTS_FORM);
        if (admin == null) {
            return;
        }
        User target = user(ctx);
        try {
            if (target.banned()) {
                throw new JournalRefusal("the account is banned already");
            }
            moderation.ban(admin, target.id(), ctx.formParam("reason"));
            ctx.redirect("/admin/accounts?changed=" + target.id() + "#user-" + target.id(), HttpStatus.SEE_OTHER);
        } catch (AccountRefusal | JournalRefusal refusal) {
            refused(ctx, admin, target.username() + " was not banned: ", refusal);
        }
    }

    void unban(Context ctx) {
        Session admin = requireAdminPost(ctx, ACCOUNTS_FORM);
        if (admin == null) {
            return;
        }
        User target = user(ctx);
        try {
            moderation.unban(admin, target.id(), ctx.formParam("reason"));
            ctx.redirect("/admin/accounts?changed=" + target.id() + "#user-" + target.id(), HttpStatus.SEE_OTHER);
        } catch (AccountRefusal | JournalRefusal refusal) {
            refused(ctx, admin, "The ban of " + target.username() + " was not lifted: ", refusal);
        }
    }

    private void refused(Context ctx, Session admin, String what, RuntimeException refusal) {
        ctx.status(400);
        accountsPage(ctx, admin, what + refusal.getMessage() + ".", null);
    }

    private void accountsPage(Context ctx, Session admin, String message, String notice) {
        List<User> users = sessions.accounts().store().users();
        Map<Long, String> names = new HashMap<>();
        users.forEach(u -> names.put(u.id(), u.username()));
        List<AdminAccountsPage.Row> rows = users.stream()
                .map(u -> new AdminAccountsPage.Row(
                        u.id(),
                        u.username(),
                        u.role().key(),
                        Format.iso(u.createdAt()),
                        Format.human(u.createdAt()),
                        u.banned(),
                        u.invitedBy().map(names::get).orElse(null),
                        u.id() == admin.user().id()))
                .toList();
        String csrf = sessions.token(ctx, ACCOUNTS_FORM);
        Responses.personal(
                ctx,
                site.render(
                        "admin-accounts.jte",
                        new AdminAccountsPage(
                                site.meta(ctx, "Accounts – Administration"), csrf, message, notice, rows)));
    }

    private User user(Context ctx) {
        String id = ctx.pathParam("id");
        return (id.matches("[0-9]{1,18}")
                        ? sessions.accounts().store().user(Long.parseLong(id))
                        : Optional.<User>empty())
                .orElseThrow(() -> PageException.notFound("There is no account " + Paging.shorten(id)
                        + "; nothing was changed. Pick the account from the list at /admin/accounts."));
    }

    private Optional<User> userOfQuery(String id) {
        return id != null && id.matches("[0-9]{1,18}")
                ? sessions.accounts().store().user(Long.parseLong(id))
                : Optional.empty();
    }

    // ---- access

    /**
     * The administrator's session; null after sending an anonymous request to the login page (which comes back to
     * {@code here}).
     *
     * @throws PageException 403 for members and editors
     */
    static Session requireAdmin(Context ctx, String here) {
        Session session = AccountPages.requireLogin(ctx, here);
        if (session != null && session.user().role() != Role.ADMIN) {
            throw PageException.forbidden("Only administrators can use the admin pages. You are logged in as "
                    + session.user().username() + ", who is "
                    + (session.user().role() == Role.EDITOR ? "an editor" : "a member")
                    + "; nothing was shown or changed. Ask an administrator if you need this.");
        }
        return session;
    }

    /** As {@link #requireAdmin} for a form: anonymous posts go to the login page, then the token is checked. */
    private Session requireAdminPost(Context ctx, String formId) {
        Session session = requireAdmin(
                ctx, ctx.path().startsWith("/admin/accounts") ? "/admin/accounts" : "/admin/subscriptions");
        if (session != null) {
            sessions.check(ctx, formId);
        }
        return session;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
