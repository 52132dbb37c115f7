package org.callisto.app;

import org.callisto.config.Version;
import picocli.CommandLine;

/** Supplies {@code callisto --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Callisto " + Version.VERSION + " on Java " + Runtime.version()};
    }
}
