package org.callisto.app;

import java.util.concurrent.Callable;
import org.callisto.account.Accounts;
import org.callisto.config.Config;
import org.callisto.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code callisto serve}: the site, with the feed scheduler running inside. Accounts made by {@code callisto demo} on
 * the same data are banned before the site starts ({@link Accounts#disableDemoAccounts}).
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve the site and refresh feeds on their schedules until stopped (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Mixin
    PortOption port;

    @picocli.CommandLine.Option(
            names = "--export",
            paramLabel = "DIR",
            description = "Also write the public site as static files into DIR after each refresh round that"
                    + " changed something (see 'callisto export').")
    java.nio.file.Path exportDir;

    @Override
    public Integer call() throws InterruptedException {
        Config config = options.config(port.flags());
        ShutdownSignal shutdown = ShutdownSignal.register();
        try (Callisto callisto = Callisto.open(config)) {
            disableDemoAccounts(callisto);
            System.out.println(mailStatus(config));
            WebServer web = callisto.startWeb(routes -> {});
            if (exportDir == null) {
                callisto.startScheduler();
            } else {
                ExportAfterRounds export = new ExportAfterRounds(web, config, exportDir, callisto.clock());
                callisto.startScheduler(export::afterRound);
                System.out.println("serve: the site is exported into " + exportDir + " after each refresh round");
            }
            System.out.println(
                    "Callisto is serving " + config.siteTitle() + " on http://localhost:" + web.port() + "/");
            shutdown.await();
        } finally {
            shutdown.closed();
        }
        return 0;
    }

    /** The startup line about mail: where it goes, or which features are off without it. */
    static String mailStatus(Config config) {
        Config.MailConfig mail = config.mail();
        if (mail.enabled()) {
            return "serve: mail goes through " + mail.host() + ":" + mail.port() + " ("
                    + mail.tls().name().toLowerCase(java.util.Locale.ROOT) + ") from " + mail.from();
        }
        return "serve: mail is off (mail.host is empty): password reset by mail, address confirmation, invitation"
                + " mail and notification mail are off; see docs/configuration.md to set mail.*";
    }

    /** Bans the accounts {@code callisto demo} made on this data, saying so when there were any; returns how many. */
    static int disableDemoAccounts(Callisto callisto) {
        int banned = callisto.accounts().disableDemoAccounts();
        if (banned > 0) {
            System.out.println("serve: disabled " + banned + " demo account(s) left by callisto demo; they cannot"
                    + " log in here");
        }
        return banned;
    }
}
