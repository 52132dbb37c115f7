package org.callisto.planet.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * feedparser's handlers for people: authors, contributors and publishers (Atom person constructs, RSS and Dublin
 * Core author strings, iTunes owner details), with their name, email and href, and the {@code author} string kept
 * in step with {@code author_detail}.
 *
 * <p>Not thread-safe: one instance builds one document's fields.
 */
abstract class FeedFieldsPeople extends FeedFieldsState {
    /** Calls the start handler for this element, if it is one of these; false when it is not. */
    boolean peopleStart(String name, Map<String, Object> attrs) {
        switch (name) {
            case "author", "managingeditor", "dc_author", "dc_creator", "itunes_author" -> {
                inauthor = 1;
                push("author", true);
                list(context(), "authors").add(new LinkedHashMap<String, Object>());
            }
            case "contributor" -> {
                incontributor = 1;
                list(context(), "contributors").add(new LinkedHashMap<String, Object>());
                push("contributor", false);
            }
            case "dc_contributor" -> {
                incontributor = 1;
                list(context(), "contributors").add(new LinkedHashMap<String, Object>());
                push("name", false);
            }
            case "name", "itunes_name" -> push("name", false);
            case "url", "homepage", "uri" -> push("href", true);
            case "email", "itunes_email" -> push("email", false);
            case "webmaster", "dc_publisher" -> push("publisher", true);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Calls the end handler for this element, if it is one of these; false when it is not. */
    boolean peopleEnd(String name) {
        switch (name) {
            case "author", "managingeditor", "dc_author", "dc_creator", "itunes_author" -> {
                pop("author", true);
                inauthor = 0;
                syncAuthorDetail("author");
            }
            case "contributor" -> {
                pop("contributor", true);
                incontributor = 0;
            }
            case "dc_contributor" -> {
                endName();
                incontributor = 0;
            }
            case "name", "itunes_name" -> endName();
            case "url", "homepage", "uri" -> {
                String value = pop("href", true);
                if (inauthor > 0) {
                    saveAuthor("href", value, "author");
                } else if (incontributor > 0) {
                    saveContributor("href", value);
                }
            }
            case "email", "itunes_email" -> {
                String value = pop("email", true);
                if (inpublisher > 0) {
                    saveAuthor("email", value, "publisher");
                } else if (inauthor > 0) {
                    saveAuthor("email", value, "author");
                } else if (incontributor > 0) {
                    saveContributor("email", value);
                }
            }
            case "webmaster", "dc_publisher" -> {
                pop("publisher", true);
                syncAuthorDetail("publisher");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    void endName() {
        String value = pop("name", true);
        if (inpublisher > 0) {
            saveAuthor("name", value, "publisher");
        } else if (inauthor > 0) {
            saveAuthor("name", value, "author");
        } else if (incontributor > 0) {
            saveContributor("name", value);
        } else if (intextinput > 0) {
            context().put("name", value);
        }
    }

    void saveAuthor(String key, String value, String prefix) {
        Map<String, Object> context = context();
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>)
                context.computeIfAbsent(prefix + "_detail", k -> new LinkedHashMap<String, Object>());
        detail.put(key, value);
        syncAuthorDetail("author");
        @SuppressWarnings("unchecked")
        List<Object> authors = (List<Object>) context.computeIfAbsent("authors", k -> {
            List<Object> l = new ArrayList<>();
            l.add(new LinkedHashMap<String, Object>());
            return l;
        });
        if (authors.isEmpty()) {
            authors.add(new LinkedHashMap<String, Object>());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) authors.getLast();
        last.put(key, value);
    }

    void saveContributor(String key, String value) {
        Map<String, Object> context = context();
        @SuppressWarnings("unchecked")
        List<Object> contributors = (List<Object>) context.computeIfAbsent("contributors", k -> {
            List<Object> l = new ArrayList<>();
            l.add(new LinkedHashMap<String, Object>());
            return l;
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) contributors.getLast();
        last.put(key, value);
    }

    @SuppressWarnings("unchecked")
    void syncAuthorDetail(String key) {
        Map<String, Object> context = context();
        Map<String, Object> detail = new LinkedHashMap<>();
        if (context.get(key + "s") instanceof List<?> l && !l.isEmpty() && l.getLast() instanceof Map<?, ?> m) {
            detail = (Map<String, Object>) m;
        }
        if (!detail.isEmpty()) {
            String name = str(detail.get("name"));
            String email = str(detail.get("email"));
            if (!empty(name) && !empty(email)) {
                context.put(key, name + " (" + email + ")");
            } else if (!empty(name)) {
                context.put(key, name);
            } else if (!empty(email)) {
                context.put(key, email);
            }
            return;
        }
        String author = str(context.get(key));
        if (empty(author)) {
            return;
        }
        String[] split = FeedFieldsValues.splitAuthor(author);
        String name = split[0];
        String email = split[1];
        if (!empty(name) || email != null) {
            context.putIfAbsent(key + "_detail", detail);
        }
        if (!empty(name)) {
            detail.put("name", name);
        }
        if (email != null) {
            detail.put("email", email);
        }
    }
}
