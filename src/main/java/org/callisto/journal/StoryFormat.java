package org.callisto.journal;

import java.util.Locale;

/** How a member wrote a story's intro and body. */
public enum StoryFormat {
    /** An HTML fragment, validated and sanitized under {@link org.callisto.html.FragmentPolicy#submission()}. */
    HTML,
    /** Plain text: everything shows as typed; blank lines make paragraphs and addresses become links. */
    TEXT,
    /** CommonMark; raw HTML in it shows as typed. */
    MARKDOWN;

    /** The stored and submitted name: {@code html}, {@code text}, {@code markdown}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format of a stored or submitted name.
     *
     * @throws JournalRefusal naming the known formats when the value is none of them
     */
    public static StoryFormat of(String key) {
        if (key != null) {
            for (StoryFormat f : values()) {
                if (f.key().equalsIgnoreCase(key.strip())) {
                    return f;
                }
            }
        }
        throw new JournalRefusal("choose a format: html, text or markdown");
    }
}
