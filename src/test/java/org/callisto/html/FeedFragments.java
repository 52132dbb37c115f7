package org.callisto.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Collects the HTML carried by feeds in a corpus folder: item descriptions, contents and summaries. */
final class FeedFragments {
    private static final Set<String> HTML_FIELDS = Set.of(
            "description",
            "content",
            "summary",
            "content:encoded",
            "subtitle",
            "tagline",
            "itunes:summary",
            "media:description");

    private FeedFragments() {}

    /** Every non-blank HTML field of every {@code .xml}, {@code .rss} or {@code .atom} file under {@code dir}. */
    static List<String> under(Path dir) {
        List<String> fragments = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(FeedFragments::isFeed).sorted().toList()) {
                fragments.addAll(in(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list feeds under " + dir, e);
        }
        return fragments;
    }

    private static boolean isFeed(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && (name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".atom"));
    }

    private static List<String> in(Path file) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Document doc = Jsoup.parse(in, null, "", Parser.xmlParser());
            for (Element e : doc.getAllElements()) {
                if (!HTML_FIELDS.contains(e.normalName())) {
                    continue;
                }
                String html = e.childrenSize() > 0 ? e.html() : e.wholeText();
                if (!html.isBlank()) {
                    out.add(html);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feed " + file, e);
        }
        return out;
    }
}
