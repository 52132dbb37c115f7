package org.callisto.planet.parse;

/** A media file attached to an entry. {@code length} is -1 when unknown; {@code type} may be null. Immutable. */
public record Enclosure(String url, String type, long length) {}
