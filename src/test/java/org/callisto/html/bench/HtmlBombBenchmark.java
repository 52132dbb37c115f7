package org.callisto.html.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.callisto.html.HtmlSanitizer;

/**
 * Times the sanitizer on HTML bombs (a million nested {@code div}s, half a million nested {@code <b><i>}, 3.5 MB of
 * paragraphs), with and without the 256 KiB cap the planet stores entries with, and prints the sizes going in and
 * coming out. Run by {@code bin/bench-html-bombs}; the figures are in {@code docs/benchmarks.md}. Not a test.
 */
public final class HtmlBombBenchmark {
    private HtmlBombBenchmark() {}

    /** @param args the number of rounds (default 5); the fastest of each is printed */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        HtmlSanitizer sanitizer = HtmlSanitizer.aggregated();
        String paragraph = "<p>" + "All work and no play makes a dull feed. ".repeat(25) + "</p>";
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"1,000,000 nested <div>", "<div>".repeat(1_000_000) + "deep"});
        cases.add(new String[] {"500,000 nested <b><i>", "<b><i>".repeat(500_000) + "x"});
        cases.add(new String[] {"3.5 MB of paragraphs", paragraph.repeat(3_500_000 / paragraph.length())});
        System.out.println("| input | in | out | ms | out, capped at 256 KiB | ms |");
        System.out.println("|---|---|---|---|---|---|");
        for (String[] c : cases) {
            long best = Long.MAX_VALUE;
            long bestCapped = Long.MAX_VALUE;
            int out = 0;
            int outCapped = 0;
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                out = bytes(sanitizer.sanitize(c[1], "https://blog.example/post"));
                long t1 = System.nanoTime();
                outCapped = bytes(sanitizer
                        .sanitize(c[1], "https://blog.example/post", 256 * 1024)
                        .html());
                long t2 = System.nanoTime();
                best = Math.min(best, t1 - t0);
                bestCapped = Math.min(bestCapped, t2 - t1);
            }
            System.out.printf(
                    "| %s | %,d B | %,d B | %d | %,d B | %d |%n",
                    c[0], bytes(c[1]), out, best / 1_000_000, outCapped, bestCapped / 1_000_000);
        }
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
