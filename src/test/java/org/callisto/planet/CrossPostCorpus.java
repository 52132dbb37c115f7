package org.callisto.planet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A labelled set of cross-posts for measuring duplicate recognition: the BSD Now listener feedback of the shared
 * corpora (many short posts on one topic, a natural set of hard negatives) as originals, each re-published by other
 * feeds in the forms the planet meets: tracking parameters on the link, another host with the same text, trimmed
 * text, a planet of planets keeping an Atom {@code source}, a FeedBurner copy whose guid is the permalink. Half of the
 * originals share a template footer, and half number their entries with per-feed counters. Each item's label is its
 * original's number.
 */
final class CrossPostCorpus {
    static final Path FEEDBACK = Path.of("../shared/corpora/bsdnow/episodes");

    /** One entry to store and the original it is a copy of. */
    record Item(String feed, int label, EntryRow row) {}

    private static final String FOOTER = "<p>You are receiving this because you subscribed to our newsletter about"
            + " the BSD family of operating systems. To stop receiving these posts, follow the unsubscribe link in"
            + " your account settings. All content is copyright by its authors and shared under the terms of the"
            + " community licence. Thanks for reading and see you next week on the show.</p>";

    static List<String> originals() {
        if (!Files.isDirectory(FEEDBACK)) {
            throw new IllegalStateException("the shared corpus " + FEEDBACK.toAbsolutePath()
                    + " is missing; the labelled set is built from it (see /work/shared/corpora/README.md)");
        }
        try (Stream<Path> files = Files.walk(FEEDBACK)) {
            List<String> out = new ArrayList<>();
            for (Path p : files.filter(f ->
                            f.toString().contains("/feedback/") && f.toString().endsWith(".md"))
                    .sorted()
                    .toList()) {
                String text = Files.readString(p).strip();
                if (!text.isEmpty()) {
                    out.add(text);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String html(String text) {
        StringBuilder b = new StringBuilder();
        for (String para : text.split("\\n\\s*\\n")) {
            b.append("<p>")
                    .append(para.replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</p>");
        }
        return b.toString();
    }

    static List<Item> build(Instant start) {
        List<String> texts = originals();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            int k = i % 5;
            String origFeed = "https://blog" + k + ".example.org/feed";
            String link = "https://blog" + k + ".example.org/posts/" + i + "/";
            String guid = i % 2 == 0 ? link : String.valueOf(i); // half use per-feed counters
            String body = html(text) + (i % 2 == 1 ? FOOTER : "");
            Instant t = start.plusSeconds(3600L * i);
            items.add(new Item(origFeed, i, row(guid, link, "Feedback " + i, body, t, null)));
            switch (i % 6) {
                case 0 ->
                    items.add(new Item(
                            "https://aggregator.example.com/feed",
                            i,
                            row(
                                    "agg-" + i,
                                    "HTTPS://BLOG" + k + ".Example.org:443/posts/" + i
                                            + "?utm_source=rss&utm_medium=feed&fbclid=x1&ref=home#comments",
                                    "Feedback " + i,
                                    body,
                                    t.plusSeconds(60),
                                    null)));
                case 1 ->
                    items.add(new Item(
                            "https://mirror.example.net/feed",
                            i,
                            row(
                                    "m" + i,
                                    "https://mirror.example.net/p/" + (9000 + i),
                                    "Re: Feedback " + i,
                                    body,
                                    t.plusSeconds(120),
                                    null)));
                case 2 ->
                    items.add(new Item(
                            "https://digest.example.com/feed",
                            i,
                            row(
                                    "d" + i,
                                    "https://digest.example.com/" + i,
                                    "Feedback " + i,
                                    trimmed(body),
                                    t.plusSeconds(180),
                                    null)));
                case 3 ->
                    items.add(new Item(
                            "https://planet.example.com/atom.xml",
                            i,
                            row(
                                    guid,
                                    "https://planet.example.com/go/" + i,
                                    "Feedback " + i,
                                    body,
                                    t.plusSeconds(240),
                                    origFeed)));
                case 4 ->
                    items.add(new Item(
                            "https://feeds.feedburner.com/blog" + k,
                            i,
                            row(
                                    link,
                                    "http://feeds.feedburner.com/~r/blog" + k + "/~3/x" + i + "/",
                                    "Feedback " + i,
                                    body,
                                    t.plusSeconds(300),
                                    null)));
                default -> {}
            }
        }
        return items;
    }

    /** The text without its last paragraph when it has several, as a digest shortens a post. */
    private static String trimmed(String body) {
        int last = body.lastIndexOf("<p>");
        return last > body.length() / 2 ? body.substring(0, last) : body;
    }

    private static EntryRow row(String guid, String link, String title, String html, Instant t, String sourceFeed) {
        EntryDetails d = sourceFeed == null
                ? EntryDetails.NONE
                : new EntryDetails(null, null, null, null, null, "A blog", null, sourceFeed, sourceFeed);
        return new EntryRow(
                guid,
                guid,
                link,
                title,
                "Ann",
                html,
                null,
                List.of(),
                null,
                null,
                -1,
                null,
                t,
                null,
                EntryIdentity.sha256(title, html),
                d,
                null);
    }
}
