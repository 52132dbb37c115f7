package org.callisto.show;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guest of an episode ({@code podcast:person role="guest"}). Immutable.
 *
 * @param name the guest's name
 * @param link a page about them, or null
 */
public record Guest(String name, String link) {

    private static final Pattern GUEST = Pattern.compile("^(.*?)\\s*(?:<([^>]+)>)?$");

    public Guest {
        Objects.requireNonNull(name, "name");
    }

    /**
     * The guests written as {@code Name <link>; Name}, as show-notes front matter and the episode editor take
     * them; empty parts are skipped. Links are not checked here.
     */
    public static List<Guest> list(String written) {
        List<Guest> guests = new ArrayList<>();
        if (written == null) {
            return guests;
        }
        for (String part : written.split(";")) {
            Matcher m = GUEST.matcher(part.strip());
            if (m.matches() && !m.group(1).isEmpty()) {
                guests.add(new Guest(m.group(1), m.group(2)));
            }
        }
        return guests;
    }

    /** The guests written back as {@link #list} reads them. */
    public static String written(List<Guest> guests) {
        StringBuilder out = new StringBuilder();
        for (Guest g : guests) {
            out.append(out.isEmpty() ? "" : "; ").append(g.name());
            if (g.link() != null) {
                out.append(" <").append(g.link()).append('>');
            }
        }
        return out.toString();
    }
}
