package org.callisto.journal;

/** Why a member flags a story or comment; {@link #key()} is what forms send and the database stores. */
public enum FlagReason {
    OFF_TOPIC("off-topic", "Off-topic"),
    SPAM("spam", "Spam"),
    TROLL("troll", "Troll"),
    ALREADY_POSTED("already-posted", "Already posted");

    private final String key;
    private final String label;

    FlagReason(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /**
     * The reason named {@code key}.
     *
     * @throws JournalRefusal naming the key and the choices when it is none of them
     */
    public static FlagReason of(String key) {
        for (FlagReason r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        String shown = key == null ? "" : key.length() > 40 ? key.substring(0, 40) + "…" : key;
        throw new JournalRefusal(
                "'" + shown + "' is not a reason to flag; choose off-topic, spam, troll or" + " already-posted");
    }
}
