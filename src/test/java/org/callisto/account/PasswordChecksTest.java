package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasswordChecksTest {

    @Test
    void beyondTheThreadsAndTheQueueAChecksIsRefusedAsBusyAtOnce() throws Exception {
        PasswordChecks checks = new PasswordChecks(1, 1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = async(() -> checks.run(() -> {
            running.countDown();
            return release.await(30, TimeUnit.SECONDS);
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> queued = async(() -> checks.run(() -> "queued"));
        // the second one waits in the queue; give it a bounded moment to get there
        for (int i = 0; i < 200 && queueLength(checks) == 0 && !queued.isDone(); i++) {
            Thread.sleep(10);
        }
        CompletableFuture<String> third = async(() -> checks.run(() -> "third"));
        assertThatThrownBy(() -> third.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PasswordChecksBusy.class)
                .cause()
                .hasMessage("the site is busy checking other passwords right now; nothing was done, try again in a few"
                        + " seconds");
        assertThat(((PasswordChecksBusy) third.handle((r, e) -> e).get()).retryAfter())
                .contains(PasswordChecks.RETRY_AFTER);
        assertThat(checks.refusedCount()).isEqualTo(1);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("queued");
        assertThat(checks.run(() -> "after")).isEqualTo("after");
    }

    @Test
    void checksRunAtALowerPriorityThanThePagesOnLinux() throws Exception {
        assumeLinux();
        PasswordChecks checks = new PasswordChecks(1, 0);
        int callerNice = niceOfThisThread();
        int checkNice = checks.run(PasswordChecksTest::niceOfThisThread);
        assertThat(checkNice).isEqualTo(Math.max(callerNice, PasswordChecks.NICE));
        // the caller's own thread is untouched
        assertThat(niceOfThisThread()).isEqualTo(callerNice);
    }

    /** Field 19 of /proc/thread-self/stat, after the command name in parentheses (which may hold spaces). */
    private static int niceOfThisThread() throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    private static void assumeLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getProperty("os.name").equalsIgnoreCase("linux"), "nice values are per thread on Linux only");
    }

    @Test
    void checksOneAfterAnotherAreNeverRefusedEvenWithoutAQueue() {
        PasswordChecks checks = new PasswordChecks(1, 0);
        for (int i = 0; i < 2_000; i++) {
            int n = i;
            assertThat(checks.run(() -> n)).isEqualTo(n);
        }
        assertThat(checks.refusedCount()).isZero();
    }

    @Test
    void anExceptionOfTheWorkReachesTheCallerAsItIs() {
        PasswordChecks checks = new PasswordChecks(1, 0);
        assertThatThrownBy(() -> checks.run(() -> {
                    throw new AccountRefusal("refused inside");
                }))
                .isInstanceOf(AccountRefusal.class)
                .hasMessage("refused inside");
        assertThatThrownBy(() -> new PasswordChecks(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("journal.password_checks");
    }

    private static int queueLength(PasswordChecks checks) {
        return checks.waiting();
    }

    /** Runs {@code work} on a virtual thread of its own (the common pool may have a single thread here). */
    private static <T> CompletableFuture<T> async(java.util.function.Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}
