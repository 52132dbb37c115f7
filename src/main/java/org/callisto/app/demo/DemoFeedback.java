package org.callisto.app.demo;

import java.util.List;
import org.callisto.show.Curation;
import org.callisto.show.Episode;
import org.callisto.show.Feedback;
import org.callisto.show.FeedbackStatus;
import org.callisto.show.ListenerFeedback;
import org.callisto.show.NoteStore.StoredSection;
import org.callisto.show.Section;
import org.callisto.show.ShowStores;
import org.callisto.show.SourceKind;

/**
 * The demo's listener feedback, made through the same services as the site's form and editor pages
 * ({@link ListenerFeedback}, {@link Curation}): two messages in the editors' feedback queue, the first of them
 * curated into the Feedback/Questions section of the latest demo episode (so that episode shows "listener
 * feedback" and the queue shows which episode used it). Run after {@link DemoShow#create}, which rewrites the
 * episodes' notes; the messages are made once, the curated item is added again on each run.
 */
public final class DemoFeedback {
    /** The subjects of the two demo messages. */
    public static final List<String> SUBJECTS =
            List.of("How many snapshots are too many?", "A request: an episode on pf tables");

    private DemoFeedback() {}

    /**
     * Creates the demo messages when missing and curates the first into {@code episode}'s Feedback/Questions.
     *
     * @return the two messages, in order
     */
    public static List<Feedback> create(
            ListenerFeedback feedback, ShowStores show, Curation curation, Episode episode) {
        List<Feedback> existing = feedback.store().withStatus(FeedbackStatus.NEW, ListenerFeedback.LIST_LIMIT);
        Feedback question = find(existing, SUBJECTS.get(0));
        if (question == null) {
            question = feedback.send(
                    "Priya",
                    "priya@listener.example",
                    SUBJECTS.get(0),
                    "I keep hourly ZFS snapshots of every dataset and have about 4,000 now.\n\n"
                            + "Is that a problem for pool performance, or only for listing them?",
                    "127.0.0.1");
        }
        Feedback request = find(existing, SUBJECTS.get(1));
        if (request == null) {
            request = feedback.send(
                    null,
                    null,
                    SUBJECTS.get(1),
                    "Kai's twelve-line pf.conf in the journal was great. Could you talk about tables for blocklists"
                            + " on a future show?",
                    "127.0.0.1");
        }
        StoredSection section = show.notes().storedNotes(episode.id()).stream()
                .filter(s -> s.heading().equals(Section.DEFAULT_HEADINGS.getLast()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "demo: episode " + episode.number() + " has no Feedback/Questions section"));
        long questionId = question.id();
        if (section.items().stream()
                .noneMatch(i ->
                        i.item().sourceKind() == SourceKind.FEEDBACK && i.item().sourceId() == questionId)) {
            curation.add(episode, section.id(), SourceKind.FEEDBACK, questionId);
        }
        return List.of(feedback.store().feedback(question.id()).orElseThrow(), request);
    }

    private static Feedback find(List<Feedback> list, String subject) {
        return list.stream()
                .filter(f -> f.subject().equals(subject))
                .findFirst()
                .orElse(null);
    }
}
