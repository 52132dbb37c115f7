package org.callisto.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.callisto.config.Config;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The connection pool of one process, for SQLite (WAL mode, the default) or PostgreSQL, with migrations applied
 * at open. Thread-safe; close it once at shutdown.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final Dialect dialect;
    /** SQLite has one writer at a time: writers of this process queue here instead of spinning on the file lock. */
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** Opens the configured database and brings its schema up to date, stamping migrations on the system clock. */
    public static Database open(Config config) {
        return open(config, Clock.systemUTC());
    }

    /** Opens the configured database and brings its schema up to date, stamping migrations with {@code clock}. */
    public static Database open(Config config, Clock clock) {
        return open(config.databaseUrl(), config.databaseUser(), config.databasePassword(), config.pool(), clock);
    }

    /** {@link #open(String, String, String, Clock)} on the system clock. */
    public static Database open(String url, String user, String password) {
        return open(url, user, password, Clock.systemUTC());
    }

    /**
     * The longest a request waits for a PostgreSQL connection: past it, the database counts as away and pages answer
     * 503 (or from the page cache), so that an outage shows within two seconds.
     */
    public static final java.time.Duration POSTGRES_CONNECTION_WAIT = java.time.Duration.ofMillis(1_500);

    /** SQLite connections are files: waiting for one means waiting for other threads, never for a server. */
    static final java.time.Duration SQLITE_CONNECTION_WAIT = java.time.Duration.ofSeconds(30);

    /** A PostgreSQL query whose answer has not come for this long is given up (a partitioned network). */
    static final int SOCKET_TIMEOUT_SECONDS = 120;

    /**
     * Opens a database by JDBC URL and migrates it.
     *
     * @throws DatabaseException naming the URL when it cannot be opened or migrated
     */
    public static Database open(String url, String user, String password, Clock clock) {
        return open(url, user, password, Config.PoolConfig.DEFAULTS, clock);
    }

    /** The default number of connections of a PostgreSQL pool ({@code database.pool_size = 0}). */
    static final int POSTGRES_POOL_SIZE = 16;

    /** The default number of connections of a SQLite pool. */
    static final int SQLITE_POOL_SIZE = 8;

    /**
     * Opens a database by JDBC URL with a pool of the given size and wait, and migrates it. A request that finds every
     * connection busy waits at most the pool's wait, then fails with a {@link java.sql.SQLTransientConnectionException}
     * that the web layer answers with 503 and {@code Retry-After}: many requests at once queue for a bounded time
     * and never hang.
     *
     * @throws DatabaseException naming the URL when it cannot be opened or migrated
     */
    public static Database open(String url, String user, String password, Config.PoolConfig poolConfig, Clock clock) {
        Dialect dialect = Dialect.of(url);
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("callisto-db");
        if (dialect == Dialect.SQLITE) {
            Path file = Path.of(url.substring("jdbc:sqlite:".length()));
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (IOException e) {
                throw new DatabaseException(
                        "cannot create the data directory for " + file + ": " + e.getMessage()
                                + "; set data.dir to a writable directory",
                        e);
            }
            SQLiteConfig sc = new SQLiteConfig();
            sc.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sc.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            sc.setBusyTimeout(30_000);
            sc.enforceForeignKeys(true);
            // Writers take the write lock when they begin, so a transaction that reads first never fails with
            // SQLITE_BUSY on upgrading; waiting writers are then handled by the busy timeout.
            sc.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource ds = new SQLiteDataSource(sc);
            ds.setUrl(url);
            hc.setDataSource(ds);
            hc.setMaximumPoolSize(poolConfig.size() > 0 ? poolConfig.size() : SQLITE_POOL_SIZE);
        } else {
            hc.setJdbcUrl(url);
            if (user != null && !user.isEmpty()) {
                hc.setUsername(user);
            }
            if (password != null && !password.isEmpty()) {
                hc.setPassword(password);
            }
            int size = poolConfig.size() > 0 ? poolConfig.size() : POSTGRES_POOL_SIZE;
            hc.setMaximumPoolSize(size);
            hc.setMinimumIdle(Math.min(2, size));
            // When the server is away, a request must fail within two seconds, never hang: a connection is waited
            // for at most POSTGRES_CONNECTION_WAIT, a new one opened within a second, and a query that the network
            // swallowed is given up after SOCKET_TIMEOUT_SECONDS.
            hc.addDataSourceProperty("connectTimeout", "1");
            hc.addDataSourceProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
            hc.setValidationTimeout(1_000);
        }
        java.time.Duration wait = poolConfig.maxWait() != null
                ? poolConfig.maxWait()
                : dialect == Dialect.POSTGRES ? POSTGRES_CONNECTION_WAIT : SQLITE_CONNECTION_WAIT;
        hc.setConnectionTimeout(Math.max(250, wait.toMillis()));
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new DatabaseException(
                    "cannot open database " + url + ": " + rootMessage(e)
                            + "; check database.url, database.user and database.password",
                    e);
        }
        Database db = new Database(pool, dialect);
        try {
            new Migrations(db, clock).migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return db;
    }

    /**
     * Registers the connection pool's gauges in {@code registry}: {@code db.pool.connections} by state (active,
     * idle, total), {@code db.pool.pending} (threads waiting for a connection) and {@code db.pool.max}. Read from
     * HikariCP's pool MXBean at each scrape, so they work on a pool that is already running (HikariCP's own tracker
     * can only be set before the pool starts, and the pool starts before migrations, before any registry exists).
     */
    public void bindMetrics(MeterRegistry registry) {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        Tags db = Tags.of("pool", pool.getPoolName());
        Gauge.builder("db.pool.connections", bean, b -> b.getActiveConnections())
                .tags(db.and("state", "active"))
                .register(registry);
        Gauge.builder("db.pool.connections", bean, b -> b.getIdleConnections())
                .tags(db.and("state", "idle"))
                .register(registry);
        Gauge.builder("db.pool.connections", bean, b -> b.getTotalConnections())
                .tags(db.and("state", "total"))
                .register(registry);
        Gauge.builder("db.pool.pending", bean, b -> b.getThreadsAwaitingConnection())
                .tags(db)
                .description("Threads waiting for a database connection")
                .register(registry);
        Gauge.builder("db.pool.max", pool, p -> p.getMaximumPoolSize()).tags(db).register(registry);
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Borrows a connection; the caller closes it. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Runs {@code work} in one transaction, committing on success and rolling back on any exception. */
    public <T> T inTransaction(SqlWork<T> work) {
        boolean serialize = dialect == Dialect.SQLITE;
        if (serialize) {
            sqliteWriter.lock();
        }
        try {
            return transaction(work);
        } finally {
            if (serialize) {
                sqliteWriter.unlock();
            }
        }
    }

    private <T> T transaction(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException("transaction failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} with a connection in auto-commit mode. */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException("query failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code failure} (or a cause of it) says the database cannot be reached just now: no connection came
     * within the wait, or the server refused, dropped or is shutting down a connection (SQLSTATE classes 08 and
     * 57P). Such failures pass by themselves when the server is back.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether {@code failure} says every connection of this process's pool stayed busy for the pool's whole wait
     * ({@code database.pool_wait}) while the server itself answers: HikariCP's timeout without a connection failure
     * behind it. The site is busy rather than its database away.
     */
    public static boolean isPoolBusy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return t.getCause() == null;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
