package org.callisto.app;

import java.io.PrintWriter;
import org.callisto.planet.SubscriptionImport;

/** Prints the outcome of an import the same way for every import command. Stateless and thread-safe. */
final class ImportReport {

    private ImportReport() {}

    /** A heading, the summary line, then one line per skipped item with its reason. */
    static void print(PrintWriter out, String heading, SubscriptionImport importer) {
        out.println(heading + ": " + importer.summary() + ".");
        for (SubscriptionImport.Result r : importer.results()) {
            if (r.outcome() == SubscriptionImport.Outcome.SKIPPED) {
                out.println("  skipped " + r.url() + ": " + r.reason());
            }
        }
    }
}
