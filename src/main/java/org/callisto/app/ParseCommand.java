package org.callisto.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.callisto.config.Config;
import org.callisto.planet.fetch.FeedFetcher;
import org.callisto.planet.fetch.FetchRequest;
import org.callisto.planet.fetch.FetchResult;
import org.callisto.planet.parse.FeedParseException;
import org.callisto.planet.parse.FeedParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code callisto parse FILE_OR_URL...}: parses feeds from files, http(s) URLs or standard input ({@code -}) and
 * prints one JSON object per input and line, naming the input. An input that cannot be read or is not a feed prints
 * {@code {"input":..., "error":...}}; the command goes on with the next one and exits 1 at the end if any failed.
 *
 * <p>URLs are fetched by the planet's own {@link FeedFetcher}, with the same guards, limits, timeouts and
 * configuration keys ({@code fetch.*}): internal addresses are refused unless allowed, redirects are checked hop by
 * hop, bodies are cut at {@code fetch.max_body} and slow servers time out. Files and standard input are read up to
 * {@code fetch.max_body} too, so no input can make the command hold more than that.
 *
 * <p>Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = "Parse feeds (RSS, Atom, JSON Feed) and print each as one line of JSON. URLs are fetched as the"
                + " planet fetches feeds (fetch.* settings); inputs larger than fetch.max_body are refused.")
public final class ParseCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What raises the size limit on inputs, for messages. */
    private static final String RAISE_LIMIT = "fetch.max_body (in callisto.conf, or CALLISTO_FETCH_MAX_BODY)";

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(
            paramLabel = "FILE_OR_URL",
            arity = "1..*",
            description = "Feed files, http(s) URLs, or - for standard input.")
    List<String> inputs;

    @Option(
            names = "--raw",
            description = "Print HTML as the feed has it, instead of sanitized as the planet stores it.")
    boolean raw;

    @Option(
            names = "--content-type",
            paramLabel = "TYPE",
            description = "Read files and standard input as if served with this HTTP Content-Type, e.g."
                    + " 'text/xml; charset=iso-8859-1' (its charset and RFC 3023's rules choose the encoding)."
                    + " URLs use the header their server sends.")
    String contentType;

    private final FeedParser parser = new FeedParser();

    /** What an input gave: the bytes to parse, with what the server said about them when it was fetched. */
    private record Source(byte[] body, String contentType, String contentLocation, String baseUrl) {}

    @Override
    public Integer call() {
        Config config = options.config();
        PrintWriter out = spec.commandLine().getOut();
        boolean failed = false;
        FeedFetcher fetcher = null;
        try {
            for (String input : inputs) {
                ObjectNode line = JSON.createObjectNode().put("input", input);
                try {
                    Source source;
                    if (isUrl(input)) {
                        if (fetcher == null) {
                            fetcher = Callisto.standaloneFetcher(config);
                        }
                        source = fetch(fetcher, input);
                    } else {
                        long limit = config.fetch().maxBodyBytes();
                        source = new Source(InputFiles.read(input, limit, RAISE_LIMIT), contentType, null, null);
                    }
                    FeedFieldsJson.write(
                            line,
                            parser.parseWithFields(
                                    source.body(), source.contentType(), source.contentLocation(), source.baseUrl()),
                            raw);
                } catch (FeedParseException e) {
                    failed = true;
                    line.put("error", e.getMessage());
                } catch (InputFiles.Unreadable e) {
                    failed = true;
                    line.put("error", e.getMessage());
                } catch (StackOverflowError e) {
                    failed = true;
                    line.put("error", input + " is nested too deeply to be parsed");
                }
                out.println(line.toString());
                out.flush();
            }
        } finally {
            if (fetcher != null) {
                fetcher.close();
            }
        }
        return failed ? 1 : 0;
    }

    private static boolean isUrl(String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** Fetches a URL as the planet would; any failure becomes the fetcher's own message. */
    private static Source fetch(FeedFetcher fetcher, String input) throws InputFiles.Unreadable {
        URI url;
        try {
            url = new URI(input);
        } catch (URISyntaxException e) {
            throw new InputFiles.Unreadable(
                    "'" + input + "' is not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        FetchResult result = fetcher.fetch(new FetchRequest(url, null, null));
        if (result.outcome() != FetchResult.Outcome.OK) {
            String message = result.message() != null
                    ? result.message()
                    : "fetching " + input + " gave HTTP status " + result.status() + " and no feed";
            throw new InputFiles.Unreadable(message);
        }
        return new Source(
                result.body(),
                result.contentType(),
                result.contentLocation(),
                result.finalUrl() == null ? input : result.finalUrl().toString());
    }
}
