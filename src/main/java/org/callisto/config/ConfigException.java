package org.callisto.config;

/** A configuration value is missing or wrong; the message names the key, the bad value and the fix. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
