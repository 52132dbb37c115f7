package org.callisto.account;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place argon2id work runs: a fixed pool of {@code size} threads with a queue of {@code queue} waiting
 * checks. Each check costs 19 MiB and tens of milliseconds of a processor, so without a bound a flood of logins
 * takes every processor and every page slows down with them. With it, at most {@code size} checks run at once and
 * at most {@code queue} wait; anything beyond is refused at once with {@link PasswordChecksBusy}, which the web
 * answers with 503 and {@code Retry-After}, so a flood costs the site a fixed share of its processors and memory.
 *
 * <p>Admission is counted with a semaphore of {@code size + queue} permits, each given back when its check ends (or
 * is cancelled), rather than by the executor's queue: with a queue of zero, an executor would refuse a check that
 * arrives in the instant between one check ending and its thread asking for the next.
 *
 * <p>The checking threads run at a lower priority ({@link #NICE}, through {@link LowPriorityThreads}): with the
 * pool busy, pages still get the processors first.
 *
 * <p>The caller waits for its own check (its thread, a virtual thread under the web server, parks meanwhile); the
 * wait is bounded by the queue's length times the cost of one check. Threads are daemons and end after a minute
 * idle, so a pool that is not closed holds nothing. Refusals are logged at most once a minute, with their count.
 *
 * <p>Thread-safe.
 */
public final class PasswordChecks {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordChecks.class);
    /** What a busy refusal asks the browser to wait. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    /**
     * The nice value of the checking threads (Linux): they run on what the pages leave of the processors, so a flood
     * of logins slows logins, not pages.
     */
    static final int NICE = 10;

    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final ThreadPoolExecutor pool;
    private final Semaphore admitted;
    private final int size;
    private final int queue;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    /**
     * A pool of {@code size} checks at once with {@code queue} waiting.
     *
     * @throws IllegalArgumentException when size is below 1 or queue below 0
     */
    public PasswordChecks(int size, int queue) {
        if (size < 1 || queue < 0) {
            throw new IllegalArgumentException("password check pool of " + size + " threads and a queue of " + queue
                    + " is invalid; use at least 1 thread and a queue of 0 or more"
                    + " (journal.password_checks, journal.password_queue)");
        }
        this.size = size;
        this.queue = queue;
        this.admitted = new Semaphore(size + queue);
        // unbounded here: the semaphore bounds what is admitted
        this.pool = new ThreadPoolExecutor(
                size,
                size,
                1,
                TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(),
                LowPriorityThreads.factory(
                        Thread.ofPlatform()
                                .name("password-check-", 0)
                                .daemon(true)
                                .factory(),
                        NICE),
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /** Checks that may run at once. */
    public int size() {
        return size;
    }

    /** Checks that may wait for a thread. */
    public int queue() {
        return queue;
    }

    /** Checks waiting for a thread now. */
    int waiting() {
        return pool.getQueue().size();
    }

    /** How many checks were refused as busy since start. */
    public long refusedCount() {
        return refused.get();
    }

    /**
     * Whether every check is running and the queue is full, so that the next one would be refused: the web asks
     * before it reads a login form, and refuses at once without reading the body ({@link #refuse()}).
     */
    public boolean full() {
        return admitted.availablePermits() == 0;
    }

    /** Counts and returns the refusal of a check that was not even tried because the pool was {@link #full()}. */
    public PasswordChecksBusy refuse() {
        busy();
        return new PasswordChecksBusy(RETRY_AFTER);
    }

    /**
     * Runs {@code work} (a hash or a check) in the pool and returns its result.
     *
     * @throws PasswordChecksBusy when {@code size} checks run and {@code queue} wait already
     */
    public <T> T run(Callable<T> work) {
        if (!admitted.tryAcquire()) {
            busy();
            throw new PasswordChecksBusy(RETRY_AFTER);
        }
        // the permit goes back when the work ends, before its result is handed over (so the caller's next check
        // finds it), or when the task is cancelled before it ran; once either way
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable release = () -> {
            if (held.compareAndSet(true, false)) {
                admitted.release();
            }
        };
        FutureTask<T> future =
                new FutureTask<>(() -> {
                    try {
                        return work.call();
                    } finally {
                        release.run();
                    }
                }) {
                    @Override
                    protected void done() {
                        release.run();
                    }
                };
        try {
            pool.execute(future);
        } catch (RejectedExecutionException e) {
            release.run();
            busy();
            throw new PasswordChecksBusy(RETRY_AFTER);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PasswordChecksBusy(RETRY_AFTER);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("password check failed: " + e.getCause(), e.getCause());
        }
    }

    private void busy() {
        long count = refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastLog.compareAndSet(last, now)) {
            LOG.warn(
                    "password checks busy: {} running and {} waiting (journal.password_checks = {},"
                            + " journal.password_queue = {}); refused {} logins, registrations or password changes"
                            + " with 503 so far",
                    size,
                    queue,
                    size,
                    queue,
                    count);
        }
    }
}
