package org.callisto.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.callisto.config.Config;
import org.callisto.web.StaticExport;
import org.callisto.web.WebServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto export DIR}: writes the whole public site as static files (see {@link StaticExport}), by serving
 * it on a private loopback port for the time of the export and reading every page from there. Run it again after a
 * refresh to update only what changed, or let {@code serve --export DIR} do it after each refresh round. Not
 * thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write the public site (pages, feeds, OPML, stylesheet) as static files into DIR; only changed"
                + " files are written again.")
final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "DIR", description = "The directory to write into (made when missing).")
    Path dir;

    @Option(
            names = "--max-files",
            paramLabel = "N",
            defaultValue = "200000",
            description = "Stop after this many files (default: ${DEFAULT-VALUE}).")
    int maxFiles;

    @Override
    public Integer call() throws InterruptedException {
        Config config = options.config(Map.of("server.port", "0", "server.bind", "127.0.0.1"));
        try (Callisto callisto = Callisto.open(config)) {
            WebServer web = callisto.startWeb(routes -> {}); // closed with callisto
            StaticExport.Report report = export(web, config, dir, maxFiles);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Exported " + config.siteTitle() + " into " + dir + ": " + report);
            report.problems().stream().limit(50).forEach(p -> out.println("  " + p));
            out.flush();
            return report.problems().isEmpty() ? 0 : 1;
        }
    }

    /** Exports what {@code web} serves into {@code dir}. */
    static StaticExport.Report export(WebServer web, Config config, Path dir, int maxFiles)
            throws InterruptedException {
        try {
            return new StaticExport(URI.create("http://127.0.0.1:" + web.port() + "/"), config.siteUrl(), maxFiles)
                    .export(dir);
        } catch (IOException e) {
            throw new CommandFailure("cannot write the export into " + dir + ": "
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage())
                    + "; check that the directory can be written");
        }
    }
}
