package org.callisto.web;

/** The {@code ?page=N} parameter of paginated pages. Stateless. */
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

    static int offset(int page) {
        return (page - 1) * PAGE_SIZE;
    }

    /** A value shown back in a message: at most 40 characters, control characters dropped. */
    static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "");
        return clean.length() <= MAX_SHOWN ? clean : clean.substring(0, MAX_SHOWN) + "…";
    }
}
