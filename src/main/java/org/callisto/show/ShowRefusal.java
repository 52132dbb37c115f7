package org.callisto.show;

/**
 * An editor's change to an episode was refused for a reason they can act on: an empty title, a link that is not
 * http or https, a number already taken, a section that is no longer there. The message names the input and says
 * what to do, and is written to be shown as it is. Immutable.
 */
public final class ShowRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ShowRefusal(String message) {
        super(message, null, false, false);
    }
}
