package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.callisto.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConfigOptionsTest {

    @Command(name = "probe")
    static final class Probe implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Mixin
        PortOption port;

        Config config;

        @Override
        public Integer call() {
            config = options.config(port.flags());
            return 0;
        }
    }

    @Test
    void flagsOverrideTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("callisto.conf");
        Files.writeString(file, "site.title = From the file\nserver.port = 7000\ndata.dir = /from/file\n");
        Probe probe = new Probe();
        int exit =
                new CommandLine(probe).execute("--config", file.toString(), "--data", dir.toString(), "--port", "9000");
        assertThat(exit).isZero();
        assertThat(probe.config.siteTitle()).isEqualTo("From the file");
        assertThat(probe.config.port()).isEqualTo(9000);
        assertThat(probe.config.dataDir()).isEqualTo(dir);
        assertThat(probe.config.databaseUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("callisto.db"));
    }

    @Test
    void theDatabaseUrlFlagWins(@TempDir Path dir) {
        Probe probe = new Probe();
        String url = "jdbc:sqlite:" + dir.resolve("other.db");
        assertThat(new CommandLine(probe).execute("--database-url", url)).isZero();
        assertThat(probe.config.databaseUrl()).isEqualTo(url);
        assertThat(probe.config.port()).isEqualTo(8080);
    }

    @Test
    void anOutOfRangePortIsAConfigurationError() {
        CommandLine cli = new CommandLine(new Probe()).setExecutionExceptionHandler(new ExitCodes());
        java.io.StringWriter err = new java.io.StringWriter();
        cli.setErr(new java.io.PrintWriter(err));
        assertThat(cli.execute("--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("server.port = 70000 is out of range");
    }
}
