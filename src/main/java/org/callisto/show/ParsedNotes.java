package org.callisto.show;

import java.util.List;

/**
 * One episode as read from a show-notes Markdown file: the episode, its notes and its guests. Immutable.
 *
 * @param episode  the episode to create or update
 * @param sections the show notes, in order
 * @param guests   the guests, in order
 */
public record ParsedNotes(EpisodeDraft episode, List<Section> sections, List<Guest> guests) {

    public ParsedNotes {
        sections = List.copyOf(sections);
        guests = List.copyOf(guests);
    }
}
