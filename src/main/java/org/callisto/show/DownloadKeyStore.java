package org.callisto.show;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.callisto.db.Database;
import org.callisto.db.Sql;
import org.callisto.show.media.DownloadCounter;

/**
 * The daily keys of the listener hashes (table {@code download_keys}): 256 random bits per UTC day, made by the
 * first node that needs the day's key and read by every other node on the same database, so that all nodes hash a
 * listener alike. Keys older than yesterday are deleted by {@link #purge()}; with them, the link between any hash
 * and an address is gone for good.
 *
 * <p>Keys are cached in memory: the download path asks the database at most once per day and node, and the flusher
 * asks ahead of time for today's and tomorrow's keys ({@link #prepare()}), so that usually not even once.
 *
 * <p>Thread-safe: the cache is a {@link ConcurrentHashMap}; two nodes making the same day's key at once agree on
 * the one stored first ({@code INSERT ... ON CONFLICT DO NOTHING}, then read back).
 */
public final class DownloadKeyStore implements DownloadCounter.Keys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] NONE = new byte[0];

    private final Database db;
    private final Clock clock;
    private final ConcurrentHashMap<LocalDate, byte[]> cache = new ConcurrentHashMap<>();

    public DownloadKeyStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public byte[] key(LocalDate day, boolean create) {
        byte[] cached = cache.get(day);
        if (cached != null && (cached != NONE || !create)) {
            return cached == NONE ? null : cached;
        }
        byte[] key = create ? made(day) : stored(day).orElse(null);
        if (key != null || !day.isAfter(today())) {
            // a past day's missing key never appears later; a future day's may
            cache.put(day, key == null ? NONE : key);
        }
        return key;
    }

    /** Makes sure today's and tomorrow's keys exist and are cached, and that yesterday's is cached if stored. */
    public void prepare() {
        LocalDate today = today();
        key(today, true);
        key(today.plusDays(1), true);
        key(today.minusDays(1), false);
    }

    /** Deletes the keys of days before yesterday, from the database and from the cache. */
    public int purge() {
        LocalDate yesterday = today().minusDays(1);
        cache.keySet().removeIf(d -> d.isBefore(yesterday));
        return db.withConnection(c -> Sql.update(c, "DELETE FROM download_keys WHERE day < ?", yesterday.toString()));
    }

    private byte[] made(LocalDate day) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        db.withConnection(c -> Sql.update(
                c,
                "INSERT INTO download_keys (day, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (day) DO NOTHING",
                day.toString(),
                secret,
                clock.millis()));
        return stored(day)
                .orElseThrow(() -> new IllegalStateException("the download key of " + day + " was stored but cannot"
                        + " be read back from download_keys; check the database"));
    }

    private Optional<byte[]> stored(LocalDate day) {
        return db.withConnection(c -> Sql.first(
                c,
                "SELECT secret FROM download_keys WHERE day = ?",
                rs -> rs.getString(1).getBytes(StandardCharsets.UTF_8),
                day.toString()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
