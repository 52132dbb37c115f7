package org.callisto.app;

import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --port} option of commands that listen (serve, demo): overrides {@code server.port}. Pass
 * {@link #flags()} to {@link ConfigOptions#config(Map)}. Not thread-safe; filled in once by picocli.
 */
public final class PortOption {

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "HTTP port to listen on (server.port); 0 picks a free one.")
    Integer port;

    /** {@code server.port} when {@code --port} was given, else nothing. */
    public Map<String, String> flags() {
        return port == null ? Map.of() : Map.of("server.port", Integer.toString(port));
    }
}
