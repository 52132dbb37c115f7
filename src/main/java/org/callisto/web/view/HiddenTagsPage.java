package org.callisto.web.view;

import java.util.List;

/**
 * A member's setting: the tags whose stories the journal's front page leaves out for them. Immutable.
 *
 * @param csrf    the form's token
 * @param message why the last change was refused, or null
 * @param typed   the field's text
 * @param hidden  the tags hidden now
 * @param max     the most tags one may hide
 */
public record HiddenTagsPage(PageMeta meta, String csrf, String message, String typed, List<String> hidden, int max) {
    public HiddenTagsPage {
        hidden = List.copyOf(hidden);
    }
}
