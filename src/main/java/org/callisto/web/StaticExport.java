package org.callisto.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the public site as static files any web server can serve: every page, feed, OPML file, stylesheet and
 * image an anonymous reader can reach by following links from the front page, the journal and the show, fetched
 * from the running site itself (so the files are exactly what the site serves, with no second renderer).
 *
 * <p>Paths map as a web server's defaults expect: {@code /} → {@code index.html}, {@code /category/freebsd} →
 * {@code category/freebsd/index.html}, {@code /atom.xml} → {@code atom.xml}. Pages with paging parameters
 * ({@code ?before=…}, {@code ?after=…}, {@code ?page=…}) are written under {@code …/q/before-…/index.html} and the
 * links to them in every page are rewritten to match. Personal and form pages (login, account, admin, editor,
 * submit, search), media files (linked to the site, not copied) and anything outside the site are not exported.
 *
 * <p>Incremental: a file whose bytes did not change is not written again; a changed one is written to a temporary
 * file and renamed over the old one, so a web server never serves half a file; files this export wrote before and
 * that the site no longer has are removed (the list is kept in {@code .callisto-export}; other files in the
 * directory are never touched). The export is served from the root of its host, as the site is.
 *
 * <p>Not thread-safe: run one export at a time per directory.
 */
public final class StaticExport {
    /** The list of files the last export wrote, relative to the directory. */
    static final String MANIFEST = ".callisto-export";
    /** The most pages one export writes; a bound on a site gone wrong, not on a real one. */
    public static final int DEFAULT_MAX_FILES = 200_000;

    private static final List<String> SEEDS = List.of(
            "/",
            "/atom.xml",
            "/rss.xml",
            "/opml.xml",
            "/subscriptions",
            "/archive",
            "/journal",
            "/journal/atom.xml",
            "/journal/rss.xml",
            "/episodes",
            "/moderation",
            "/opensearch.xml",
            "/robots.txt");
    /** Path prefixes never exported: personal pages, forms, media and what only makes sense live. */
    private static final List<String> SKIPPED = List.of(
            "/login",
            "/logout",
            "/register",
            "/account",
            "/admin",
            "/editor",
            "/submit",
            "/notifications",
            "/search",
            "/feedback",
            "/unsubscribe",
            "/media/",
            "/metrics",
            "/healthz",
            "/readyz",
            "/websub",
            "/oembed");

    private static final Set<String> PAGING = Set.of("before", "after", "page");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(href|src|poster)\\s*=\\s*\"([^\"]*)\"");

    private final HttpClient client;
    private final URI origin;
    private final String publicBase;
    private final int maxFiles;

    /**
     * @param origin     where the running site answers, such as {@code http://127.0.0.1:8080/}
     * @param publicBase the site's public URL ({@code site.url}): absolute links to it count as links to the site
     */
    public StaticExport(URI origin, URI publicBase, int maxFiles) {
        this.origin = origin.resolve("/");
        String base = publicBase.toString();
        this.publicBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.maxFiles = maxFiles;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** What one export did. */
    /**
     * @param changed the first files written (up to 20), for logs
     */
    public record Report(
            int files,
            int written,
            int unchanged,
            int removed,
            long bytes,
            List<String> problems,
            List<String> changed) {
        @Override
        public String toString() {
            return files + " files (" + written + " written, " + unchanged + " unchanged, " + removed + " removed, "
                    + bytes + " bytes)" + (problems.isEmpty() ? "" : "; " + problems.size() + " problems");
        }
    }

    /**
     * Exports the site into {@code dir}, made when missing.
     *
     * @throws IOException when the directory cannot be written, naming it
     */
    public Report export(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Deque<String> queue = new ArrayDeque<>(SEEDS);
        Set<String> seen = new HashSet<>(SEEDS);
        Set<String> files = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int written = 0;
        int unchanged = 0;
        long bytes = 0;
        while (!queue.isEmpty() && files.size() < maxFiles) {
            String target = queue.removeFirst();
            HttpResponse<byte[]> r;
            try {
                r = client.send(
                        HttpRequest.newBuilder(origin.resolve(target))
                                .timeout(Duration.ofSeconds(60))
                                .header("Accept-Encoding", "identity")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                problems.add(target + ": " + e.getMessage());
                continue;
            }
            if (r.statusCode() != 200) {
                if (r.statusCode() != 404 && r.statusCode() / 100 != 3) {
                    problems.add(target + ": the site answered " + r.statusCode());
                }
                continue;
            }
            byte[] body = r.body();
            String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (type.startsWith("text/html")) {
                String html = new String(body, StandardCharsets.UTF_8);
                for (String link : links(html)) {
                    if (seen.add(link)) {
                        queue.addLast(link);
                    }
                }
                body = rewrite(html).getBytes(StandardCharsets.UTF_8);
            }
            String file = fileFor(target, type.startsWith("text/html"));
            files.add(file);
            bytes += body.length;
            if (write(dir.resolve(file), body)) {
                written++;
                if (changed.size() < 20) {
                    changed.add(file);
                }
            } else {
                unchanged++;
            }
        }
        if (!queue.isEmpty()) {
            problems.add("stopped at " + maxFiles + " files; " + queue.size() + " links were not followed");
        }
        int removed = removeStale(dir, files);
        Files.write(dir.resolve(MANIFEST), String.join("\n", files).getBytes(StandardCharsets.UTF_8));
        return new Report(
                files.size(), written, unchanged, removed, bytes, List.copyOf(problems), List.copyOf(changed));
    }

    /** The site-relative targets ({@code /path?query}) a page links to that the export follows. */
    List<String> links(String html) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            String target = siteTarget(m.group(2).replace("&amp;", "&"));
            if (target != null) {
                out.add(target);
            }
        }
        return List.copyOf(out);
    }

    /** A link as a path on the site with only paging parameters, or null when the export does not follow it. */
    String siteTarget(String link) {
        String path = link.strip();
        if (path.startsWith(publicBase + "/")) {
            path = path.substring(publicBase.length());
        } else if (path.startsWith(origin.toString())) {
            path = path.substring(origin.toString().length() - 1);
        }
        if (!path.startsWith("/") || path.startsWith("//")) {
            return null;
        }
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        String query = null;
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        if (path.contains("..") || path.contains("\\") || path.contains("%2") || path.contains("%5")) {
            return null;
        }
        for (String skipped : SKIPPED) {
            if (path.equals(skipped) || path.startsWith(skipped.endsWith("/") ? skipped : skipped + "/")) {
                return null;
            }
        }
        if (path.endsWith("/edit")) {
            return null;
        }
        if (query == null || query.isEmpty()) {
            return path;
        }
        String[] pairs = query.split("&");
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0
                    || !PAGING.contains(pair.substring(0, eq))
                    || !pair.substring(eq + 1).matches("[0-9A-Za-z~._:-]{1,64}")) {
                return null;
            }
        }
        Arrays.sort(pairs);
        return path + "?" + String.join("&", pairs);
    }

    /** The page's links to paged pages of the site, rewritten to the files they are exported as. */
    String rewrite(String html) {
        Matcher m = LINK.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (m.find()) {
            String value = m.group(2);
            String target = value.contains("?") ? siteTarget(value.replace("&amp;", "&")) : null;
            String replaced = target == null ? m.group() : m.group(1) + "=\"" + staticUrl(target, value) + "\"";
            m.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Where a paged target is served from in the export, keeping the link's fragment. */
    private static String staticUrl(String target, String original) {
        int hash = original.indexOf('#');
        String file = fileFor(target, true);
        String dirUrl = "/" + file.substring(0, file.length() - "index.html".length());
        return hash >= 0 ? dirUrl + original.substring(hash) : dirUrl;
    }

    /**
     * The file a target is written to, relative to the export directory: pages as {@code index.html} in a directory
     * named after their path, files with an extension as themselves.
     */
    static String fileFor(String target, boolean html) {
        String path = target;
        String query = null;
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        String relative = path.substring(1);
        if (query != null) {
            String dirName = query.replace('=', '-').replace('&', '_');
            return (relative.isEmpty() ? "" : trimSlash(relative) + "/") + "q/" + dirName + "/index.html";
        }
        if (!html && last.contains(".")) {
            return relative;
        }
        if (html && last.endsWith(".html")) {
            return relative;
        }
        return relative.isEmpty() ? "index.html" : trimSlash(relative) + "/index.html";
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Writes {@code bytes} unless the file holds them already; true when written. */
    private static boolean write(Path file, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file)
                && Files.size(file) == bytes.length
                && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".export-", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return true;
    }

    /** Removes the files the previous export wrote that this one did not; returns how many. */
    private static int removeStale(Path dir, Set<String> current) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return 0;
        }
        int removed = 0;
        for (String old : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (old.isBlank() || current.contains(old) || old.contains("..")) {
                continue;
            }
            if (Files.deleteIfExists(dir.resolve(old))) {
                removed++;
            }
        }
        return removed;
    }
}
