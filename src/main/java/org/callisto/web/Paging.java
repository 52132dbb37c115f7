package org.callisto.web;

import java.time.DateTimeException;
import java.time.Instant;
import org.callisto.planet.EntryCursor;

/**
 * The paging parameters of paginated pages: {@code ?before=TIME~ID} and {@code ?after=TIME~ID} (a place in the list,
 * see {@link EntryCursor}), and the older {@code ?page=N}. Stateless.
 */
final class Paging {
    static final int PAGE_SIZE = 30;
    private static final int MAX_SHOWN = 40;

    private Paging() {}

    /** How many pages {@code total} entries fill; at least one, so an empty river still has its page. */
    static int pages(long total) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + PAGE_SIZE - 1) / PAGE_SIZE));
    }

    /**
     * The page asked for: 1 when absent. A value that is not a whole number from 1 up is a bad request; a page past
     * the last is not found.
     *
     * @param what what is paginated, for messages ("the river", "category FreeBSD")
     */
    static int page(String raw, int pages, String what) {
        if (raw == null) {
            return 1;
        }
        String value = raw.strip();
        int page = 0;
        boolean ok = !value.isEmpty() && value.length() <= 9;
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = c >= '0' && c <= '9';
            page = page * 10 + (c - '0');
        }
        if (!ok || page < 1) {
            throw PageException.badRequest(
                    "page must be a whole number from 1 to " + pages + ", not \"" + shorten(raw) + "\".");
        }
        if (page > pages) {
            throw PageException.notFound("There is no page " + page + " of " + what + ": it has "
                    + (pages == 1 ? "1 page." : pages + " pages."));
        }
        return page;
    }

    /** A place written in a link: the entry's time in ISO-8601 UTC, a tilde and its id. */
    static String cursor(EntryCursor c) {
        return c.time() + "~" + c.id();
    }

    /**
     * The place a {@code before} or {@code after} parameter names; anything but a time and an id as written by
     * {@link #cursor(EntryCursor)} is a bad request naming the parameter and its value.
     */
    static EntryCursor cursor(String name, String raw) {
        String value = raw.strip();
        int tilde = value.lastIndexOf('~');
        String id = tilde < 0 ? "" : value.substring(tilde + 1);
        if (tilde > 0 && id.matches("[0-9]{1,18}") && value.length() <= 64) {
            try {
                Instant time = Instant.parse(value.substring(0, tilde));
                time.toEpochMilli(); // in the range the database stores
                return new EntryCursor(time, Long.parseLong(id));
            } catch (DateTimeException | ArithmeticException e) {
                // reported below
            }
        }
        throw PageException.badRequest(name + " must be a time and an entry id as the page's links write them, as in "
                + name + "=2026-01-02T03:04:05Z~1234, not \"" + shorten(raw) + "\". Start again from the first page.");
    }

    static int offset(int page) {
        return (page - 1) * PAGE_SIZE;
    }

    /** A value shown back in a message: at most 40 characters, control characters dropped. */
    static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "");
        return clean.length() <= MAX_SHOWN ? clean : clean.substring(0, MAX_SHOWN) + "…";
    }
}
