package org.callisto.web;

import java.lang.management.ManagementFactory;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps slow and numerous clients from taking the server's connections: a request's headers must arrive in full
 * within a bounded time, one client address may hold only so many connections, and past the total cap the oldest
 * idle connection is closed to make room for a new one.
 *
 * <p>At the per-address cap, the address's own oldest idle kept-alive connection (answered, then silent for a
 * second) makes room for its new one, so that many browsers behind one NAT address are not refused for the
 * connections they keep open between pages; a connection that never finished a request is never recycled this way.
 *
 * <p>Hand-written because Jetty 12.1 has none of the three: its idle timeout (which the connector uses for silence)
 * measures the time between two bytes, so a client sending one header byte every 10 s holds its connection forever;
 * {@code ConnectionLimit} and {@code NetworkConnectionLimit} stop accepting at their limit, which leaves every new
 * client, legitimate ones too, waiting in the kernel's queue behind whoever holds the connections; and nothing in it
 * counts connections per client address ({@code DoSHandler} and {@code ThreadLimitHandler} act on requests, after
 * their headers have arrived, which a slow client never lets happen). Jetty's {@code NetworkConnectionLimit} is still
 * used, above this cap, as the last guard of the process's file descriptors (see {@link WebServer}).
 *
 * <p>Registered as a {@link Connection.Listener} on the connector: it sees every connection open and close. What it
 * reads of a connection is public and thread-safe in Jetty: the count of requests whose headers were parsed
 * ({@link Connection#getMessagesIn()}), of responses begun ({@link Connection#getMessagesOut()}), and of bytes read
 * and written; a connection counts as idle when the last of these has not moved for a while. One scheduled thread checks the header deadlines a few times a second. A client refused
 * for a cap gets a short HTTP answer (429 from one address, 503 when the server is full of busy connections) before
 * the connection is closed; one whose headers are late gets 408. What it refused, shed and timed out is logged once a
 * minute, with the addresses refused most.
 *
 * <p>Thread-safe: Jetty's selector threads open and close connections concurrently with the checking thread.
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    /** A connection must have been silent this long to count as idle when one is shed for room. */
    static final Duration SHED_MIN_IDLE = Duration.ofSeconds(1);
    /** How many of the oldest connections are looked at for an idle one to shed, at most. */
    private static final int SHED_SCAN = 256;
    /** How many addresses' refusal counts are kept between two log lines, at most. */
    private static final int MAX_LOGGED_ADDRESSES = 1_000;
    /** How often the counts are logged (when anything was refused, shed or timed out). */
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final long headerTimeoutNanos;
    private final Duration headerTimeout;
    private final int maxConnections;
    private final int maxPerAddress;
    private final List<org.callisto.config.Cidr> uncapped;
    private final ConcurrentHashMap<Connection, Tracked> tracked = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, Tracked> byAge = new ConcurrentSkipListMap<>();
    /** Each address's admitted connections, oldest first; a list is only read or changed inside {@code compute}. */
    private final ConcurrentHashMap<InetAddress, List<Tracked>> perAddress = new ConcurrentHashMap<>();

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final LongAdder refusedPerAddress = new LongAdder();
    private final LongAdder refusedFull = new LongAdder();
    private final LongAdder shed = new LongAdder();
    private final LongAdder headerTimeouts = new LongAdder();
    private final ConcurrentHashMap<InetAddress, LongAdder> refusedBy = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checker;
    private volatile long lastLog = System.nanoTime();

    /**
     * @param headerTimeout  time a request's headers may take, from the request's first byte the server reads
     * @param maxConnections open connections at most (already fitted under the open-files limit)
     * @param maxPerAddress  open connections at most from one address (one IPv6 /64); 0 for no cap
     */
    ConnectionGuard(Duration headerTimeout, int maxConnections, int maxPerAddress) {
        this(headerTimeout, maxConnections, maxPerAddress, List.of());
    }

    /**
     * A guard under which the trusted reverse proxies ({@code uncapped}) are not held to the per-address cap: all
     * of a proxy's visitors come from its one address.
     */
    ConnectionGuard(
            Duration headerTimeout, int maxConnections, int maxPerAddress, List<org.callisto.config.Cidr> uncapped) {
        this.uncapped = List.copyOf(uncapped);
        this.headerTimeout = headerTimeout;
        this.headerTimeoutNanos = headerTimeout.toNanos();
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "callisto-connection-guard");
            t.setDaemon(true);
            return t;
        });
        long every = Math.clamp(headerTimeout.toMillis() / 4, 50, 1_000);
        checker.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The process's open-files limit, or {@code fallback} where the JVM cannot tell (not a Unix system).
     */
    static long openFileLimit(long fallback) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            long limit = os.getMaxFileDescriptorCount();
            return limit > 0 ? limit : fallback;
        }
        return fallback;
    }

    /** The files kept free of connections under an open-files limit, for the database, logs and media files. */
    static long reserve(long fileLimit) {
        return Math.max(256, fileLimit / 10);
    }

    /** {@code configured} lowered, if need be, to leave {@link #reserve} files free under {@code fileLimit}. */
    static int effectiveCap(int configured, long fileLimit) {
        long room = fileLimit - reserve(fileLimit);
        return (int) Math.max(16, Math.min(configured, room));
    }

    private boolean isUncapped(EndPoint endPoint) {
        if (uncapped.isEmpty() || !(endPoint.getRemoteSocketAddress() instanceof InetSocketAddress isa)) {
            return false;
        }
        return uncapped.stream().anyMatch(range -> range.contains(isa.getAddress()));
    }

    /** Connections open now (admitted ones; refused ones are not counted). */
    int openConnections() {
        return open.get();
    }

    @Override
    public void onOpened(Connection connection) {
        EndPoint endPoint = connection.getEndPoint();
        InetAddress address = endPoint.getRemoteSocketAddress() instanceof InetSocketAddress isa
                ? addressKey(isa.getAddress())
                : null;
        Tracked t = new Tracked(connection, address, sequence.incrementAndGet(), System.nanoTime());
        if (address != null && maxPerAddress > 0 && !isUncapped(endPoint)) {
            Tracked[] victim = {null};
            if (!admit(address, t, victim)) {
                refusedPerAddress.increment();
                if (refusedBy.size() < MAX_LOGGED_ADDRESSES || refusedBy.containsKey(address)) {
                    refusedBy.computeIfAbsent(address, a -> new LongAdder()).increment();
                }
                refuse(
                        endPoint,
                        "429 Too Many Requests",
                        "Too many connections from " + address.getHostAddress() + ": at most " + maxPerAddress
                                + " at a time from one address (server.max_connections_per_address). Close idle"
                                + " connections and try again.");
                return;
            }
            if (victim[0] != null) {
                shed.increment();
                victim[0].connection.getEndPoint().close();
            }
        }
        tracked.put(connection, t);
        byAge.put(t.sequence, t);
        if (open.incrementAndGet() > maxConnections && !shedOldestIdle(t)) {
            refusedFull.increment();
            refuse(
                    endPoint,
                    "503 Service Unavailable",
                    "The server has " + maxConnections + " connections open (server.max_connections), all busy."
                            + " Try again in a few seconds.");
        }
    }

    @Override
    public void onClosed(Connection connection) {
        Tracked t = tracked.remove(connection);
        if (t == null) {
            return; // refused before it was admitted
        }
        byAge.remove(t.sequence);
        open.decrementAndGet();
        if (t.address != null && maxPerAddress > 0) {
            perAddress.computeIfPresent(t.address, (a, list) -> {
                list.remove(t);
                return list.isEmpty() ? null : list;
            });
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }

    /**
     * Counts {@code newcomer} among the connections of {@code address}, unless that address already holds the most
     * it may. At the cap, the address's oldest kept-alive connection that is idle (it has been answered and is
     * silent) gives up its place and is put in {@code victim} to be closed: so many browsers behind one NAT address
     * recycle their idle connections instead of being refused, while connections that never finished a request (slow
     * clients) are never recycled, and the newcomer is refused.
     */
    private boolean admit(InetAddress address, Tracked newcomer, Tracked[] victim) {
        boolean[] admitted = {false};
        long now = System.nanoTime();
        perAddress.compute(address, (a, list) -> {
            List<Tracked> members = list == null ? new ArrayList<>() : list;
            if (members.size() >= maxPerAddress) {
                for (Tracked m : members) {
                    Connection c = m.connection;
                    long in = c.getMessagesIn();
                    if (in > 0 && in == c.getMessagesOut() && isSilent(m, now) && m.shed.compareAndSet(false, true)) {
                        victim[0] = m;
                        break;
                    }
                }
                if (victim[0] == null) {
                    return list;
                }
                members.remove(victim[0]);
            }
            admitted[0] = true;
            members.add(newcomer);
            return members;
        });
        return admitted[0];
    }

    /** Whether nothing was read or written on a connection for {@link #SHED_MIN_IDLE}, as far as the checks saw. */
    private static boolean isSilent(Tracked t, long now) {
        Connection c = t.connection;
        return now - t.lastActive >= SHED_MIN_IDLE.toNanos() && c.getBytesIn() + c.getBytesOut() == t.traffic;
    }

    /**
     * Closes the oldest connection that is between requests and has been silent for {@link #SHED_MIN_IDLE}, other
     * than {@code newcomer}; false when none of the oldest {@link #SHED_SCAN} is.
     */
    private boolean shedOldestIdle(Tracked newcomer) {
        long now = System.nanoTime();
        int looked = 0;
        for (Tracked t : byAge.values()) {
            if (++looked > SHED_SCAN) {
                break;
            }
            Connection c = t.connection;
            if (t == newcomer || t.shed.get() || c.getMessagesIn() > c.getMessagesOut() || !isSilent(t, now)) {
                continue;
            }
            if (t.shed.compareAndSet(false, true)) {
                shed.increment();
                c.getEndPoint().close();
                return true;
            }
        }
        return false;
    }

    /** Closes connections whose request headers are later than the header timeout; logs the counts now and then. */
    private void check() {
        try {
            long now = System.nanoTime();
            for (Tracked t : byAge.values()) {
                Connection c = t.connection;
                long traffic = c.getBytesIn() + c.getBytesOut();
                if (traffic != t.traffic) {
                    t.traffic = traffic;
                    t.lastActive = now;
                }
                long requests = c.getMessagesIn();
                if (requests != t.requestsSeen) { // a request's headers arrived: the next one's clock is not running
                    t.requestsSeen = requests;
                    t.bytesMark = c.getBytesIn();
                    t.headersSince = 0;
                    continue;
                }
                if (requests > c.getMessagesOut()) { // a request is being answered
                    t.bytesMark = c.getBytesIn();
                    continue;
                }
                if (t.headersSince == 0) {
                    long bytes = c.getBytesIn();
                    if (bytes == t.bytesMark) {
                        continue; // silent between requests: the idle timeout's business
                    }
                    t.headersSince = now; // the first bytes of the next request
                }
                if (now - t.headersSince > headerTimeoutNanos && !t.shed.get()) {
                    headerTimeouts.increment();
                    t.shed.set(true);
                    refuse(
                            c.getEndPoint(),
                            "408 Request Timeout",
                            "The request's headers did not arrive within " + headerTimeout.toMillis()
                                    + " ms (server.header_timeout). Send them at once.");
                }
            }
            if (now - lastLog > LOG_EVERY.toNanos()) {
                lastLog = now;
                logCounts();
            }
        } catch (RuntimeException e) {
            LOG.warn("web: the connection guard's check failed; it runs again shortly", e);
        }
    }

    private void logCounts() {
        long overAddress = refusedPerAddress.sumThenReset();
        long full = refusedFull.sumThenReset();
        long shedNow = shed.sumThenReset();
        long late = headerTimeouts.sumThenReset();
        List<Map.Entry<InetAddress, Long>> top = new ArrayList<>();
        for (InetAddress a : List.copyOf(refusedBy.keySet())) {
            LongAdder n = refusedBy.remove(a);
            if (n != null) {
                top.add(Map.entry(a, n.sum()));
            }
        }
        if (overAddress + full + shedNow + late == 0) {
            return;
        }
        top.sort(Map.Entry.<InetAddress, Long>comparingByValue(Comparator.reverseOrder()));
        StringBuilder most = new StringBuilder();
        for (int i = 0; i < Math.min(5, top.size()); i++) {
            most.append(i == 0 ? "" : ", ")
                    .append(top.get(i).getKey().getHostAddress())
                    .append(" (")
                    .append(top.get(i).getValue())
                    .append(')');
        }
        LOG.warn(
                "web: connections in the last minute: {} refused over {} per address"
                        + " (server.max_connections_per_address){}; {} closed because their request headers took"
                        + " over {} ms (server.header_timeout); {} idle ones closed to make room and {} refused at"
                        + " the cap of {} (server.max_connections); {} open now",
                overAddress,
                maxPerAddress,
                most.isEmpty() ? "" : ", most from " + most,
                late,
                headerTimeout.toMillis(),
                shedNow,
                full,
                maxConnections,
                open.get());
    }

    /**
     * Answers {@code status} with a plain-text {@code message} and closes the connection. Whatever the client already
     * sent is read and dropped first (without waiting), so that closing does not reset the connection and lose the
     * answer.
     */
    private static void refuse(EndPoint endPoint, String status, String message) {
        try {
            ByteBuffer sink = BufferUtil.allocate(8 * 1024);
            endPoint.fill(sink);
            byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
            String head = "HTTP/1.1 " + status + "\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n"
                    + (status.startsWith("408") ? "" : "Retry-After: 10\r\n")
                    + "Cache-Control: no-store\r\n"
                    + SecurityHeaders.asHeaderLines()
                    + "\r\n";
            endPoint.flush(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)), ByteBuffer.wrap(body));
            endPoint.shutdownOutput();
        } catch (Exception e) {
            // the client is gone or its window is full: closing is all that is left
        } finally {
            endPoint.close();
        }
    }

    /** The address a connection counts against: the address itself for IPv4, its /64 network for IPv6. */
    static InetAddress addressKey(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            try {
                return InetAddress.getByAddress(bytes);
            } catch (UnknownHostException e) {
                return address; // sixteen bytes are always an address
            }
        }
        return address;
    }

    /** What the guard knows of one admitted connection; its mutable fields belong to the checking thread. */
    private static final class Tracked {
        final Connection connection;
        final InetAddress address;
        final long sequence;
        final AtomicBoolean shed = new AtomicBoolean();
        long requestsSeen;
        long bytesMark;
        /** Bytes read and written when the checking thread last looked, and when that count last moved. */
        volatile long traffic;

        volatile long lastActive;
        /**
         * When the guard first saw bytes of the current request arrive, or 0 before that. Bytes that the server has
         * not yet read (because it is busy) do not count: a client is only held to what it visibly did.
         */
        long headersSince;

        Tracked(Connection connection, InetAddress address, long sequence, long openedNanos) {
            this.connection = connection;
            this.address = address;
            this.sequence = sequence;
            this.lastActive = openedNanos;
        }
    }
}
