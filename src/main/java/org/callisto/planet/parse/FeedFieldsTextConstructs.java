package org.callisto.planet.parse;

import java.util.Map;

/**
 * feedparser's handlers for text constructs: titles, subtitles, rights, descriptions, summaries, info and content
 * (Atom content, RSS content:encoded, XHTML bodies), with their {@code *_detail} (type, language, base) and the
 * rule that moves a second summary into content.
 *
 * <p>Not thread-safe: one instance builds one document's fields.
 */
abstract class FeedFieldsTextConstructs extends FeedFieldsExtensions {
    /** Calls the start handler for this element, if it is one of these; false when it is not. */
    boolean textStart(String name, Map<String, Object> attrs) {
        switch (name) {
            case "subtitle", "tagline", "itunes_subtitle" -> pushContent("subtitle", attrs, "text/plain", true);
            case "rights", "copyright", "dc_rights" -> pushContent("rights", attrs, "text/plain", true);
            case "title", "dc_title", "media_title" ->
                pushContent("title", attrs, "text/plain", infeed > 0 || inentry > 0 || insource > 0);
            case "description", "dc_description", "media_description" -> startDescription(attrs);
            case "abstract" ->
                pushContent("description", attrs, "text/plain", infeed > 0 || inentry > 0 || insource > 0);
            case "info", "feedburner_browserfriendly" -> pushContent("info", attrs, "text/plain", true);
            case "summary", "itunes_summary" -> {
                if (context().containsKey("summary") && !hasContent) {
                    summaryKey = "content";
                    startContent(attrs);
                } else {
                    summaryKey = "summary";
                    pushContent("summary", attrs, "text/plain", true);
                }
            }
            case "content" -> startContent(attrs);
            case "body", "xhtml_body" -> pushContent("content", attrs, XHTML, true);
            case "content_encoded", "fullitem" -> {
                hasContent = true;
                pushContent("content", attrs, "text/html", true);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Calls the end handler for this element, if it is one of these; false when it is not. */
    boolean textEnd(String name) {
        switch (name) {
            case "subtitle", "tagline", "itunes_subtitle" -> popContent("subtitle");
            case "rights", "copyright", "dc_rights" -> popContent("rights");
            case "title", "dc_title", "media_title" -> {
                int keep = titleDepth;
                String value = popContent("title");
                if (value != null && !value.isEmpty()) {
                    titleDepth = depth;
                }
                if (name.equals("media_title")) {
                    titleDepth = keep;
                }
            }
            case "description", "abstract", "dc_description", "media_description" -> {
                if ("content".equals(summaryKey)) {
                    endContent();
                } else {
                    popContent("description");
                }
                summaryKey = null;
            }
            case "info", "feedburner_browserfriendly" -> popContent("info");
            case "summary", "itunes_summary" -> {
                if ("content".equals(summaryKey)) {
                    endContent();
                } else {
                    popContent(summaryKey == null ? "summary" : summaryKey);
                }
                summaryKey = null;
            }
            case "content", "body", "xhtml_body", "content_encoded", "fullitem" -> endContent();
            default -> {
                return false;
            }
        }
        return true;
    }

    void startDescription(Map<String, Object> attrs) {
        if (context().containsKey("summary") && !hasContent) {
            summaryKey = "content";
            startContent(attrs);
        } else {
            pushContent("description", attrs, "text/html", infeed > 0 || inentry > 0 || insource > 0);
        }
    }

    void startContent(Map<String, Object> attrs) {
        hasContent = true;
        pushContent("content", attrs, "text/plain", true);
        String src = str(attrs.get("src"));
        if (src != null && !src.isEmpty()) {
            contentparams.put("src", src);
        }
        push("content", true);
    }

    void endContent() {
        String type = str(contentparams.get("type"));
        boolean copyToSummary = type != null
                && (FeedFieldsValues.mapContentType(type).equals("text/plain")
                        || isHtmlType(FeedFieldsValues.mapContentType(type)));
        String value = popContent("content");
        if (copyToSummary) {
            save("summary", value, false);
        }
    }
}
