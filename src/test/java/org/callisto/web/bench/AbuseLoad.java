package org.callisto.web.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile clients of {@code bin/bench-abuse}, one mode per process, each printing one line of figures:
 *
 * <ul>
 *   <li>{@code slow PORT SECONDS CONNECTIONS INTERVAL_S RECONNECT_S RATE ADDR...}: holds up to CONNECTIONS
 *       connections to 127.0.0.1:PORT, spread over the source addresses ADDR (each of 127.0.0.0/8), opening at most
 *       RATE a second; each sends a request line and then one header byte every INTERVAL_S seconds, never finishing
 *       its headers. A connection the server closes is opened again after RECONNECT_S seconds (0: never).
 *   <li>{@code probe HOST PORT PATH SECONDS PER_SECOND}: a normal reader from 127.0.0.1, one GET at a time on a new
 *       connection, PER_SECOND a second; prints the latency's p50, p99 and maximum and the failures.
 *   <li>{@code login-flood PORT SECONDS CLIENTS FIRST_ADDR}: CLIENTS clients, each from its own address counting up
 *       from FIRST_ADDR, each in a loop fetching {@code /login} (for the form's token and cookie) and posting a wrong
 *       password for an account that does not exist; prints the answers by status and the POST's latency.
 * </ul>
 *
 * <p>Everything is bounded by SECONDS; sockets have timeouts. One selector thread holds all the slow connections, so
 * tens of thousands cost a few megabytes. Loopback only.
 */
public final class AbuseLoad {
    private AbuseLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "slow" -> slow(rest);
            case "probe" -> probe(rest);
            case "login-flood" -> loginFlood(rest);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: AbuseLoad slow PORT SECONDS CONNECTIONS INTERVAL_S RECONNECT_S RATE ADDR...\n"
                + "       AbuseLoad probe HOST PORT PATH SECONDS PER_SECOND\n"
                + "       AbuseLoad login-flood PORT SECONDS CLIENTS FIRST_ADDR");
        System.exit(2);
    }

    // ---- slow connections

    private static final class Slow {
        final InetAddress from;
        SocketChannel channel;
        /** Counts up when the connection closes, so that its trickle entries left in the queue are skipped. */
        int generation;

        boolean connected;
        final ByteArrayOutputStream answer = new ByteArrayOutputStream();

        Slow(InetAddress from) {
            this.from = from;
        }
    }

    private static void slow(String[] a) throws IOException {
        int port = Integer.parseInt(a[0]);
        long seconds = Long.parseLong(a[1]);
        int connections = Integer.parseInt(a[2]);
        long intervalNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(a[3]));
        long reconnectNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(a[4]));
        int rate = Integer.parseInt(a[5]);
        List<InetAddress> from = new ArrayList<>();
        for (int i = 6; i < a.length; i++) {
            from.add(InetAddress.getByName(a[i]));
        }
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        PriorityQueue<Due> due = new PriorityQueue<>((x, y) -> Long.compare(x.at, y.at));
        for (int i = 0; i < connections; i++) {
            Slow s = new Slow(from.get(i % from.size()));
            due.add(new Due(start + (long) i * 1_000_000_000L / Math.max(1, rate), s, 0));
        }
        long opened = 0;
        long connectFailures = 0;
        long closedByServer = 0;
        long open = 0;
        long maxOpen = 0;
        long bytesSent = 0;
        Map<String, Long> answers = new TreeMap<>();
        ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024);
        ByteBuffer oneByte = ByteBuffer.allocate(1);
        ByteBuffer requestLine =
                ByteBuffer.wrap("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        try (Selector selector = Selector.open()) {
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                while (!due.isEmpty() && due.peek().at <= now) {
                    Due d = due.poll();
                    Slow s = d.slow;
                    if (d.generation != s.generation) {
                        continue; // the connection it belonged to has closed
                    }
                    if (s.channel == null) {
                        try {
                            SocketChannel ch = SocketChannel.open();
                            ch.configureBlocking(false);
                            ch.bind(new InetSocketAddress(s.from, 0));
                            s.channel = ch;
                            s.connected = false;
                            s.answer.reset();
                            opened++;
                            if (ch.connect(target)) {
                                s.connected = true;
                                open++;
                                requestLine.rewind();
                                bytesSent += ch.write(requestLine);
                                ch.register(selector, SelectionKey.OP_READ, s);
                                due.add(new Due(now + intervalNanos, s, s.generation));
                            } else {
                                ch.register(selector, SelectionKey.OP_CONNECT, s);
                            }
                        } catch (IOException e) {
                            connectFailures++;
                            closeQuietly(s);
                            if (reconnectNanos > 0) {
                                due.add(new Due(now + reconnectNanos, s, s.generation));
                            }
                        }
                    } else if (s.connected && s.channel.isOpen()) {
                        try {
                            oneByte.clear();
                            oneByte.put((byte) 'x').flip();
                            bytesSent += s.channel.write(oneByte);
                            due.add(new Due(now + intervalNanos, s, s.generation));
                        } catch (IOException e) {
                            // noticed as closed by the read below
                        }
                    }
                }
                maxOpen = Math.max(maxOpen, open);
                long waitMs = due.isEmpty() ? 50 : Math.max(1, (due.peek().at - System.nanoTime()) / 1_000_000);
                selector.select(Math.min(waitMs, 50));
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    Slow s = (Slow) key.attachment();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isConnectable()) {
                        try {
                            s.channel.finishConnect();
                            s.connected = true;
                            open++;
                            requestLine.rewind();
                            bytesSent += s.channel.write(requestLine);
                            key.interestOps(SelectionKey.OP_READ);
                            due.add(new Due(System.nanoTime() + intervalNanos, s, s.generation));
                        } catch (IOException e) {
                            connectFailures++;
                            key.cancel();
                            closeQuietly(s);
                            if (reconnectNanos > 0) {
                                due.add(new Due(System.nanoTime() + reconnectNanos, s, s.generation));
                            }
                        }
                        continue;
                    }
                    if (key.isReadable()) {
                        int n;
                        try {
                            readBuffer.clear();
                            n = s.channel.read(readBuffer);
                            if (n > 0 && s.answer.size() < 64) {
                                s.answer.write(readBuffer.array(), 0, n);
                            }
                        } catch (IOException e) {
                            n = -1;
                        }
                        if (n < 0) {
                            closedByServer++;
                            open--;
                            answers.merge(statusOf(s.answer.toString(StandardCharsets.ISO_8859_1)), 1L, Long::sum);
                            key.cancel();
                            closeQuietly(s);
                            if (reconnectNanos > 0) {
                                due.add(new Due(System.nanoTime() + reconnectNanos, s, s.generation));
                            }
                        }
                    }
                }
            }
        }
        System.out.printf(
                "slow: connections=%d opened=%d open_at_end=%d max_open=%d closed_by_server=%d"
                        + " connect_failures=%d bytes_sent=%d answers=%s%n",
                connections, opened, open, maxOpen, closedByServer, connectFailures, bytesSent, compact(answers));
        System.exit(0); // the open connections close with the process
    }

    /** A map as one word ({a=1,b=2}), so that the script can cut the figures line at spaces. */
    private static String compact(Map<String, Long> counts) {
        return counts.toString().replace(" ", "");
    }

    private static String statusOf(String answer) {
        return answer.startsWith("HTTP/1.1 ") && answer.length() >= 12 ? answer.substring(9, 12) : "none";
    }

    private static void closeQuietly(Slow s) {
        try {
            if (s.channel != null) {
                s.channel.close();
            }
        } catch (IOException ignored) {
            // closing a socket that is gone
        }
        s.channel = null;
        s.connected = false;
        s.generation++;
    }

    /** When to do the next thing for a connection: open it, or send it another byte. */
    private record Due(long at, Slow slow, int generation) {}

    // ---- a normal reader

    private static void probe(String[] a) throws Exception {
        String host = a[0];
        int port = Integer.parseInt(a[1]);
        String path = a[2];
        long seconds = Long.parseLong(a[3]);
        int perSecond = Integer.parseInt(a[4]);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long spacing = 1_000_000_000L / Math.max(1, perSecond);
        List<Long> latencies = new ArrayList<>();
        Map<String, Long> failures = new TreeMap<>();
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept-Encoding: gzip\r\n"
                + "Connection: close\r\n\r\n";
        long next = System.nanoTime();
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            String failure = null;
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
                s.setSoTimeout(10_000);
                s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                byte[] all = s.getInputStream().readAllBytes();
                String head = new String(all, 0, Math.min(all.length, 12), StandardCharsets.ISO_8859_1);
                if (!head.startsWith("HTTP/1.1 200")) {
                    failure = "status " + statusOf(head);
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            }
            long took = System.nanoTime() - t0;
            if (failure == null) {
                latencies.add(took);
            } else {
                failures.merge(failure, 1L, Long::sum);
            }
            next += spacing;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            } else {
                next = System.nanoTime();
            }
        }
        latencies.sort(null);
        System.out.printf(
                "probe: path=%s requests=%d p50_ms=%s p99_ms=%s max_ms=%s failures=%s%n",
                path,
                latencies.size()
                        + failures.values().stream().mapToLong(Long::longValue).sum(),
                ms(percentile(latencies, 50)),
                ms(percentile(latencies, 99)),
                ms(latencies.isEmpty() ? -1 : latencies.getLast()),
                compact(failures));
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.clamp(i, 0, sorted.size() - 1));
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "?" : String.format("%.1f", nanos / 1e6);
    }

    // ---- a login flood

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern SET_COOKIE = Pattern.compile("(?im)^Set-Cookie:\\s*([^=;\\s]+)=([^;\\r\\n]*)");

    private static void loginFlood(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]);
        long seconds = Long.parseLong(a[1]);
        int clients = Integer.parseInt(a[2]);
        byte[] first = InetAddress.getByName(a[3]).getAddress();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int base = ((first[1] & 0xff) << 16) | ((first[2] & 0xff) << 8) | (first[3] & 0xff);
                int n = base + c;
                InetAddress from =
                        InetAddress.getByAddress(new byte[] {127, (byte) (n >> 16), (byte) (n >> 8), (byte) n});
                String user = "flood" + c;
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            String form = exchange(
                                    from,
                                    port,
                                    "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Connection: close\r\n\r\n");
                            Matcher token = CSRF.matcher(form);
                            if (!token.find()) {
                                statuses.computeIfAbsent("form " + statusOf(form), k -> new LongAdder())
                                        .increment();
                                Thread.sleep(1_000);
                                continue;
                            }
                            Map<String, String> cookies = new HashMap<>();
                            Matcher m = SET_COOKIE.matcher(form.substring(0, Math.max(0, form.indexOf("\r\n\r\n"))));
                            while (m.find()) {
                                cookies.put(m.group(1), m.group(2));
                            }
                            StringBuilder cookie = new StringBuilder();
                            cookies.forEach((k, v) -> cookie.append(cookie.isEmpty() ? "" : "; ")
                                    .append(k)
                                    .append('=')
                                    .append(v));
                            String body = "csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
                                    + "&username=" + user + "&password=wrong-password-" + System.nanoTime();
                            long t0 = System.nanoTime();
                            String answer = exchange(
                                    from,
                                    port,
                                    "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                            + "Content-Type: application/x-www-form-urlencoded\r\n"
                                            + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n")
                                            + "Content-Length: " + body.length() + "\r\n\r\n" + body);
                            latencies.add(System.nanoTime() - t0);
                            statuses.computeIfAbsent(statusOf(answer), k -> new LongAdder())
                                    .increment();
                        } catch (IOException e) {
                            statuses.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder())
                                    .increment();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        Map<String, Long> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.sum()));
        System.out.printf(
                "login-flood: clients=%d posts=%d per_second=%.1f post_p50_ms=%s post_p99_ms=%s answers=%s%n",
                clients,
                sorted.size(),
                sorted.size() / (double) seconds,
                ms(percentile(sorted, 50)),
                ms(percentile(sorted, 99)),
                compact(counts));
    }

    /** One request on a new connection from {@code from}; the whole answer, read until the server closes. */
    private static String exchange(InetAddress from, int port, String request) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
