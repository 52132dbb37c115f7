package org.callisto.journal;

/** What members vote for and flag: a story or a comment; {@link #key()} is what the database stores. */
public enum Target {
    STORY("story"),
    COMMENT("comment");

    private final String key;

    Target(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /**
     * The target named {@code key}.
     *
     * @throws JournalRefusal naming the key when it is neither {@code story} nor {@code comment}
     */
    public static Target of(String key) {
        for (Target t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        throw new JournalRefusal("'" + (key == null ? "" : key.length() > 20 ? key.substring(0, 20) + "…" : key)
                + "' is not something to vote for or flag; use story or comment");
    }
}
