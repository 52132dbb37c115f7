/**
 * The configuration: one immutable {@link org.callisto.config.Config} record, read by
 * {@link org.callisto.config.ConfigLoader} from {@code callisto.conf}, {@code CALLISTO_*} environment variables and
 * command-line flags, validated in one place, and passed explicitly to whatever needs it (there is no global).
 * A bad value fails with a {@link org.callisto.config.ConfigException} naming the key, the value and the fix.
 *
 * <p>Imports no other Callisto package. Everything here is immutable and thread-safe.
 */
package org.callisto.config;
