package org.callisto.web.view;

import java.util.List;
import org.callisto.journal.Flagged;

/**
 * The moderators' queue of flagged stories and comments. Immutable.
 *
 * @param threshold distinct members whose flags bring an item here
 */
public record FlagsPage(PageMeta meta, List<Flagged> flagged, int threshold) {
    public FlagsPage {
        flagged = List.copyOf(flagged);
    }
}
