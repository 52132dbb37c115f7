package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * With {@code metrics.graphite.host} set, the same meters are pushed in carbon's plaintext protocol: a real TCP
 * listener on loopback stands in for carbon and reads the lines.
 */
class GraphitePushTest {

    @Test
    void metricsArePushedAsCarbonPlaintextLinesToTheConfiguredHost() throws Exception {
        try (ServerSocket carbon = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            carbon.setSoTimeout(15_000);
            Config config = ConfigLoader.of(Map.of(
                    "server.port", "0",
                    "metrics.graphite.host", "127.0.0.1",
                    "metrics.graphite.port", Integer.toString(carbon.getLocalPort()),
                    "metrics.graphite.step", "1s"));
            List<String> lines = new ArrayList<>();
            try (Callisto callisto = Callisto.open(config, TestDatabases.open("sqlite"), Clock.systemUTC())) {
                callisto.round().run(List.of(), o -> {});
                long deadline = System.nanoTime() + 15_000_000_000L;
                while (System.nanoTime() < deadline && !seenAll(lines)) {
                    try (Socket push = carbon.accept();
                            BufferedReader in = new BufferedReader(
                                    new InputStreamReader(push.getInputStream(), StandardCharsets.UTF_8))) {
                        push.setSoTimeout(5_000);
                        for (String line; lines.size() < 100_000 && (line = in.readLine()) != null; ) {
                            lines.add(line);
                        }
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                }
            }
            assertThat(seenAll(lines))
                    .as("lines received: " + lines.size() + ", e.g. "
                            + lines.stream()
                                    .map(l -> l.split(" ")[0])
                                    .distinct()
                                    .limit(60)
                                    .toList())
                    .isTrue();
            assertThat(lines)
                    .as("carbon plaintext: name, value, epoch seconds")
                    .allMatch(l -> l.matches("\\S+ (-?[0-9.]+([eE][+-]?[0-9]+)?|NaN) \\d{10}"));
        }
    }

    private static boolean seenAll(List<String> lines) {
        return List.of("jvm.memory.used;area=heap", "process.uptime", "callisto.refresh.rounds", "db.pool.connections;")
                .stream()
                .allMatch(name -> lines.stream().anyMatch(l -> l.startsWith(name)));
    }
}
