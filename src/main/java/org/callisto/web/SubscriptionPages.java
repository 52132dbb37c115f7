package org.callisto.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.callisto.planet.Feed;
import org.callisto.web.view.SubscriptionsPage;

/**
 * {@code /subscriptions}: every feed with its categories, fetch times, state, last error in words and how often
 * it publishes. Thread-safe.
 */
final class SubscriptionPages {
    private static final int RATE_WEEKS = 8;
    private final Site site;

    SubscriptionPages(Site site) {
        this.site = site;
    }

    /** The time this page's content last changed: a planet change or a fetch attempt. */
    long version(long planetVersion) {
        return Math.max(planetVersion, site.statistics().lastFetch().toEpochMilli());
    }

    Rendered subscriptions(Context ctx) {
        Instant now = site.now();
        Map<Long, Double> perWeek = site.statistics().entriesPerWeek(now, RATE_WEEKS);
        Map<Long, String> faces = site.subscriptions().faces();
        List<SubscriptionsPage.Row> rows = site.subscriptions().feeds().stream()
                .map(f -> row(f, now, perWeek.getOrDefault(f.id(), 0.0), faces.get(f.id())))
                .toList();
        return site.render(
                "subscriptions.jte",
                new SubscriptionsPage(site.meta(ctx, "Subscriptions"), rows, Format.iso(now), Format.human(now)));
    }

    static SubscriptionsPage.Row row(Feed f, Instant now, double perWeek, String face) {
        Instant last = f.lastFetchAt();
        Instant next = f.disabled() || f.nextFetchAt() == null ? null : f.nextFetchAt();
        boolean dueNow = next != null && !next.isAfter(now);
        String status;
        String statusClass;
        if (f.disabled()) {
            status = "Disabled";
            statusClass = "disabled";
        } else if (last == null) {
            status = "Not fetched yet";
            statusClass = "pending";
        } else if (f.lastErrorKind() != null || f.lastError() != null) {
            status = f.errorCount() > 1 ? "Failing (" + f.errorCount() + " attempts)" : "Error";
            statusClass = "error";
        } else if (f.illFormed()) {
            status = "OK, repaired";
            statusClass = "ok";
        } else {
            status = "OK";
            statusClass = "ok";
        }
        String error = null;
        if (f.lastErrorKind() != null || f.lastError() != null) {
            String kind = Format.errorKind(f.lastErrorKind());
            error = f.lastError() == null || f.lastError().isBlank() ? kind + "." : kind + ": " + f.lastError();
        } else if (f.illFormed() && f.problems() != null && !f.problems().isBlank()) {
            error = problemsInWords(f.problems());
        }
        return new SubscriptionsPage.Row(
                f,
                Format.webUrl(f.url()),
                last == null ? null : Format.relative(last, now),
                last == null ? null : Format.iso(last),
                last == null ? null : Format.human(last),
                next == null ? null : dueNow ? "due now" : Format.relative(next, now),
                next == null || dueNow ? null : Format.iso(next),
                next == null || dueNow ? null : Format.human(next),
                status,
                statusClass,
                error,
                Format.perWeek(perWeek),
                Avatars.of(f.displayName(), face));
    }

    /** "not well-formed XML, repaired: parse error at 3:14: undefined entity &foo; (and 2 more)". */
    static String problemsInWords(String problems) {
        List<String> lines = problems.lines().filter(l -> !l.isBlank()).toList();
        String first = lines.getFirst();
        String where = first.matches("\\d+:\\d+: .*") ? "parse error at " + first : first;
        return "not well-formed, repaired: " + where
                + (lines.size() > 1 ? " (and " + (lines.size() - 1) + " more)" : "");
    }
}
