package org.callisto.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Bytes over a plain socket, for what an HTTP client library will not send: malformed request lines, headers one
 * byte at a time, connections from a chosen loopback address. Every read is bounded by a socket timeout. Not
 * thread-safe; one per connection.
 */
final class RawHttp implements AutoCloseable {
    final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** Connects to {@code 127.0.0.1:port} from {@code from} (any address of 127.0.0.0/8 works on Linux). */
    static RawHttp connect(String from, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        s.setSoTimeout(5_000);
        return new RawHttp(s);
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Sends a whole request and reads the answer until the server closes ({@code Connection: close}). */
    static String exchange(String from, int port, String request) throws IOException {
        try (RawHttp c = connect(from, port)) {
            c.send(request);
            return c.readUntilClosed(Duration.ofSeconds(5));
        }
    }

    /**
     * Everything the server sends until it closes the connection; throws when it is still open after {@code limit}.
     */
    String readUntilClosed(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        socket.setSoTimeout(200);
        while (System.nanoTime() < deadline) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) { // reset: the server closed with bytes unread
                return out.toString(StandardCharsets.ISO_8859_1);
            }
            if (n < 0) {
                return out.toString(StandardCharsets.ISO_8859_1);
            }
            out.write(buffer, 0, n);
        }
        throw new IOException("the connection is still open after " + limit + "; received so far: " + out);
    }

    /** What arrives within {@code time}, whether or not the server closes the connection meanwhile. */
    String readFor(Duration time) throws IOException {
        long deadline = System.nanoTime() + time.toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        socket.setSoTimeout(50);
        while (System.nanoTime() < deadline) {
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                // nothing yet
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Whether the server has closed the connection, waiting at most {@code wait} for it. */
    boolean closedWithin(Duration wait) throws IOException {
        try {
            readUntilClosed(wait);
            return true;
        } catch (IOException stillOpen) {
            return false;
        }
    }

    /** The value of header {@code name} in a raw response, or null. */
    static String header(String response, String name) {
        for (String line : response.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    /** The status code of a raw response, or -1 when it has none. */
    static int status(String response) {
        if (!response.startsWith("HTTP/1.1 ") || response.length() < 12) {
            return -1;
        }
        return Integer.parseInt(response.substring(9, 12));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
