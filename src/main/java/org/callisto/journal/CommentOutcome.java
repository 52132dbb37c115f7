package org.callisto.journal;

/** What became of a comment as written: stored, or refused for problems in its HTML. Immutable. */
public sealed interface CommentOutcome {

    /** The comment was stored (or changed). */
    record Stored(Comment comment) implements CommentOutcome {}

    /** Nothing was stored: the HTML has problems, listed with line:column in the rendering. */
    record Invalid(Rendering rendering) implements CommentOutcome {}
}
