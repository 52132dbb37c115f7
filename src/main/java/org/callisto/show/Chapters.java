package org.callisto.show;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a JSON chapters document (the Podcasting 2.0 chapters format, served as {@code application/json+chapters}
 * and named by {@code podcast:chapters}) before it is stored: an object with a {@code version} string and a
 * {@code chapters} array whose items each have a numeric {@code startTime} of 0 or more, in order, and optional
 * {@code title}, {@code img} and {@code url} strings. Podcast apps drop a document they cannot read without saying
 * why, so Callisto says it first. Thread-safe.
 */
public final class Chapters {
    /** Larger documents are refused; a three-hour episode with a chapter a minute is about 20 KB. */
    static final int MAX_CHARS = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Chapters() {}

    /**
     * The document, unchanged, when it is valid.
     *
     * @param what names the document in messages, e.g. {@code "episode 7 chapters ep7.json"}
     * @throws IllegalArgumentException saying what is wrong and where
     */
    public static String check(String what, String json) {
        if (json.length() > MAX_CHARS) {
            throw new IllegalArgumentException(
                    what + ": " + json.length() + " characters, more than the " + MAX_CHARS + " allowed; shorten it");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    what + ": not JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(
                    what + ": the document must be a JSON object with \"version\" and" + " \"chapters\"");
        }
        if (!root.path("version").isTextual()) {
            throw new IllegalArgumentException(
                    what + ": \"version\" is missing or not a string; write \"version\": \"1.2.0\"");
        }
        JsonNode chapters = root.path("chapters");
        if (!chapters.isArray()) {
            throw new IllegalArgumentException(what + ": \"chapters\" is missing or not an array");
        }
        double previous = -1;
        for (int i = 0; i < chapters.size(); i++) {
            JsonNode c = chapters.get(i);
            String at = what + ": chapter " + (i + 1);
            if (!c.isObject()) {
                throw new IllegalArgumentException(at + " is not an object");
            }
            JsonNode start = c.path("startTime");
            if (!start.isNumber() || start.asDouble() < 0) {
                throw new IllegalArgumentException(at + " has no \"startTime\" of 0 or more seconds");
            }
            if (start.asDouble() < previous) {
                throw new IllegalArgumentException(at + " starts at " + start.asText() + " s, before chapter " + i
                        + "; order the chapters by start time");
            }
            previous = start.asDouble();
            for (String field : new String[] {"title", "img", "url"}) {
                if (c.has(field) && !c.get(field).isTextual()) {
                    throw new IllegalArgumentException(at + ": \"" + field + "\" must be a string");
                }
            }
        }
        return json;
    }

    /** A chapter as pages list it: its start in seconds, its title ("" for none) and its link (or null). */
    public record Chapter(double startTime, String title, String url) {}

    /** The chapters of a stored (checked) document, in order; empty when it cannot be read. */
    public static java.util.List<Chapter> read(String json) {
        java.util.List<Chapter> out = new java.util.ArrayList<>();
        if (json == null) {
            return out;
        }
        try {
            for (JsonNode c : JSON.readTree(json).path("chapters")) {
                out.add(new Chapter(
                        c.path("startTime").asDouble(),
                        c.path("title").asText(""),
                        c.path("url").isTextual() ? c.path("url").asText() : null));
            }
        } catch (JsonProcessingException e) {
            return java.util.List.of();
        }
        return out;
    }
}
