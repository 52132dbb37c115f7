package org.callisto.web.view;

import java.util.List;

/**
 * The upvote and flag forms of one story or comment for a logged-in member who did not write it. Immutable.
 *
 * @param csrf       the token of the {@code vote} form
 * @param voteUrl    where the upvote form posts
 * @param flagUrl    where the flag form posts
 * @param back       the page to come back to after voting
 * @param voted      whether the member's vote is there (the button then takes it back)
 * @param flagged    whether the member flagged it already (the flag form is then left out)
 * @param label      what is voted on, for the buttons' accessible names ("story 12", "comment 40")
 * @param reasons    the flag reasons, as key and label
 */
public record VoteForm(
        String csrf,
        String voteUrl,
        String flagUrl,
        String back,
        boolean voted,
        boolean flagged,
        String label,
        List<Reason> reasons) {

    public VoteForm {
        reasons = List.copyOf(reasons);
    }

    /** A flag reason as the form offers it. */
    public record Reason(String key, String label) {}

    /** An identifier for the form's fields, unique on the page. */
    public String id() {
        return label.replace(' ', '-');
    }
}
