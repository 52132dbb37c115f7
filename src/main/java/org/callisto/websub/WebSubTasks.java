package org.callisto.websub;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where WebSub's network work runs: requests on virtual threads, at most {@code websub.concurrency} at once; retries
 * after a delay; and the periodic checks (leases to renew, topics that changed), one run at a time each. Nothing
 * submitted after {@link #close()} runs. Thread-safe.
 */
final class WebSubTasks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebSubTasks.class);

    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "callisto-websub-timer");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore slots;

    WebSubTasks(int concurrency) {
        this.slots = new Semaphore(concurrency, true);
    }

    /** Runs a request soon, when one of the slots is free. */
    void run(Runnable request) {
        submit(() -> {
            slots.acquireUninterruptibly();
            try {
                request.run();
            } finally {
                slots.release();
            }
        });
    }

    /** Runs a request after {@code delay}. */
    void later(Duration delay, Runnable request) {
        try {
            timer.schedule(() -> run(request), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("websub: not scheduled, stopping");
        }
    }

    /** Runs {@code check} every {@code interval}, never two runs at once; it holds no slot (what it sends does). */
    void every(Duration interval, Runnable check) {
        AtomicBoolean running = new AtomicBoolean();
        timer.scheduleWithFixedDelay(
                () -> {
                    if (running.compareAndSet(false, true)) {
                        submit(() -> {
                            try {
                                check.run();
                            } finally {
                                running.set(false);
                            }
                        });
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void submit(Runnable work) {
        try {
            workers.submit(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("websub: a task failed unexpectedly", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("websub: not run, stopping");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
