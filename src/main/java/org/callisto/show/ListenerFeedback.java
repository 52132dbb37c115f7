package org.callisto.show;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.callisto.account.AccountRefusal;
import org.callisto.account.RateDecision;
import org.callisto.account.RateLimiter;
import org.callisto.account.RateRule;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.journal.JournalRefusal;

/**
 * The rules of listener feedback: what the public form at {@code /feedback} accepts, how often one address may
 * send, and the editors' decisions (answered, archived, open again).
 *
 * <p>Anyone may write, logged in or not. Name and email are optional; an email, when given, must look like one.
 * Each field has a length limit, and control characters are dropped (PostgreSQL cannot store NUL). Only stored
 * messages count towards {@link #RATE} per address, so a message sent back for a fix costs nothing.
 *
 * <p>Thread-safe: the store and the rate limiter are.
 */
public final class ListenerFeedback {
    /** Longest name. */
    public static final int MAX_NAME = 100;
    /** Longest email address (RFC 5321's path limit). */
    public static final int MAX_EMAIL = 254;
    /** Longest subject. */
    public static final int MAX_SUBJECT = 200;
    /** Longest message. */
    public static final int MAX_MESSAGE = 10_000;
    /** Messages one address may send: 5 an hour. */
    public static final RateRule RATE = new RateRule("feedback messages from your address", 5, Duration.ofHours(1));
    /** Most messages listed or found at once. */
    public static final int LIST_LIMIT = 200;

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$&'*+/=?^_~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*"
            + "[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private final FeedbackStore store;
    private final RateLimiter limiter;
    private final Clock clock;

    /** Feedback limited per address in this process only. */
    public ListenerFeedback(FeedbackStore store, Clock clock) {
        this(store, new RateLimiter(clock), clock);
    }

    /** Feedback limited per address by {@code limiter} (shared by the nodes on one database for a site). */
    public ListenerFeedback(FeedbackStore store, RateLimiter limiter, Clock clock) {
        this.store = store;
        this.limiter = limiter;
        this.clock = clock;
    }

    public FeedbackStore store() {
        return store;
    }

    /**
     * Checks and stores a message.
     *
     * @param address the sender's network address, for the rate limit; may be null
     * @throws JournalRefusal when a field is missing, too long or not an email address
     * @throws AccountRefusal saying how long to wait when the address sent too many lately
     */
    public Feedback send(String name, String email, String subject, String message, String address) {
        String n = oneLine(name, "name", MAX_NAME, false);
        String e = oneLine(email, "email address", MAX_EMAIL, false);
        if (e != null && !EMAIL.matcher(e).matches()) {
            throw new JournalRefusal("the email address '" + shorten(e) + "' does not look like one (name@example.org);"
                    + " correct it or leave the field empty");
        }
        String s = oneLine(subject, "subject", MAX_SUBJECT, true);
        String m = clean(message == null ? "" : message.replace("\r\n", "\n").replace('\r', '\n'))
                .strip();
        if (m.isEmpty()) {
            throw new JournalRefusal("the message is empty; write what you would like to tell or ask the show");
        }
        if (m.length() > MAX_MESSAGE) {
            throw new JournalRefusal("the message has " + m.length() + " characters, more than the " + MAX_MESSAGE
                    + " allowed; shorten it");
        }
        String key = "feedback:addr:" + (address == null || address.isBlank() ? "unknown" : shortKey(address.strip()));
        if (limiter.acquire(key, RATE) instanceof RateDecision.RateLimited limited) {
            throw limited.refusal();
        }
        return store.insert(n, e, s, m, clock.instant());
    }

    /** Open messages, oldest first. */
    public List<Feedback> open(Session editor) {
        requireEditor(editor);
        return store.withStatus(FeedbackStatus.NEW, LIST_LIMIT);
    }

    /** Answered and archived messages, latest decision first. */
    public List<Feedback> decided(Session editor) {
        requireEditor(editor);
        return store.decided(LIST_LIMIT);
    }

    /**
     * Marks a message answered, archived, or open again ({@link FeedbackStatus#NEW}).
     *
     * @throws JournalRefusal when the session is not an editor's or there is no such message
     */
    public void decide(Session editor, long id, FeedbackStatus status) {
        requireEditor(editor);
        if (!store.setStatus(id, status, clock.instant())) {
            throw new JournalRefusal("there is no feedback message " + id + "; reload the feedback queue");
        }
    }

    private static void requireEditor(Session session) {
        if (session == null || !session.user().role().atLeast(Role.EDITOR)) {
            throw new JournalRefusal("only editors and administrators can read listener feedback");
        }
    }

    /** A one-line field: control characters dropped, whitespace runs made one space; null when empty. */
    private static String oneLine(String value, String field, int max, boolean required) {
        String v = value == null ? "" : clean(value).replaceAll("\\s+", " ").strip();
        if (v.isEmpty()) {
            if (required) {
                throw new JournalRefusal("the " + field + " is empty; give one in a few words");
            }
            return null;
        }
        if (v.length() > max) {
            throw new JournalRefusal("the " + field + " has " + v.length() + " characters, more than the " + max
                    + " allowed; shorten it");
        }
        return v;
    }

    /** {@code text} without control characters other than line ends and tabs, and without broken surrogates. */
    static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> cp == '\n'
                        || cp == '\t'
                        || !Character.isISOControl(cp)
                                && Character.getType(cp) != Character.SURROGATE
                                && cp != 0xFFFE
                                && cp != 0xFFFF)
                .forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static String shortKey(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
