package org.callisto.journal;

/**
 * A submission or an editor's decision was refused for a reason the person can act on: a missing title, an
 * unknown topic, a story that is no longer waiting. The message is written to be shown as it is. Immutable.
 */
public final class JournalRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalRefusal(String message) {
        super(message, null, false, false);
    }
}
