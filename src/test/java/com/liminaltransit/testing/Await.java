package com.liminaltransit.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting in tests: poll the condition itself, with a bound, never sleep a fixed time and hope. A loaded CI machine
 * makes everything slower, so a fixed sleep is either too long on a quiet machine or too short on a busy one; a
 * bounded poll is as fast as the machine allows and fails with a message that says what never happened.
 */
public final class Await {

    /** How often a condition is looked at: often enough to be prompt, rare enough not to load the server. */
    private static final Duration POLL = Duration.ofMillis(50);

    private Await() {}

    /**
     * Polls {@code condition} until it holds or {@code timeout} passes; throws an {@link AssertionError} naming
     * {@code what} if it never held. Exceptions thrown by the condition propagate at once (a probe decides what
     * "not yet" means).
     */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        if (!within(timeout, condition)) {
            throw new AssertionError(what + ": not reached within " + seconds(timeout));
        }
    }

    /**
     * Polls {@code probe} until its value satisfies {@code done} and returns that value, or throws an
     * {@link AssertionError} naming {@code what} and the last value seen once {@code timeout} passes.
     */
    public static <T> T until(Duration timeout, String what, Supplier<T> probe, Predicate<? super T> done) {
        Objects.requireNonNull(done, "done");
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError(what + ": not reached within " + seconds(timeout) + "; last seen: " + last);
            }
            pause();
            last = probe.get();
        }
        return last;
    }

    /**
     * Polls {@code condition} until it holds (then {@code true}) or {@code timeout} passes ({@code false}), for
     * callers that report a timeout their own way.
     */
    public static boolean within(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            pause();
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
