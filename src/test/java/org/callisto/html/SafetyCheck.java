package org.callisto.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * An independent check that sanitized HTML can run no script: re-parses it as a browser would and lists every
 * element or attribute that could. Written apart from the sanitizer so that a shared mistake is less likely.
 */
final class SafetyCheck {
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of(
            "script",
            "style",
            "object",
            "embed",
            "applet",
            "form",
            "input",
            "button",
            "select",
            "textarea",
            "base",
            "meta",
            "link",
            "svg",
            "math",
            "frame",
            "frameset",
            "noscript",
            "template",
            "param",
            "portal",
            "isindex");
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "action",
            "formaction",
            "xlink:href",
            "poster",
            "cite",
            "background",
            "data",
            "codebase",
            "dynsrc",
            "lowsrc",
            "ping",
            "manifest");
    private static final List<String> PLAYERS = List.of(
            "https://www.youtube.com/embed/",
            "https://www.youtube-nocookie.com/embed/",
            "https://player.vimeo.com/video/");
    private static final Set<String> RASTER_DATA =
            Set.of("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp");

    private SafetyCheck() {}

    /** What in {@code html} could run script; empty when it is safe. */
    static List<String> violations(String html) {
        List<String> found = new ArrayList<>();
        for (Element e : Jsoup.parseBodyFragment(html).body().select("*")) {
            String name = e.normalName();
            if (e.tag().namespace() != null
                    && !Parser.NamespaceHtml.equals(e.tag().namespace())) {
                found.add("foreign element " + name);
            }
            if (FORBIDDEN_ELEMENTS.contains(name)) {
                found.add("element " + name);
            }
            if (name.equals("iframe")) {
                String src = e.attr("src");
                if (PLAYERS.stream().noneMatch(src::startsWith)) {
                    found.add("iframe of " + src);
                }
                if (!e.attr("sandbox").equals("allow-scripts allow-same-origin allow-presentation")) {
                    found.add("iframe sandbox '" + e.attr("sandbox") + "'");
                }
            }
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                String value = squeeze(a.getValue());
                if (key.startsWith("on") || key.equals("style") || key.equals("srcdoc")) {
                    found.add("attribute " + key + " on " + name);
                } else if (URL_ATTRIBUTES.contains(key) || key.endsWith(":href")) {
                    if (isScriptUrl(value, name.equals("img") && key.equals("src"))) {
                        found.add(key + "=" + a.getValue() + " on " + name);
                    }
                } else if (key.equals("srcset")) {
                    if (value.contains("javascript:") || value.contains("vbscript:") || value.contains("data:")) {
                        found.add("srcset=" + a.getValue());
                    }
                }
            }
        }
        return found;
    }

    private static boolean isScriptUrl(String squeezed, boolean imageSource) {
        if (squeezed.startsWith("javascript:") || squeezed.startsWith("vbscript:")) {
            return true;
        }
        if (squeezed.startsWith("data:")) {
            return !(imageSource
                    && RASTER_DATA.stream()
                            .anyMatch(t -> squeezed.startsWith(t + ",") || squeezed.startsWith(t + ";")));
        }
        return false;
    }

    /** Lower case without any whitespace or control characters, as a lenient URL parser would see the scheme. */
    private static String squeeze(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c > ' ' && c != 0x7f) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
