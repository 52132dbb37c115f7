package org.callisto.web;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callisto.planet.Entry;
import org.callisto.planet.EntryList;
import org.callisto.web.view.ArchivePage;
import org.callisto.web.view.ListPage;
import org.callisto.web.view.PageMeta;
import org.callisto.web.view.Pager;

/**
 * The date archives: {@code /archive} lists the months with entries, {@code /archive/{yyyy}/{mm}} and
 * {@code /archive/{yyyy}/{mm}/{dd}} show a month's or a day's entries. Days are UTC days. Thread-safe.
 */
final class ArchivePages {
    private final Site site;

    ArchivePages(Site site) {
        this.site = site;
    }

    Rendered months(Context ctx) {
        List<ArchivePage.Year> years = new ArrayList<>();
        Optional<Instant[]> range = site.statistics().entryTimeRange();
        if (range.isPresent()) {
            YearMonth first = YearMonth.from(range.get()[0].atZone(ZoneOffset.UTC));
            YearMonth last = YearMonth.from(range.get()[1].atZone(ZoneOffset.UTC));
            List<YearMonth> months = new ArrayList<>();
            List<Instant> bounds = new ArrayList<>();
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                months.add(m);
                bounds.add(start(m));
            }
            bounds.add(start(last.plusMonths(1)));
            long[] counts = site.statistics().countEntriesIn(bounds);
            List<ArchivePage.Month> current = null;
            int currentYear = Integer.MIN_VALUE;
            for (int i = months.size() - 1; i >= 0; i--) {
                if (counts[i] == 0) {
                    continue;
                }
                YearMonth m = months.get(i);
                if (m.getYear() != currentYear) {
                    currentYear = m.getYear();
                    current = new ArrayList<>();
                    years.add(new ArchivePage.Year(currentYear, current));
                }
                current.add(new ArchivePage.Month(monthPath(m), Format.month(m.atDay(1)), counts[i]));
            }
        }
        return site.render("archive.jte", new ArchivePage(site.meta(ctx, "Archives"), years));
    }

    Rendered month(Context ctx) {
        YearMonth month = yearMonth(ctx.pathParam("yyyy"), ctx.pathParam("mm"));
        return page(
                ctx,
                monthPath(month),
                "Monthly Archives: " + Format.month(month.atDay(1)),
                start(month),
                start(month.plusMonths(1)));
    }

    Rendered day(Context ctx) {
        YearMonth month = yearMonth(ctx.pathParam("yyyy"), ctx.pathParam("mm"));
        String dd = ctx.pathParam("dd");
        if (!dd.matches("[0-9]{2}") || !month.isValidDay(Integer.parseInt(dd))) {
            throw PageException.notFound("There is no day \"" + Paging.shorten(dd) + "\" in "
                    + Format.month(month.atDay(1)) + ": days run from 01 to " + month.lengthOfMonth() + ".");
        }
        LocalDate day = month.atDay(Integer.parseInt(dd));
        return page(
                ctx,
                monthPath(month) + "/" + dd,
                "Daily Archives: " + Format.date(day),
                day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private Rendered page(Context ctx, String path, String heading, Instant from, Instant to) {
        EntryWindow window = EntryWindow.of(ctx, site.entries(), EntryList.between(from, to), path, "this archive");
        List<Entry> entries = window.entries();
        Pager pager = window.pager();
        PageMeta meta = site.meta(ctx, window.label() == null ? heading : heading + " (" + window.label() + ")")
                .withPager(pager);
        String intro = entries.isEmpty() ? "Nothing was published in this period." : null;
        return site.render("list.jte", new ListPage(meta, heading, intro, site.days(entries), pager));
    }

    private static YearMonth yearMonth(String yyyy, String mm) {
        if (!yyyy.matches("[0-9]{4}")) {
            throw PageException.notFound("There is no archive for year \"" + Paging.shorten(yyyy)
                    + "\": a year has four digits, as in /archive/2026/01.");
        }
        if (!mm.matches("[0-9]{2}")) {
            throw PageException.notFound("There is no archive for month \"" + Paging.shorten(mm)
                    + "\": months are written 01 to 12, as in /archive/" + yyyy + "/01.");
        }
        try {
            return YearMonth.of(Integer.parseInt(yyyy), Integer.parseInt(mm));
        } catch (DateTimeException e) {
            throw PageException.notFound("There is no month " + mm + ": months run from 01 to 12.");
        }
    }

    private static Instant start(YearMonth m) {
        return m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static String monthPath(YearMonth m) {
        return String.format("/archive/%04d/%02d", m.getYear(), m.getMonthValue());
    }
}
