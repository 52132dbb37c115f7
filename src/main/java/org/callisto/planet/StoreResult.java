package org.callisto.planet;

/** How many entries one store call added, changed and left alone. Immutable. */
public record StoreResult(int added, int updated, int unchanged) {}
