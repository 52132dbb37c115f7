package org.callisto.show;

import java.util.Locale;

/** Where a feedback message stands in the editors' queue: new (open), answered or archived. */
public enum FeedbackStatus {
    NEW,
    ANSWERED,
    ARCHIVED;

    /** The value as stored: {@code new}, {@code answered}, {@code archived}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status stored as {@code value}. */
    public static FeedbackStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
