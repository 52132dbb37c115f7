package org.callisto.html.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.callisto.html.FragmentPolicy;
import org.callisto.html.FragmentValidator;
import org.callisto.html.HtmlSanitizer;
import org.callisto.planet.parse.FeedParser;
import org.callisto.planet.parse.ParsedEntry;
import org.callisto.planet.parse.ParsedFeed;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * HTML sanitizer and validator throughput on about 2 MB of real blog HTML: the summaries and contents of the
 * entries of every feed in the shared corpora (Miniflux, gofeed, ROME, podcast feeds), extracted with Callisto's
 * own {@link FeedParser} and read in place. One operation processes the whole corpus, fragment by fragment.
 *
 * <p>Measured side by side: Callisto's aggregated sanitizer, Callisto's fragment validator (submission policy),
 * OWASP java-html-sanitizer with a policy comparable to jsoup's {@code Safelist.relaxed()}, jsoup's
 * {@code Jsoup.clean(html, base, Safelist.relaxed())}, and, as a floor, jsoup's body-fragment parse alone and
 * parse plus serialise. Not a unit test: run it with {@code bin/bench-html}, which prints MB/s per
 * implementation and its ratio to the faster of the two anchors (OWASP, jsoup Cleaner).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SanitizerBenchmark {
    /** The corpus is repeated until it holds at least this many UTF-8 bytes. */
    static final int TARGET_BYTES = 2_000_000;

    /** The two implementations the goal is measured against. */
    static final List<String> ANCHORS = List.of("owasp", "jsoupClean");

    /** One fragment and the URL of the entry it came from (its base for relative URLs). */
    record Fragment(String html, String base) {}

    private List<Fragment> fragments;
    private HtmlSanitizer callisto;
    private FragmentValidator validator;
    private PolicyFactory owasp;
    private Safelist relaxed;

    @Setup
    public void setup() {
        fragments = corpus();
        callisto = HtmlSanitizer.aggregated();
        validator = new FragmentValidator(FragmentPolicy.submission().toBuilder()
                .maxLength(Integer.MAX_VALUE)
                .maxErrors(Integer.MAX_VALUE)
                .build());
        owasp = Sanitizers.FORMATTING
                .and(Sanitizers.LINKS)
                .and(Sanitizers.BLOCKS)
                .and(Sanitizers.IMAGES)
                .and(Sanitizers.TABLES);
        relaxed = Safelist.relaxed();
    }

    @Benchmark
    public void callistoSanitizer(Blackhole bh) {
        for (Fragment f : fragments) {
            bh.consume(callisto.sanitize(f.html, f.base));
        }
    }

    @Benchmark
    public void callistoValidator(Blackhole bh) {
        for (Fragment f : fragments) {
            bh.consume(validator.validate(f.html));
        }
    }

    @Benchmark
    public void owasp(Blackhole bh) {
        for (Fragment f : fragments) {
            bh.consume(owasp.sanitize(f.html));
        }
    }

    @Benchmark
    public void jsoupClean(Blackhole bh) {
        for (Fragment f : fragments) {
            bh.consume(Jsoup.clean(f.html, f.base, relaxed));
        }
    }

    /** jsoup's HTML5 body-fragment parse alone: the floor under any sanitizer built on jsoup. */
    @Benchmark
    public void jsoupParseOnly(Blackhole bh) {
        for (Fragment f : fragments) {
            bh.consume(Jsoup.parseBodyFragment(f.html, f.base));
        }
    }

    /** jsoup's parse and serialisation of the body, without any cleaning. */
    @Benchmark
    public void jsoupParseSerialize(Blackhole bh) {
        for (Fragment f : fragments) {
            var doc = Jsoup.parseBodyFragment(f.html, f.base);
            doc.outputSettings().prettyPrint(false);
            bh.consume(doc.body().html());
        }
    }

    // ---------------------------------------------------------------- data

    static Path corpora() {
        String prop = System.getProperty("callisto.corpora");
        Path p = prop != null ? Paths.get(prop) : Paths.get("../shared/corpora");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("corpora not found at " + p.toAbsolutePath()
                    + "; run from the project root or set -Dcallisto.corpora");
        }
        return p;
    }

    /** The non-blank summaries and contents of every entry of every feed in the corpora, repeated to ~2 MB. */
    static List<Fragment> corpus() {
        List<Fragment> once = new ArrayList<>();
        Path root = corpora();
        FeedParser parser = new FeedParser();
        for (String dir : List.of(
                "miniflux/internal/reader/parser/testdata",
                "gofeed/testdata",
                "rome",
                "podcast-feeds-partytime",
                "podcast-namespace",
                "jsonfeed")) {
            Path d = root.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(d)) {
                for (Path file :
                        files.filter(SanitizerBenchmark::isFeed).sorted().toList()) {
                    String url = "https://blog.example/"
                            + root.relativize(file).toString().replace('\\', '/');
                    ParsedFeed feed;
                    try {
                        feed = parser.parse(Files.readAllBytes(file), null, url);
                    } catch (Exception notAFeed) {
                        continue;
                    }
                    for (ParsedEntry e : feed.entries()) {
                        String base = e.link() != null ? e.link() : url;
                        add(once, e.summary(), base);
                        add(once, e.content(), base);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long bytes = bytes(once);
        if (once.isEmpty()) {
            throw new IllegalStateException("no HTML fragments found under " + root.toAbsolutePath());
        }
        List<Fragment> out = new ArrayList<>(once);
        for (int i = 0; bytes < TARGET_BYTES; i = (i + 1) % once.size()) {
            Fragment f = once.get(i);
            out.add(f);
            bytes += f.html.getBytes(StandardCharsets.UTF_8).length;
        }
        return List.copyOf(out);
    }

    private static void add(List<Fragment> out, String html, String base) {
        if (html != null && !html.isBlank()) {
            out.add(new Fragment(html, base));
        }
    }

    private static boolean isFeed(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p)
                && (name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".atom") || name.endsWith(".json"));
    }

    static long bytes(List<Fragment> fragments) {
        long n = 0;
        for (Fragment f : fragments) {
            n += f.html.getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }

    // ---------------------------------------------------------------- runner

    /**
     * Runs the benchmark with JMH command-line options (e.g. {@code -f 1 -wi 3 -i 10}, and a regular expression
     * such as {@code 'SanitizerBenchmark.(callistoSanitizer|owasp)$'} to run only some) and prints MB/s with the
     * ratio to the faster anchor. With {@code --best-of ROUNDS} it instead runs every implementation in turn, round
     * after round, and reports each one's fastest round: a cross-check that stays fair on a shared, loaded machine,
     * where JMH's sequential runs each see a different load. {@code --corpus} only describes the data set.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--corpus")) {
            describeCorpus();
            return;
        }
        if (args.length > 0 && args[0].equals("--best-of")) {
            bestOf(args.length > 1 ? Integer.parseInt(args[1]) : 20);
            return;
        }
        CommandLineOptions cli = new CommandLineOptions(args);
        String corpora = corpora().toAbsolutePath().normalize().toString();
        OptionsBuilder options = new OptionsBuilder();
        options.parent(cli).jvmArgsAppend("-Dcallisto.corpora=" + corpora);
        if (cli.getIncludes().isEmpty()) {
            options.include(SanitizerBenchmark.class.getName() + ".");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        long bytes = bytes(corpus());
        Map<String, Double> mbps = new LinkedHashMap<>();
        Map<String, String> extra = new LinkedHashMap<>();
        for (RunResult rr : results) {
            String method = rr.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            double ops = rr.getPrimaryResult().getScore();
            double err = rr.getPrimaryResult().getScoreError();
            mbps.put(method, ops * bytes / 1e6);
            extra.put(method, String.format("± %.1f", err * bytes / 1e6));
        }
        System.out.println();
        printTable("JMH, " + mb(bytes) + " per op", mbps, extra);
    }

    private static void describeCorpus() {
        List<Fragment> all = corpus();
        List<Fragment> distinct = all.stream().distinct().toList();
        System.out.printf(
                "%d fragments, %s; %d distinct, %s%n",
                all.size(), mb(bytes(all)), distinct.size(), mb(bytes(distinct)));
    }

    private static void bestOf(int rounds) {
        SanitizerBenchmark b = new SanitizerBenchmark();
        b.setup();
        long bytes = bytes(b.fragments);
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        String[] names = {
            "callistoSanitizer", "callistoValidator", "owasp", "jsoupClean", "jsoupParseOnly", "jsoupParseSerialize"
        };
        long[] best = new long[names.length];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < names.length; k++) {
                long t = System.nanoTime();
                switch (k) {
                    case 0 -> b.callistoSanitizer(bh);
                    case 1 -> b.callistoValidator(bh);
                    case 2 -> b.owasp(bh);
                    case 3 -> b.jsoupClean(bh);
                    case 4 -> b.jsoupParseOnly(bh);
                    default -> b.jsoupParseSerialize(bh);
                }
                best[k] = Math.min(best[k], System.nanoTime() - t);
            }
        }
        Map<String, Double> mbps = new LinkedHashMap<>();
        Map<String, String> extra = new LinkedHashMap<>();
        for (int k = 0; k < names.length; k++) {
            mbps.put(names[k], bytes / 1e6 / (best[k] / 1e9));
            extra.put(names[k], String.format("%.1f ms", best[k] / 1e6));
        }
        printTable("interleaved best of " + rounds + " rounds, " + mb(bytes) + " per round", mbps, extra);
    }

    private static void printTable(String title, Map<String, Double> mbps, Map<String, String> extra) {
        double anchor = 0;
        String anchorName = "";
        for (String a : ANCHORS) {
            if (mbps.getOrDefault(a, 0.0) > anchor) {
                anchor = mbps.get(a);
                anchorName = a;
            }
        }
        System.out.println(title + "; ratio against the faster anchor (" + anchorName + ")");
        System.out.println("| implementation | MB/s | | vs " + anchorName + " |");
        System.out.println("|---|---|---|---|");
        for (var e : mbps.entrySet()) {
            System.out.printf(
                    "| %s | %.1f | %s | %s |%n",
                    e.getKey(),
                    e.getValue(),
                    extra.get(e.getKey()),
                    anchor > 0 ? String.format("%.2f×", e.getValue() / anchor) : "-");
        }
    }

    private static String mb(long bytes) {
        return String.format("%.2f MB", bytes / 1e6);
    }
}
