package org.callisto.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.callisto.planet.parse.Enclosure;
import org.callisto.planet.parse.FeedParseException;
import org.callisto.planet.parse.FeedParser;
import org.callisto.planet.parse.ParsedEntry;
import org.callisto.planet.parse.ParsedFeed;
import org.callisto.planet.parse.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code callisto parse FILE_OR_URL...}: parses feeds from files, http(s) URLs or standard input ({@code -}) and
 * prints one JSON object per input and line, naming the input. An input that cannot be read or is not a feed prints
 * {@code {"input":..., "error":...}}; the command goes on with the next one and exits 1 at the end if any failed.
 */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = "Parse feeds (RSS, Atom, JSON Feed) and print each as one line of JSON.")
public final class ParseCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "FILE_OR_URL",
            arity = "1..*",
            description = "Feed files, http(s) URLs, or - for standard input.")
    List<String> inputs;

    private final FeedParser parser = new FeedParser();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean failed = false;
        HttpClient http = null;
        for (String input : inputs) {
            ObjectNode line = JSON.createObjectNode().put("input", input);
            try {
                byte[] body;
                String contentType = null;
                String baseUrl = null;
                if (input.equals("-")) {
                    body = System.in.readAllBytes();
                } else if (input.startsWith("http://") || input.startsWith("https://")) {
                    if (http == null) {
                        http = HttpClient.newBuilder()
                                .followRedirects(HttpClient.Redirect.NORMAL)
                                .connectTimeout(TIMEOUT)
                                .build();
                    }
                    HttpResponse<byte[]> response = http.send(
                            HttpRequest.newBuilder(URI.create(input))
                                    .timeout(TIMEOUT)
                                    .header("User-Agent", "Callisto feed parser")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() / 100 != 2) {
                        throw new IOException("HTTP status " + response.statusCode() + " from " + input);
                    }
                    body = response.body();
                    contentType = response.headers().firstValue("Content-Type").orElse(null);
                    baseUrl = response.uri().toString();
                } else {
                    Path path = Path.of(input);
                    body = Files.readAllBytes(path);
                    baseUrl = null;
                }
                ParsedFeed feed = parser.parse(body, contentType, baseUrl);
                write(line, feed);
            } catch (FeedParseException e) {
                failed = true;
                line.put("error", e.getMessage());
            } catch (IOException | IllegalArgumentException e) {
                failed = true;
                line.put("error", "cannot read " + input + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = true;
                line.put("error", "interrupted while fetching " + input);
            }
            out.println(line.toString());
            out.flush();
        }
        return failed ? 1 : 0;
    }

    private static void write(ObjectNode line, ParsedFeed feed) {
        line.put("format", feed.format()).put("encoding", feed.encoding()).put("illFormed", feed.illFormed());
        ArrayNode problems = line.putArray("problems");
        feed.problems().forEach(p -> problems.add(p.toString()));
        ObjectNode f = line.putObject("feed");
        putIfPresent(f, "title", feed.title());
        putIfPresent(f, "link", feed.link());
        putIfPresent(f, "feedUrl", feed.feedUrl());
        putIfPresent(f, "description", feed.description());
        putIfPresent(f, "language", feed.language());
        putIfPresent(f, "imageUrl", feed.imageUrl());
        people(f, feed.authors());
        strings(f, "categories", feed.categories());
        putIfPresent(f, "updated", feed.updated());
        if (feed.ttlMinutes() != null) {
            f.put("ttlMinutes", feed.ttlMinutes());
        }
        putIfPresent(f, "generator", feed.generator());
        putIfPresent(f, "copyright", feed.copyright());
        ArrayNode entries = line.putArray("entries");
        for (ParsedEntry e : feed.entries()) {
            ObjectNode o = entries.addObject();
            putIfPresent(o, "id", e.id());
            putIfPresent(o, "link", e.link());
            putIfPresent(o, "title", e.title());
            putIfPresent(o, "summary", e.summary());
            putIfPresent(o, "content", e.content());
            putIfPresent(o, "baseUrl", e.baseUrl());
            people(o, e.authors());
            strings(o, "categories", e.categories());
            putIfPresent(o, "published", e.published());
            putIfPresent(o, "updated", e.updated());
            if (!e.enclosures().isEmpty()) {
                ArrayNode enc = o.putArray("enclosures");
                for (Enclosure x : e.enclosures()) {
                    ObjectNode eo = enc.addObject().put("url", x.url());
                    putIfPresent(eo, "type", x.type());
                    if (x.length() >= 0) {
                        eo.put("length", x.length());
                    }
                }
            }
            putIfPresent(o, "imageUrl", e.imageUrl());
            putIfPresent(o, "commentsUrl", e.commentsUrl());
        }
    }

    private static void people(ObjectNode into, List<Person> people) {
        if (!people.isEmpty()) {
            ArrayNode a = into.putArray("authors");
            for (Person p : people) {
                ObjectNode o = a.addObject();
                putIfPresent(o, "name", p.name());
                putIfPresent(o, "email", p.email());
                putIfPresent(o, "uri", p.uri());
            }
        }
    }

    private static void strings(ObjectNode into, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = into.putArray(field);
            values.forEach(a::add);
        }
    }

    private static void putIfPresent(ObjectNode o, String field, Object value) {
        if (value instanceof Instant i) {
            o.put(field, i.toString());
        } else if (value != null) {
            o.put(field, value.toString());
        }
    }
}
