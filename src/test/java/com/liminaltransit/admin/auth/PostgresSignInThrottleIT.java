package com.liminaltransit.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.testing.Postgres;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sign-in throttle's claims and counts on a real PostgreSQL through the real migrations: racing attempts for one
 * name are admitted at most {@code failures-per-user} times in all, and a known address passes the lock.
 */
class PostgresSignInThrottleIT {

    private static Database database;
    private static LoginThrottle throttle;

    @BeforeAll
    static void openPostgres() {
        database = new Database(Postgres.newDatabase("sign_in"), Optional.of("postgres"), Optional.empty(), 8);
        database.migrateOnStart(null);
        LoginLimits limits = new LoginLimits();
        limits.failuresPerUser = 5;
        limits.failuresPerAddress = 20;
        limits.failureWindow = Duration.ofMinutes(15);
        limits.knownAddressLife = Duration.ofDays(30);
        limits.attemptLease = Duration.ofSeconds(10);
        throttle = new LoginThrottle(database, limits, Clock.systemUTC());
    }

    @AfterAll
    static void closePool() {
        database.close();
    }

    @Test
    void fortyRacingAttemptsForOneNameAreAdmittedFiveTimesInAll() throws Exception {
        int admitted = 0;
        for (int round = 0; round < 20 && admitted < 5; round++) {
            admitted += burst("ada", "10.0.0.66");
            assertThat(admitted).isLessThanOrEqualTo(5);
        }
        assertThat(admitted).isEqualTo(5);
        assertThat(burst("ada", "10.0.0.67")).as("locked from elsewhere too").isZero();
        assertThat(throttle.admit("ada", "10.0.0.68")).isInstanceOf(LoginThrottle.Refused.class);
    }

    @Test
    void anAddressTheWriterSignedInFromPassesTheLockOnHerName() {
        LoginThrottle.Admission desk = throttle.admit("bo", "10.1.0.1");
        assertThat(desk).isInstanceOf(LoginThrottle.Admitted.class);
        throttle.succeeded((LoginThrottle.Admitted) desk);
        for (int i = 0; i < 5; i++) {
            throttle.failed((LoginThrottle.Admitted) throttle.admit("bo", "10.6.6.6"));
        }

        assertThat(throttle.admit("bo", "10.6.6.6")).isInstanceOf(LoginThrottle.Refused.class);
        LoginThrottle.Admission again = throttle.admit("bo", "10.1.0.1");
        assertThat(again)
                .isInstanceOfSatisfying(
                        LoginThrottle.Admitted.class,
                        a -> assertThat(a.throughLock()).isTrue());
        throttle.succeeded((LoginThrottle.Admitted) again);
        assertThat(throttle.admit("bo", "10.6.6.6")).isInstanceOf(LoginThrottle.Refused.class);
    }

    /** Forty attempts at once, each a wrong password when admitted; returns how many were admitted. */
    private static int burst(String name, String address) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(pool.submit(() -> {
                    assertThat(go.await(30, TimeUnit.SECONDS)).isTrue();
                    LoginThrottle.Admission admission = throttle.admit(name, address);
                    if (admission instanceof LoginThrottle.Admitted attempt) {
                        throttle.failed(attempt);
                        return true;
                    }
                    return false;
                }));
            }
            go.countDown();
            int admitted = 0;
            for (Future<Boolean> answer : answers) {
                admitted += answer.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return admitted;
        } finally {
            pool.shutdownNow();
        }
    }
}
