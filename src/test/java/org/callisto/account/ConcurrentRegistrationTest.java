package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.callisto.config.Config.Registration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Races between registrations end in one account and clear refusals, never in a database error. */
class ConcurrentRegistrationTest {
    private static final int RACERS = 8;
    private static final String PW = TestAccounts.PASSWORD;

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void oneInvitationMakesOneAccountWhenUsedAtOnce(String kind) throws InterruptedException {
        try (TestAccounts t = new TestAccounts(kind, Registration.INVITE)) {
            t.user("bob", Role.MEMBER);
            String code = t.accounts.invite(t.login("bob")).code();
            List<Object> outcomes = race(i -> () -> t.accounts.register("racer" + i, PW, code, "192.0.2." + i));
            assertThat(outcomes).filteredOn(User.class::isInstance).hasSize(1);
            assertThat(outcomes)
                    .filteredOn(String.class::isInstance)
                    .hasSize(RACERS - 1)
                    .allMatch(Accounts.INVITATION_UNUSABLE::equals);
            assertThat(t.accounts.store().users()).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void oneNameInDifferentCasesMakesOneAccountWhenRegisteredAtOnce(String kind) throws InterruptedException {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            List<Object> outcomes =
                    race(i -> () -> t.accounts.register(i % 2 == 0 ? "Racer" : "rACER", PW, null, "192.0.2." + i));
            assertThat(outcomes).filteredOn(User.class::isInstance).hasSize(1);
            assertThat(outcomes)
                    .filteredOn(String.class::isInstance)
                    .hasSize(RACERS - 1)
                    .allMatch(Accounts.NAME_UNAVAILABLE::equals);
        }
    }

    /** Runs RACERS registrations at once; each outcome is the User made or the refusal's message. */
    private static List<Object> race(IntFunction<Supplier<User>> racer) throws InterruptedException {
        ConcurrentLinkedQueue<Object> outcomes = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Supplier<User> body = racer.apply(i);
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    outcomes.add(body.get());
                } catch (AccountRefusal e) {
                    outcomes.add(e.getMessage());
                } catch (RuntimeException | InterruptedException e) {
                    outcomes.add(e);
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return List.copyOf(outcomes);
    }
}
