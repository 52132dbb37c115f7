package org.callisto.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command ({@code serve}, {@code demo}) stop cleanly on Ctrl-C or SIGTERM: the JVM's shutdown
 * hook wakes the command, which closes its resources in order and says so; the hook waits for that (at most
 * {@link #GRACE_SECONDS}) and the JVM exits at once after. Thread-safe.
 */
final class ShutdownSignal {
    /** The longest the JVM waits for a command to close its resources. */
    static final int GRACE_SECONDS = 10;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    private ShutdownSignal() {}

    /** Registers the hook; call {@link #await} next, then {@link #closed} once resources are closed. */
    static ShutdownSignal register() {
        ShutdownSignal signal = new ShutdownSignal();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            signal.stop.countDown();
                            try {
                                signal.closed.await(GRACE_SECONDS, TimeUnit.SECONDS);
                            } catch (InterruptedException ignored) {
                                // exiting anyway
                            }
                        },
                        "callisto-shutdown"));
        return signal;
    }

    /** Blocks until the JVM is asked to stop. */
    void await() throws InterruptedException {
        stop.await();
    }

    /** Tells the hook that everything is closed. */
    void closed() {
        closed.countDown();
    }
}
