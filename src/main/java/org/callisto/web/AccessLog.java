package org.callisto.web;

import java.util.Optional;
import org.callisto.config.Config;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.RequestLogWriter;

/**
 * The access log ({@code server.access_log}): one line per request in the NCSA combined format (Jetty's
 * {@link CustomRequestLog}), with the client address as {@link ForwardedHeaders} derived it, written to standard
 * output or appended to a file. A file name containing {@code yyyy_MM_dd} is rotated daily by Jetty, keeping 90
 * days; otherwise rotate it with newsyslog or logrotate ({@code copytruncate}).
 *
 * <p>Stateless; the logs it makes are thread-safe.
 */
final class AccessLog {
    /** NCSA combined: {@code client - user [time] "request" status bytes "referer" "user-agent"}. */
    static final String FORMAT = CustomRequestLog.EXTENDED_NCSA_FORMAT;

    private static final int RETAIN_DAYS = 90;

    private AccessLog() {}

    /** The log for {@code where} ({@code off}, {@code stdout} or a file path); empty for {@code off}. */
    static Optional<RequestLog> of(String where) {
        if (where.equals(Config.ServerConfig.ACCESS_LOG_OFF)) {
            return Optional.empty();
        }
        if (where.equals(Config.ServerConfig.ACCESS_LOG_STDOUT)) {
            RequestLog.Writer stdout = line -> {
                synchronized (System.out) {
                    System.out.println(line);
                }
            };
            return Optional.of(new CustomRequestLog(stdout, FORMAT));
        }
        RequestLogWriter file = new RequestLogWriter(where);
        file.setAppend(true);
        file.setRetainDays(RETAIN_DAYS);
        return Optional.of(new CustomRequestLog(file, FORMAT));
    }
}
