package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.callisto.account.Session;
import org.callisto.planet.EntryFilters;
import org.callisto.planet.Feed;
import org.callisto.planet.FilterRule;
import org.callisto.planet.FilterStore;
import org.callisto.planet.SubscriptionStore;
import org.callisto.web.view.AdminFiltersPage;

/**
 * {@code /admin/filters}: the rules that keep or drop planet entries before they are stored (add one, remove one),
 * and the entries they dropped, newest first. Administrators only; every POST checks the {@code admin-filters} CSRF
 * token; a refused rule shows the page again with 400 and what is wrong with it, a done change redirects back (303).
 * Thread-safe.
 */
final class FilterPages {
    static final String FORM = "admin-filters";

    private final Site site;
    private final WebSessions sessions;
    private final EntryFilters filters;
    private final FilterStore store;
    private final SubscriptionStore subscriptions;

    FilterPages(Site site, WebSessions sessions, EntryFilters filters) {
        this.site = site;
        this.sessions = sessions;
        this.filters = filters;
        this.store = filters.store();
        this.subscriptions = site.subscriptions();
    }

    void page(Context ctx) {
        if (AdminPages.requireAdmin(ctx, "/admin/filters") == null) {
            return;
        }
        String notice = null;
        String added = ctx.queryParam("added");
        String removed = ctx.queryParam("removed");
        if (added != null && added.matches("[0-9]{1,18}")) {
            notice = store.rule(Long.parseLong(added))
                    .map(r -> "Added filter " + r.id() + ": " + r.describe()
                            + ". It applies from the next fetch of each feed; entries it drops that were stored"
                            + " before are removed then.")
                    .orElse(null);
        } else if (removed != null && removed.matches("[0-9]{1,18}")) {
            notice = "Removed filter " + removed + ". Entries it dropped are stored at their feed's next fetch.";
        }
        render(ctx, null, notice, new AdminFiltersPage.Form("", "", "drop", "any", false));
    }

    void add(Context ctx) {
        Session admin = requireAdminPost(ctx);
        if (admin == null) {
            return;
        }
        AdminFiltersPage.Form form = new AdminFiltersPage.Form(
                orEmpty(ctx.formParam("pattern")),
                orEmpty(ctx.formParam("feed")),
                orEmpty(ctx.formParam("action")),
                orEmpty(ctx.formParam("field")),
                "regex".equals(ctx.formParam("kind")));
        try {
            Long feedId = null;
            if (!form.feed().isBlank()) {
                if (!form.feed().matches("[0-9]{1,18}")) {
                    throw new IllegalArgumentException("the feed '" + Paging.shorten(form.feed())
                            + "' is not one of the list; pick a feed or every feed");
                }
                feedId = Long.parseLong(form.feed());
            }
            FilterRule rule = store.add(
                    feedId,
                    FilterRule.parse(FilterRule.Action.class, form.action(), "the action"),
                    FilterRule.parse(FilterRule.Field.class, form.field(), "the field"),
                    form.regex() ? FilterRule.Kind.REGEX : FilterRule.Kind.WORDS,
                    form.pattern(),
                    "added by " + admin.user().username());
            filters.changed();
            ctx.redirect("/admin/filters?added=" + rule.id(), HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException refusal) {
            ctx.status(400);
            render(ctx, "The filter was not added: " + refusal.getMessage() + ".", null, form);
        }
    }

    void remove(Context ctx) {
        if (requireAdminPost(ctx) == null) {
            return;
        }
        String id = ctx.pathParam("id");
        if (!id.matches("[0-9]{1,18}") || !store.remove(Long.parseLong(id))) {
            throw PageException.notFound("There is no filter " + Paging.shorten(id)
                    + "; nothing was changed. Pick the filter from the list at /admin/filters.");
        }
        filters.changed();
        ctx.redirect("/admin/filters?removed=" + id, HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String message, String notice, AdminFiltersPage.Form form) {
        List<Feed> feeds = subscriptions.feeds();
        Map<Long, String> names = feeds.stream().collect(Collectors.toMap(Feed::id, Feed::displayName));
        List<AdminFiltersPage.Rule> rules = store.rules().stream()
                .map(r -> new AdminFiltersPage.Rule(
                        r.id(),
                        r.feedId() == null ? "every feed" : names.getOrDefault(r.feedId(), "feed " + r.feedId()),
                        r.action().key(),
                        r.field().key(),
                        r.kind().key(),
                        r.pattern(),
                        r.origin()))
                .toList();
        List<AdminFiltersPage.Dropped> dropped = store.recentDropped(FilterStore.SHOWN_DROPPED * 2).stream()
                .map(d -> new AdminFiltersPage.Dropped(
                        names.getOrDefault(d.feedId(), "feed " + d.feedId()),
                        d.feedId(),
                        d.title() == null ? "(untitled)" : d.title(),
                        d.link(),
                        d.ruleId(),
                        Format.iso(d.at()),
                        Format.human(d.at())))
                .toList();
        List<AdminFiltersPage.FeedChoice> choices = feeds.stream()
                .map(f -> new AdminFiltersPage.FeedChoice(
                        Long.toString(f.id()),
                        f.displayName(),
                        Long.toString(f.id()).equals(form.feed())))
                .toList();
        Responses.personal(
                ctx,
                site.render(
                        "admin-filters.jte",
                        new AdminFiltersPage(
                                site.meta(ctx, "Filters – Administration"),
                                sessions.token(ctx, FORM),
                                message,
                                notice,
                                form,
                                choices,
                                rules,
                                store.droppedTotal(),
                                dropped)));
    }

    private Session requireAdminPost(Context ctx) {
        Session session = AdminPages.requireAdmin(ctx, "/admin/filters");
        if (session != null) {
            sessions.check(ctx, FORM);
        }
        return session;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
