package org.callisto.planet;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.callisto.html.HtmlSanitizer;
import org.callisto.html.HtmlText;
import org.callisto.planet.fetch.FeedFetcher;
import org.callisto.planet.fetch.FetchRequest;
import org.callisto.planet.fetch.FetchResult;
import org.callisto.planet.fetch.FetchSchedule;
import org.callisto.planet.parse.Enclosure;
import org.callisto.planet.parse.EntrySource;
import org.callisto.planet.parse.FeedParseException;
import org.callisto.planet.parse.FeedParser;
import org.callisto.planet.parse.ParsedEntry;
import org.callisto.planet.parse.ParsedFeed;
import org.callisto.planet.parse.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refresh pipeline of one feed, top to bottom: fetch, parse, sanitize, store, schedule the next fetch.
 * Whatever happens ends as a stored, readable status on that feed; nothing a feed does escapes this class.
 * Thread-safe: many feeds are refreshed at once from virtual threads.
 */
public final class FeedRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(FeedRefresher.class);
    /** Entries taken from one document at most; the rest of a hostile or enormous feed is ignored. */
    static final int MAX_ENTRIES_PER_FETCH = 500;

    /**
     * Fetched documents parsed, sanitized and stored at once, at most: that work is CPU and database bound, so more
     * of it at once than there are cores only lengthens the virtual-thread scheduler's queue. A long queue starves
     * the threads still reading responses, which then hit the read timeout (a refresh-round benchmark of 10,000
     * feeds at fetch.concurrency 256 lost 4 to 6 % of its feeds that way). Threads waiting here are parked, not
     * queued for a carrier; they hold no slot of the fetcher
     * but still count against the round's concurrency, which is the back-pressure wanted.
     */
    private final Semaphore processing =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    private final SubscriptionStore subscriptions;
    private final EntryStore entries;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final HtmlSanitizer sanitizer;
    /** Titles a feed marked up keep inline phrasing only ({@link HtmlSanitizer#inlineTitle()}). */
    private final HtmlSanitizer titleSanitizer = HtmlSanitizer.inlineTitle();

    private final FetchSchedule schedule;
    private final Clock clock;
    private final FeedPushes pushes;
    private final EntryFilters filters;

    /** A refresher that stores every entry (no filter rules) and takes no pushed content. */
    public FeedRefresher(
            SubscriptionStore subscriptions,
            EntryStore entries,
            FeedFetcher fetcher,
            FeedParser parser,
            HtmlSanitizer sanitizer,
            FetchSchedule schedule,
            Clock clock) {
        this(subscriptions, entries, fetcher, parser, sanitizer, schedule, clock, FeedPushes.NONE, EntryFilters.NONE);
    }

    /**
     * @param clock   the time of each refresh attempt, from which its next fetch is scheduled
     * @param pushes  told the hubs each fetched document names; says at which pace feeds whose updates are pushed
     *                are polled
     * @param filters the rules that keep or drop entries before they are stored
     */
    public FeedRefresher(
            SubscriptionStore subscriptions,
            EntryStore entries,
            FeedFetcher fetcher,
            FeedParser parser,
            HtmlSanitizer sanitizer,
            FetchSchedule schedule,
            Clock clock,
            FeedPushes pushes,
            EntryFilters filters) {
        this.subscriptions = subscriptions;
        this.entries = entries;
        this.fetcher = fetcher;
        this.parser = parser;
        this.sanitizer = sanitizer;
        this.schedule = schedule;
        this.clock = clock;
        this.pushes = pushes;
        this.filters = filters;
    }

    /** Refreshes one feed now and records the result on it. Never throws. */
    public RefreshOutcome refresh(Feed feed) {
        Instant started = clock.instant();
        try {
            return doRefresh(feed, started);
        } catch (RuntimeException e) {
            LOG.warn("refresh of {} failed unexpectedly", feed.url(), e);
            String message = "internal error while refreshing " + feed.url() + ": " + e;
            safeRecord(feed, failure(feed, started, 0, RefreshFailure.INTERNAL, message, null));
            return new RefreshOutcome(feed.id(), feed.url(), RefreshOutcome.Kind.ERROR, 0, 0, message);
        }
    }

    private RefreshOutcome doRefresh(Feed feed, Instant started) {
        URI url;
        try {
            url = URI.create(feed.url());
        } catch (IllegalArgumentException e) {
            String message = "the stored URL '" + feed.url() + "' is not a valid URL: " + e.getMessage();
            subscriptions.recordStatus(feed.id(), failure(feed, started, 0, RefreshFailure.BAD_URL, message, null));
            return new RefreshOutcome(feed.id(), feed.url(), RefreshOutcome.Kind.ERROR, 0, 0, message);
        }
        SubscriptionStore.FetchState state = subscriptions.fetchState(feed.id());
        FetchResult r = fetcher.fetch(new FetchRequest(url, state.etag(), state.lastModified()));
        String movedTo = r.movedTo() == null ? null : r.movedTo().toString();
        return switch (r.outcome()) {
            case OK -> processOne(feed, r, started, movedTo);
            case NOT_MODIFIED -> {
                subscriptions.recordStatus(
                        feed.id(),
                        new FeedStatus(
                                started,
                                next(feed, state.ttl(), r, started),
                                r.status(),
                                true,
                                null,
                                null,
                                false,
                                movedTo,
                                r.etag(),
                                r.lastModified(),
                                null));
                yield new RefreshOutcome(feed.id(), feed.url(), RefreshOutcome.Kind.NOT_MODIFIED, 0, 0, null);
            }
            case GONE -> {
                String reason =
                        r.message() != null ? r.message() : "the server answered 410 Gone: the feed was removed";
                subscriptions.recordStatus(
                        feed.id(),
                        new FeedStatus(
                                started,
                                started.plus(Duration.ofDays(3650)),
                                r.status(),
                                false,
                                RefreshFailure.GONE,
                                reason,
                                true,
                                null,
                                null,
                                null,
                                null));
                yield new RefreshOutcome(feed.id(), feed.url(), RefreshOutcome.Kind.GONE, 0, 0, reason);
            }
            case RETRY_LATER -> {
                subscriptions.recordStatus(
                        feed.id(), failure(feed, started, r.status(), RefreshFailure.of(r.error()), r.message(), r));
                yield new RefreshOutcome(feed.id(), feed.url(), RefreshOutcome.Kind.RETRY_LATER, 0, 0, r.message());
            }
            case ERROR -> {
                subscriptions.recordStatus(
                        feed.id(),
                        failure(
                                feed,
                                started,
                                r.status(),
                                r.error() == null ? RefreshFailure.OTHER : RefreshFailure.of(r.error()),
                                r.message(),
                                r));
                yield new RefreshOutcome(feed.id(), feed.url(), RefreshOutcome.Kind.ERROR, 0, 0, r.message());
            }
        };
    }

    private RefreshOutcome processOne(Feed feed, FetchResult r, Instant started, String movedTo) {
        processing.acquireUninterruptibly();
        try {
            return parseAndStore(feed, r, started, movedTo);
        } finally {
            processing.release();
        }
    }

    private RefreshOutcome parseAndStore(Feed feed, FetchResult r, Instant started, String movedTo) {
        String base = r.finalUrl() != null ? r.finalUrl().toString() : feed.url();
        ParsedFeed parsed;
        try {
            parsed = parser.parse(r.body(), r.contentType(), r.contentLocation(), base);
        } catch (FeedParseException e) {
            String where = e.line() > 0 ? " at " + e.line() + ":" + e.column() : "";
            String message = "not a feed" + where + ": " + e.getMessage();
            subscriptions.recordStatus(
                    feed.id(), failure(feed, started, r.status(), RefreshFailure.NOT_A_FEED, message, r));
            return new RefreshOutcome(feed.id(), feed.url(), RefreshOutcome.Kind.ERROR, 0, 0, message);
        }
        StoreResult stored = entries.storeEntries(
                feed.id(), filters.apply(feed.id(), rows(parsed, base)).kept(), started);
        pushes.fetched(feed, r.finalUrl() != null ? r.finalUrl() : URI.create(feed.url()), r.links(), parsed);
        String problems = parsed.problems().isEmpty()
                ? null
                : parsed.problems().stream().limit(50).map(Object::toString).collect(Collectors.joining("\n"));
        FeedStatus.FeedMeta meta = new FeedStatus.FeedMeta(
                parsed.title() == null
                        ? null
                        : EntryLimits.clip(HtmlText.toPlainText(parsed.title()), EntryLimits.MAX_FEED_TITLE),
                EntryLimits.webUrl(parsed.link()),
                parsed.description() == null
                        ? null
                        : sanitizer
                                .sanitize(parsed.description(), base, EntryLimits.MAX_DESCRIPTION_HTML_BYTES)
                                .html(),
                EntryLimits.webUrl(parsed.imageUrl()),
                parsed.format(),
                parsed.encoding(),
                parsed.illFormed(),
                problems,
                parsed.ttlMinutes());
        Duration ttl = parsed.ttlMinutes() == null ? null : Duration.ofMinutes(parsed.ttlMinutes());
        Instant next = next(feed, ttl, r, started);
        subscriptions.recordStatus(
                feed.id(),
                new FeedStatus(
                        started, next, r.status(), true, null, null, false, movedTo, r.etag(), r.lastModified(), meta));
        return new RefreshOutcome(
                feed.id(), feed.url(), RefreshOutcome.Kind.OK, stored.added(), stored.updated(), null);
    }

    /**
     * Takes a document pushed by a WebSub hub for {@code feed} through the same parse, sanitize and store steps as a
     * fetched one; the feed's fetch state and schedule are left as they are. Never throws.
     *
     * @param body        the pushed body as received
     * @param contentType the Content-Type of the push, or null
     */
    public RefreshOutcome acceptPushed(Feed feed, byte[] body, String contentType) {
        processing.acquireUninterruptibly();
        try {
            ParsedFeed parsed = parser.parse(body, contentType, null, feed.url());
            StoreResult stored = entries.storeEntries(
                    feed.id(),
                    filters.apply(feed.id(), rows(parsed, feed.url())).kept(),
                    clock.instant());
            return new RefreshOutcome(
                    feed.id(), feed.url(), RefreshOutcome.Kind.OK, stored.added(), stored.updated(), null);
        } catch (FeedParseException e) {
            String where = e.line() > 0 ? " at " + e.line() + ":" + e.column() : "";
            String message = "the document pushed for " + feed.url() + " is not a feed" + where + ": " + e.getMessage();
            return new RefreshOutcome(feed.id(), feed.url(), RefreshOutcome.Kind.ERROR, 0, 0, message);
        } catch (RuntimeException e) {
            LOG.warn("storing a document pushed for {} failed unexpectedly", feed.url(), e);
            String message = "internal error while storing a document pushed for " + feed.url() + ": " + e;
            return new RefreshOutcome(feed.id(), feed.url(), RefreshOutcome.Kind.ERROR, 0, 0, message);
        } finally {
            processing.release();
        }
    }

    private List<EntryRow> rows(ParsedFeed parsed, String base) {
        List<EntryRow> rows = new ArrayList<>();
        String site = EntryLimits.webUrl(parsed.link());
        for (ParsedEntry e : parsed.entries()) {
            if (rows.size() >= MAX_ENTRIES_PER_FETCH) {
                break;
            }
            rows.add(toRow(e, base, site != null ? site : base));
        }
        return rows;
    }

    private EntryRow toRow(ParsedEntry e, String feedBase, String feedSite) {
        String base = e.baseUrl() != null ? e.baseUrl() : feedBase;
        String link = safeLink(e.link());
        StoredEntryHtml html =
                StoredEntryHtml.of(sanitizer, e.summary(), e.content(), base, link != null ? link : feedSite);
        if (html.cut()) {
            LOG.info(
                    "entry {} of {} was longer than {} bytes of HTML after sanitizing; stored shortened",
                    forLog(link != null ? link : String.valueOf(e.id())),
                    forLog(feedBase),
                    EntryLimits.MAX_ENTRY_HTML_BYTES);
        }
        String summary = html.summary();
        String content = html.content();
        String title =
                e.title() == null ? null : EntryLimits.clip(HtmlText.toPlainText(e.title()), EntryLimits.MAX_TITLE);
        String author = e.authors().stream()
                .map(Person::name)
                .filter(n -> n != null && !n.isBlank())
                .findFirst()
                .map(n -> EntryLimits.clip(n, EntryLimits.MAX_AUTHOR))
                .orElse(null);
        // the first audio or video enclosure, which pages play, else the first of any kind
        var enclosure = e.enclosures().stream()
                .filter(FeedRefresher::playable)
                .findFirst()
                .orElse(e.enclosures().isEmpty() ? null : e.enclosures().getFirst());
        EntryDetails details = details(e, base, feedBase, feedSite);
        return new EntryRow(
                EntryIdentity.keyOf(e),
                e.id(),
                link,
                title,
                author,
                summary,
                content,
                e.categories().stream()
                        .filter(t -> t != null && !t.isBlank())
                        .map(t -> EntryLimits.clip(t, EntryLimits.MAX_TERM))
                        .distinct()
                        .limit(EntryLimits.MAX_TERMS)
                        .toList(),
                enclosure == null ? null : safeLink(enclosure.url()),
                enclosure == null ? null : EntryLimits.whole(enclosure.type(), EntryLimits.MAX_MEDIA_TYPE),
                enclosure == null ? -1 : enclosure.length(),
                safeLink(e.imageUrl()),
                e.published(),
                e.updated(),
                EntryIdentity.sha256(hashParts(
                        details,
                        link,
                        title,
                        author,
                        summary,
                        content,
                        e.published() == null ? "" : e.published().toString())),
                details,
                safeLink(e.origLink()));
    }

    private static String[] hashParts(EntryDetails details, String... shown) {
        String[] extra = details.hashParts();
        if (extra.length == 0) {
            return shown;
        }
        String[] all = Arrays.copyOf(shown, shown.length + extra.length);
        System.arraycopy(extra, 0, all, shown.length, extra.length);
        return all;
    }

    /**
     * What the planet keeps beyond the entry's text: its title's markup through the inline-only title policy, the
     * author's link, comment links and count, and the feed it was copied from, unless that is the feed itself. Only
     * http(s) URLs are kept; email addresses never are.
     */
    private EntryDetails details(ParsedEntry e, String base, String feedBase, String feedSite) {
        String titleHtml = null;
        if (e.titleHtml() != null) {
            String safe = titleSanitizer.sanitize(e.titleHtml(), base).strip();
            boolean marked =
                    safe.indexOf('<') >= 0 && !HtmlText.toPlainText(safe).isBlank();
            titleHtml = marked && safe.length() <= EntryLimits.MAX_TITLE_HTML ? safe : null;
        }
        String authorUri = e.authors().stream()
                .filter(p -> p.name() != null && !p.name().isBlank())
                .findFirst()
                .map(p -> safeLink(p.uri()))
                .orElse(null);
        String viaTitle = null;
        String viaLink = null;
        String viaFeedUrl = null;
        String viaId = null;
        EntrySource source = e.source();
        if (source != null) {
            viaLink = safeLink(source.link());
            viaFeedUrl = safeLink(source.feedUrl());
            boolean itself = viaFeedUrl != null && sameUrl(viaFeedUrl, feedBase)
                    || viaFeedUrl == null && viaLink != null && sameUrl(viaLink, feedSite);
            if (itself) {
                viaLink = null;
                viaFeedUrl = null;
            } else {
                viaTitle = source.title() == null
                        ? null
                        : EntryLimits.clip(HtmlText.toPlainText(source.title()), EntryLimits.MAX_FEED_TITLE);
                viaTitle = viaTitle == null || viaTitle.isBlank() ? null : viaTitle;
                viaId = EntryLimits.whole(source.id(), EntryLimits.MAX_URL);
                if (viaTitle == null && viaLink == null && viaFeedUrl == null) {
                    viaId = null;
                }
            }
        }
        Integer count = e.commentCount();
        EntryDetails d = new EntryDetails(
                titleHtml,
                authorUri,
                safeLink(e.commentsUrl()),
                safeLink(e.commentsFeedUrl()),
                count,
                viaTitle,
                viaLink,
                viaFeedUrl,
                viaId);
        return d.equals(EntryDetails.NONE) ? EntryDetails.NONE : d;
    }

    private static boolean playable(Enclosure enclosure) {
        String t = enclosure.type() == null ? "" : enclosure.type().strip().toLowerCase(Locale.ROOT);
        return (t.startsWith("audio/") || t.startsWith("video/")) && safeLink(enclosure.url()) != null;
    }

    private static boolean sameUrl(String a, String b) {
        return b != null && strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String url) {
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /**
     * Only http(s) links of at most {@link EntryLimits#MAX_URL} characters are kept for permalinks, enclosures and
     * images; anything else could run script.
     */
    static String safeLink(String url) {
        return EntryLimits.webUrl(url);
    }

    /** A feed-supplied value as one short log line: controls (a forged line break) shown as '?', 200 characters. */
    static String forLog(String value) {
        StringBuilder b = new StringBuilder(Math.min(value.length(), 201));
        for (int i = 0; i < value.length() && b.length() < 200; i++) {
            char c = value.charAt(i);
            b.append(c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        return value.length() > 200 ? b.append('…').toString() : b.toString();
    }

    private FeedStatus failure(
            Feed feed, Instant started, int status, RefreshFailure kind, String message, FetchResult r) {
        int errors = feed.errorCount() + 1;
        Instant next = started.plus(
                r != null && r.outcome() == FetchResult.Outcome.RETRY_LATER
                        ? schedule.afterRetryLater(r.retryAfter(), errors)
                        : schedule.afterError(errors));
        return new FeedStatus(started, next, status, false, kind, message, false, null, null, null, null);
    }

    private void safeRecord(Feed feed, FeedStatus status) {
        try {
            subscriptions.recordStatus(feed.id(), status);
        } catch (RuntimeException e) {
            LOG.error("cannot record the status of {}", feed.url(), e);
        }
    }

    private Instant next(Feed feed, Duration ttl, FetchResult r, Instant started) {
        return started.plus(pushes.pollInterval(
                feed.id(),
                schedule.afterSuccess(
                        entries.recentEntryTimes(feed.id(), FetchSchedule.RECENT_ENTRIES), ttl, r.freshFor())));
    }
}
