package org.callisto.journal;

import java.util.Optional;

/** What {@link Submissions#submit} did: stored the story, or found problems in its HTML. */
public sealed interface SubmitOutcome {
    /**
     * The story waits in the editor queue.
     *
     * @param story       the stored story
     * @param duplicateOf an earlier story (pending or published) about the same link, if any
     */
    record Stored(Story story, Optional<Story> duplicateOf) implements SubmitOutcome {}

    /** Nothing was stored: the preview says what to fix. */
    record Invalid(Preview preview) implements SubmitOutcome {}
}
