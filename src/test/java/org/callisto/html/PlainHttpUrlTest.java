package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The URL cleaner skips {@link URI} for plain absolute http(s) URLs; this checks that the shortcut only accepts
 * URLs for which the general path gives the same answer: the same string back, with a host.
 */
class PlainHttpUrlTest {
    private static final URI BASE = UrlResolver.base("https://blog.example/a/b.html");

    @Test
    void theShortcutAgreesWithUriOnTrickyUrls() {
        List<String> urls = List.of(
                "https://example.org/",
                "http://example.org",
                "https://a.b.",
                "https://a..b/",
                "https://.a/",
                "https://a-.b/",
                "https://-a.b/",
                "https://a.-b/",
                "https://a.b-/",
                "https://1.2.3.4/",
                "https://a.1b/",
                "https://1a.b/",
                "https://localhost/",
                "https://123/",
                "https://a_b.c/",
                "https://a.b:80/",
                "https://u@a.b/",
                "https://[::1]/",
                "https:///x",
                "https://",
                "https://a.b?x=1",
                "https://a.b#f",
                "https://a.b/p?q#f#g",
                "https://a.b/%zz",
                "https://a.b/%4",
                "https://a.b/%41",
                "https://a.b/[x]",
                "https://a.b/?[x]",
                "https://a.b/x y",
                "https://a.b/é",
                "https://a.b/a|b",
                "https://a.b/p;x=1,2/$+&@:!~*'()",
                "https://xn--caf-dma.example/",
                "HTTPS://a.b/",
                "https://A.B/C",
                "https://a.b/?q?r",
                "https://a.b/#?x",
                "https://a.b./x",
                "https://a.b/\\x",
                "https://a.b/`x`");
        for (String url : urls) {
            checkAgreement(url);
        }
    }

    @Test
    void theShortcutAgreesWithUriOnFeedUrls() {
        List<String> urls = new ArrayList<>();
        for (String dir : List.of("miniflux/internal/reader/parser/testdata", "gofeed", "rome")) {
            for (String html : FeedFragments.under(Corpora.require(dir))) {
                for (Element e : Jsoup.parseBodyFragment(html).getAllElements()) {
                    for (Attribute a : e.attributes()) {
                        if (a.getKey().equals("href") || a.getKey().equals("src")) {
                            urls.add(UrlResolver.strip(a.getValue()));
                        }
                    }
                }
            }
        }
        assertThat(urls).hasSizeGreaterThan(1000);
        int plain = 0;
        for (String url : urls) {
            if (checkAgreement(url)) {
                plain++;
            }
        }
        System.out.printf("plain http(s) URLs: %d of %d take the shortcut%n", plain, urls.size());
        assertThat(plain).isPositive();
    }

    private static boolean checkAgreement(String url) {
        if (!UrlResolver.isPlainHttpUrl(url)) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new AssertionError("shortcut taken for a URL URI rejects: " + url, e);
        }
        assertThat(uri.getHost()).as(url).isNotNull();
        assertThat(uri.toString()).isEqualTo(url);
        assertThat(UrlResolver.encode(url)).isEqualTo(url);
        assertThat(UrlResolver.resolve(url, BASE)).hasToString(url);
        return true;
    }
}
