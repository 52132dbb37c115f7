package org.callisto.config;

/** The version of this build of Callisto. */
public final class Version {
    /** Semantic version string. */
    public static final String VERSION = "0.1.0";

    private Version() {}
}
