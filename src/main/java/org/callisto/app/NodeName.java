package org.callisto.app;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This process's name among the nodes sharing a database: host name, process id and a random part (so that two
 * instances in one process, as in tests, are told apart), e.g. {@code web1/4711/3f9a2c}. Stateless and thread-safe.
 */
final class NodeName {
    private NodeName() {}

    static String of() {
        // the host name as the system keeps it, never through DNS (a start must not wait on a resolver)
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname"))
                        .strip();
            } catch (java.io.IOException | RuntimeException e) {
                host = "";
            }
        }
        if (host.isBlank()) {
            host = "node";
        }
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
    }
}
