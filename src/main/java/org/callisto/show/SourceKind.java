package org.callisto.show;

import java.util.Locale;

/** Where a show-notes item was curated from: a planet entry, a journal story or a listener's feedback. */
public enum SourceKind {
    PLANET,
    JOURNAL,
    FEEDBACK;

    /** The value as stored: {@code planet}, {@code journal}, {@code feedback}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code value}, or null for null. */
    public static SourceKind of(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
