package org.callisto.planet.parse;

/** An author or contributor; any part may be null. Immutable. */
public record Person(String name, String email, String uri) {}
