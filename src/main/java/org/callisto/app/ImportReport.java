package org.callisto.app;

import java.io.PrintWriter;
import org.callisto.planet.SubscriptionImport;
import org.callisto.planet.SubscriptionUrl;

/** Prints the outcome of an import the same way for every import command. Stateless and thread-safe. */
final class ImportReport {

    private ImportReport() {}

    /**
     * A heading, the summary line, then one line per skipped item with its reason; a long URL is shown by its
     * beginning only (the reason says how long it is).
     */
    static void print(PrintWriter out, String heading, SubscriptionImport importer) {
        out.println(heading + ": " + importer.summary() + ".");
        for (SubscriptionImport.Result r : importer.skipped()) {
            out.println("  skipped " + SubscriptionUrl.excerpt(r.url()) + ": " + r.reason());
        }
    }
}
