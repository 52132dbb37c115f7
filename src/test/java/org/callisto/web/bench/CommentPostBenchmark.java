package org.callisto.web.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts comments to a running Callisto through the real path, for {@code bin/bench-journal --comments}:
 * {@code POST /stories/{id}/comments} with a member's session cookie and the CSRF token of the comment form, from
 * many members (the file {@link PopulateJournalBench} writes), so the per-member limit of 10 comments per 10 minutes
 * is not what is measured. A third of the comments start a thread, the others answer a recent top-level comment;
 * half are Markdown, half plain text, 150 to 900 characters.
 *
 * <p>{@code CONCURRENCY} virtual threads post back to back (a closed loop) for a warm-up and then for the measured
 * time; each member is used in turn. Counted as stored: a 303 to the new comment. Reported: comments/s stored in
 * the measured time, latency percentiles, and answers by status (a 429 means the member pool ran out).
 *
 * <p>Usage: {@code CommentPostBenchmark BASE_URL STORY POSTERS_FILE [SECONDS] [CONCURRENCY] [WARMUP_SECONDS]}.
 */
public final class CommentPostBenchmark {
    private static final Pattern LOCATION = Pattern.compile("#comment-([0-9]+)$");

    private CommentPostBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: CommentPostBenchmark BASE_URL STORY POSTERS_FILE [SECONDS] [CONCURRENCY]"
                    + " [WARMUP_SECONDS]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        long story = Long.parseLong(args[1].strip());
        List<String[]> posters = Files.readAllLines(Path.of(args[2])).stream()
                .filter(l -> !l.isBlank())
                .map(l -> l.strip().split(" "))
                .toList();
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        URI target = base.resolve("/stories/" + story + "/comments");

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        AtomicInteger next = new AtomicInteger();
        List<Long> threads = new CopyOnWriteArrayList<>();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            latencies[w] = new long[1 << 16];
            workers.add(Thread.ofVirtual().start(() -> {
                Random random = new Random(worker);
                while (true) {
                    long now = System.nanoTime();
                    if (now >= end) {
                        return;
                    }
                    String[] member = posters.get(Math.floorMod(next.getAndIncrement(), posters.size()));
                    Long parent = threads.isEmpty() || random.nextInt(3) == 0
                            ? null
                            : threads.get(threads.size() - 1 - random.nextInt(Math.min(threads.size(), 50)));
                    String body = form(member[1], parent, random);
                    HttpRequest request = HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(30))
                            .header("Cookie", "callisto_session=" + member[0])
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    long t0 = System.nanoTime();
                    int status;
                    String location = null;
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        status = r.statusCode();
                        location = r.headers().firstValue("Location").orElse(null);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        continue;
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= end) {
                        statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                        if (counts[worker] == latencies[worker].length) {
                            latencies[worker] = Arrays.copyOf(latencies[worker], counts[worker] * 2);
                        }
                        latencies[worker][counts[worker]++] = t1 - t0;
                    }
                    if (status == 303 && parent == null && location != null) {
                        Matcher m = LOCATION.matcher(location);
                        if (m.find()) {
                            threads.add(Long.parseLong(m.group(1)));
                        }
                    }
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        long stored = statuses.getOrDefault(303, new AtomicLong()).get();
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((k, v) -> byStatus.put(k, v.get()));
        System.out.printf(
                "comments stored: %d in %d s = %.0f comments/s (%d concurrent posters, %d members,"
                        + " warm-up %d s)%n",
                stored, seconds, stored / (double) seconds, concurrency, posters.size(), warmup);
        System.out.printf(
                "latency: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                ms(all, 0.50), ms(all, 0.90), ms(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.out.printf("answers: %s; connection failures: %d%n", byStatus, failures.get());
        System.out.printf(
                "RESULT %.0f %.1f %.1f %d%n",
                stored / (double) seconds, ms(all, 0.99), ms(all, 0.50), total - stored + failures.get());
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static String form(String csrf, Long parent, Random random) {
        String format;
        String text;
        if (random.nextBoolean()) {
            format = "markdown";
            text = PopulateJournalBench.capitalise(PopulateJournalBench.words(random, 20 + random.nextInt(60)))
                    + ", see [this](https://notes.example/" + random.nextInt(1000) + ") and *"
                    + PopulateJournalBench.words(random, 2) + "*.\n\n"
                    + PopulateJournalBench.capitalise(PopulateJournalBench.words(random, 10 + random.nextInt(50)))
                    + ".";
        } else {
            format = "text";
            text = PopulateJournalBench.capitalise(PopulateJournalBench.words(random, 25 + random.nextInt(90))) + ".";
        }
        StringBuilder b = new StringBuilder();
        b.append("csrf=")
                .append(enc(csrf))
                .append("&format=")
                .append(format)
                .append("&text=")
                .append(enc(text));
        if (parent != null) {
            b.append("&parent=").append(parent);
        }
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
