package org.callisto.planet.parse.bench;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.callisto.planet.parse.FeedParser;
import org.callisto.planet.parse.ParsedFeed;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Feed parsing throughput: Callisto's {@code FeedParser} against ROME 2.1.0 and a bare StAX pass over the same bytes,
 * on (a) a mixed corpus (every RSS/Atom .xml file in gofeed's test data plus ROME's core samples, one op = parse all),
 * (b) a generated 5 MB RSS 1.0 feed and (c) a generated 5 MB RSS 2.0 feed with escaped HTML descriptions. Not a unit
 * test: run it with {@code bin/bench-parse}, which prints MB/s per parser and data set after JMH's own table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark {

    @Param({"mixed", "rss1-5mb", "rss2-5mb"})
    public String dataset;

    private List<byte[]> docs;
    private final FeedParser parser = new FeedParser();
    private XMLInputFactory stax;

    @Setup
    public void setup() {
        docs = load(dataset);
        stax = XMLInputFactory.newInstance();
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        for (String limit : List.of(
                "jdk.xml.totalEntitySizeLimit",
                "jdk.xml.maxGeneralEntitySizeLimit",
                "jdk.xml.entityExpansionLimit",
                "jdk.xml.maxElementDepth")) {
            try {
                stax.setProperty(limit, "0");
            } catch (IllegalArgumentException unsupported) {
                // older JDKs name these limits differently; the default limits then apply
            }
        }
    }

    @Benchmark
    public void callisto(Blackhole bh) {
        for (byte[] doc : docs) {
            try {
                ParsedFeed feed = parser.parse(doc, null, null);
                bh.consume(feed);
            } catch (Exception notAFeed) {
                bh.consume(notAFeed);
            }
        }
    }

    @Benchmark
    public void rome(Blackhole bh) {
        for (byte[] doc : docs) {
            try {
                SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(doc)));
                bh.consume(feed);
            } catch (Exception illFormed) {
                bh.consume(illFormed);
            }
        }
    }

    @Benchmark
    public void staxEventsOnly(Blackhole bh) {
        for (byte[] doc : docs) {
            try {
                XMLStreamReader r = stax.createXMLStreamReader(new ByteArrayInputStream(doc));
                int events = 0;
                while (r.hasNext()) {
                    events += r.next();
                }
                r.close();
                bh.consume(events);
            } catch (Exception illFormed) {
                bh.consume(illFormed);
            }
        }
    }

    // ---------------------------------------------------------------- data

    static List<byte[]> load(String dataset) {
        return switch (dataset) {
            case "mixed" -> mixedCorpus();
            case "rss1-5mb" -> List.of(generateRss1(5_000_000));
            case "rss2-5mb" -> List.of(generateRss2(5_000_000));
            default -> throw new IllegalArgumentException("unknown data set " + dataset);
        };
    }

    static Path corpora() {
        String prop = System.getProperty("callisto.corpora");
        Path p = prop != null ? Paths.get(prop) : Paths.get("../shared/corpora");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("corpora not found at " + p.toAbsolutePath()
                    + "; run from the project root or set -Dcallisto.corpora");
        }
        return p;
    }

    static List<byte[]> mixedCorpus() {
        List<byte[]> out = new ArrayList<>();
        Path root = corpora();
        try (Stream<Path> s = Files.walk(root.resolve("gofeed/testdata"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                out.add(Files.readAllBytes(f));
            }
            for (String core : List.of(
                    "rss_0.9",
                    "rss_0.91N",
                    "rss_0.91U",
                    "rss_0.92",
                    "rss_0.93",
                    "rss_0.94",
                    "rss_1.0",
                    "rss_2.0",
                    "atom_0.3",
                    "atom_1.0")) {
                out.add(Files.readAllBytes(root.resolve("rome/rome/src/test/resources/" + core + ".xml")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static final String[] WORDS = {
        "feed",
        "planet",
        "journal",
        "release",
        "kernel",
        "compiler",
        "update",
        "security",
        "community",
        "podcast",
        "episode",
        "patch",
        "review",
        "design",
        "thread",
        "merge",
        "café",
        "naïve",
        "Jürgen",
        "über",
        "€",
        "—"
    };

    private static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    /** A deterministic RSS 1.0 (RDF) feed of about {@code size} bytes with Dublin Core and content:encoded. */
    static byte[] generateRss1(int size) {
        Random r = new Random(1);
        StringBuilder sb = new StringBuilder(size + 4096);
        sb.append(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                        + " xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                        + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
                        + "<channel rdf:about=\"https://example.org/\"><title>Generated RDF</title>"
                        + "<link>https://example.org/</link><description>A generated RSS 1.0 feed</description></channel>\n");
        for (int i = 0; sb.length() < size; i++) {
            sb.append("<item rdf:about=\"https://example.org/item/")
                    .append(i)
                    .append("\">\n<title>")
                    .append(words(r, 8))
                    .append("</title>\n<link>https://example.org/item/")
                    .append(i)
                    .append("</link>\n<description>")
                    .append(words(r, 60))
                    .append("</description>\n<dc:creator>")
                    .append(words(r, 2))
                    .append("</dc:creator>\n<dc:date>2024-0")
                    .append(1 + i % 9)
                    .append("-1")
                    .append(i % 10)
                    .append("T12:")
                    .append(10 + i % 50)
                    .append(":00Z</dc:date>\n<dc:subject>")
                    .append(words(r, 1))
                    .append("</dc:subject>\n<content:encoded><![CDATA[<p>")
                    .append(words(r, 80))
                    .append("</p><p><a href=\"/x/")
                    .append(i)
                    .append("\">more</a></p>]]></content:encoded>\n</item>\n");
        }
        sb.append("</rdf:RDF>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A deterministic RSS 2.0 feed of about {@code size} bytes whose descriptions are escaped HTML. */
    static byte[] generateRss2(int size) {
        Random r = new Random(2);
        StringBuilder sb = new StringBuilder(size + 4096);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                + " xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + "<channel><title>Generated RSS</title><link>https://example.org/</link>"
                + "<description>A generated RSS 2.0 feed</description><language>en</language>"
                + "<atom:link rel=\"self\" href=\"https://example.org/rss.xml\"/>\n");
        String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        for (int i = 0; sb.length() < size; i++) {
            sb.append("<item>\n<title>")
                    .append(words(r, 8))
                    .append(" &amp; more</title>\n<link>https://example.org/p/")
                    .append(i)
                    .append("</link>\n<guid isPermaLink=\"false\">urn:item:")
                    .append(i)
                    .append("</guid>\n")
                    .append("<pubDate>")
                    .append(days[i % 7])
                    .append(", 0")
                    .append(1 + i % 9)
                    .append(" Mar 2024 1")
                    .append(i % 10)
                    .append(":04:05 +0000</pubDate>\n<author>a")
                    .append(i % 17)
                    .append("@example.org (")
                    .append(words(r, 2))
                    .append(")</author>\n<category>")
                    .append(words(r, 1))
                    .append("</category>\n<description>&lt;p&gt;")
                    .append(words(r, 50))
                    .append("&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://example.org/p/")
                    .append(i)
                    .append("&quot;&gt;")
                    .append(words(r, 3))
                    .append("&lt;/a&gt; &amp;amp; &lt;em&gt;")
                    .append(words(r, 30))
                    .append("&lt;/em&gt;&lt;/p&gt;</description>\n")
                    .append("<enclosure url=\"https://example.org/m/")
                    .append(i)
                    .append(".mp3\" length=\"12345\" type=\"audio/mpeg\"/>\n</item>\n");
        }
        sb.append("</channel></rss>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Runs the benchmark with JMH command-line options (e.g. {@code -f 1 -wi 2 -i 3}) and prints MB/s. With
     * {@code --best-of SECONDS} it instead runs the three parsers interleaved, round after round, for that long per
     * data set and reports each one's fastest round: a cross-check that stays fair on a shared, loaded machine, where
     * JMH's sequential runs see different load.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--best-of")) {
            bestOf(args.length > 1 ? Integer.parseInt(args[1]) : 20);
            return;
        }
        CommandLineOptions cli = new CommandLineOptions(args);
        String corpora = corpora().toAbsolutePath().normalize().toString();
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .parent(cli)
                        .include(ParseBenchmark.class.getName() + ".")
                        .jvmArgsAppend("-Dcallisto.corpora=" + corpora)
                        .build())
                .run();
        System.out.println();
        System.out.println("| data set | size | parser | ops/s | MB/s |");
        System.out.println("|---|---|---|---|---|");
        for (RunResult rr : results) {
            String ds = rr.getParams().getParam("dataset");
            long bytes = load(ds).stream().mapToLong(b -> b.length).sum();
            double ops = rr.getPrimaryResult().getScore();
            String method = rr.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            System.out.printf("| %s | %.2f MB | %s | %.2f | %.1f |%n", ds, bytes / 1e6, method, ops, ops * bytes / 1e6);
        }
    }

    private static void bestOf(int seconds) {
        System.out.println("| data set | size | parser | best round | MB/s |");
        System.out.println("|---|---|---|---|---|");
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        for (String ds : List.of("mixed", "rss1-5mb", "rss2-5mb")) {
            ParseBenchmark b = new ParseBenchmark();
            b.dataset = ds;
            b.setup();
            long bytes = b.docs.stream().mapToLong(d -> d.length).sum();
            String[] names = {"callisto", "rome", "staxEventsOnly"};
            long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                for (int k = 0; k < 3; k++) {
                    long t = System.nanoTime();
                    switch (k) {
                        case 0 -> b.callisto(bh);
                        case 1 -> b.rome(bh);
                        default -> b.staxEventsOnly(bh);
                    }
                    best[k] = Math.min(best[k], System.nanoTime() - t);
                }
            }
            for (int k = 0; k < 3; k++) {
                System.out.printf(
                        "| %s | %.2f MB | %s | %.2f ms | %.1f |%n",
                        ds, bytes / 1e6, names[k], best[k] / 1e6, bytes / 1e6 / (best[k] / 1e9));
            }
        }
    }
}
