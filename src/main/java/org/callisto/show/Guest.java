package org.callisto.show;

import java.util.Objects;

/**
 * A guest of an episode ({@code podcast:person role="guest"}). Immutable.
 *
 * @param name the guest's name
 * @param link a page about them, or null
 */
public record Guest(String name, String link) {

    public Guest {
        Objects.requireNonNull(name, "name");
    }
}
