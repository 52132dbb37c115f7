package org.callisto.app;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Optional;
import org.callisto.account.Role;
import org.callisto.account.User;
import org.callisto.show.Episode;
import org.callisto.show.EpisodePublishing;
import org.callisto.show.ShowRefusal;

/**
 * Gives the episodes an import command made or found their discussion in the journal, as publishing in the browser
 * does ({@link EpisodePublishing#openDiscussion(User, Episode)}: once per episode, however often it is imported). The
 * stories are by the account named with {@code --discussions-by}, else by the journal's first administrator; with
 * none yet, nothing is opened and the command says how to open them later. Stateless; not thread-safe in that it
 * prints to one writer.
 */
final class ImportDiscussions {
    private ImportDiscussions() {}

    /**
     * Who opens the discussions: the editor or administrator named on the command line ({@code by}), else the first
     * administrator, else nobody (empty). Asked before importing, so that a wrong name changes nothing.
     *
     * @throws CommandFailure when {@code by} names no account, or one that may not open discussions
     */
    static Optional<User> author(Callisto callisto, String by) {
        return by != null ? Optional.of(named(callisto, by)) : firstAdministrator(callisto);
    }

    /** Opens the discussions of episodes {@code numbers} by {@code author} and prints how many were opened. */
    static void open(Callisto callisto, Optional<User> author, Collection<Integer> numbers, PrintWriter out) {
        if (numbers.isEmpty()) {
            return;
        }
        if (author.isEmpty()) {
            out.println("Discussions: none opened, as the journal has no administrator yet; create one with"
                    + " 'callisto admin create' and import again (nothing else changes), or name an editor with"
                    + " --discussions-by");
            out.flush();
            return;
        }
        EpisodePublishing publishing = callisto.publishing().episodes();
        int opened = 0;
        int open = 0;
        for (int number : numbers) {
            Optional<Episode> episode = callisto.show().episodes().episode(number);
            if (episode.isEmpty()) {
                continue;
            }
            try {
                switch (publishing.openDiscussion(author.get(), episode.get())) {
                    case OPENED -> opened++;
                    case ALREADY_OPEN, BEING_OPENED -> open++;
                }
            } catch (ShowRefusal e) {
                out.println("  episode " + number + ": no discussion opened (" + e.getMessage()
                        + "); importing again tries again");
            }
        }
        out.println("Discussions: " + opened + " opened by " + author.get().username() + ", " + open + " open already");
        out.flush();
    }

    private static User named(Callisto callisto, String name) {
        User user = callisto.accounts()
                .store()
                .userByName(name)
                .orElseThrow(() -> new CommandFailure("--discussions-by " + name + ": there is no account of that"
                        + " name; give an editor's or administrator's name, or leave the option out for the first"
                        + " administrator"));
        if (user.banned() || !user.role().atLeast(Role.EDITOR)) {
            throw new CommandFailure("--discussions-by " + name + ": " + user.username() + " is not an editor or"
                    + " administrator; give one who is (administrators change roles at /admin/accounts)");
        }
        return user;
    }

    private static Optional<User> firstAdministrator(Callisto callisto) {
        return callisto.accounts().store().users().stream()
                .filter(u -> u.role() == Role.ADMIN && !u.banned())
                .findFirst();
    }
}
