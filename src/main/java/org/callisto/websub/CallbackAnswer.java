package org.callisto.websub;

/**
 * What the web layer answers a hub or a subscriber: a status and a plain-text body. Immutable.
 *
 * @param status the HTTP status
 * @param body   the body, plain text: the echoed challenge of a verification, else a sentence saying what happened
 */
public record CallbackAnswer(int status, String body) {}
