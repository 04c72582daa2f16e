package com.liminaltransit.throttle;

import com.liminaltransit.config.DurationConverter;
import java.time.Duration;

/**
 * A token bucket's shape: up to {@code capacity} requests at once, refilled at {@code capacity} per
 * {@code period}. Written in config as {@code 10/1h}, {@code 60/1m} or {@code 5/30s}.
 *
 * @param capacity the burst, and the number allowed per period
 * @param period   how long a full refill takes
 */
record RateLimit(int capacity, Duration period) {

    RateLimit {
        if (capacity < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a capacity >= 1 and a positive period");
        }
    }

    /**
     * Parses {@code N/<duration>} for the setting {@code key}, the period in the one duration syntax of our
     * configuration ({@code 30s}, {@code 1m}, {@code 1h}); the error names the key and the value.
     */
    static RateLimit parse(String key, String text) {
        int slash = text.indexOf('/');
        try {
            if (slash < 0) {
                throw new IllegalArgumentException("no '/'");
            }
            return new RateLimit(
                    Integer.parseInt(text.substring(0, slash).strip()),
                    DurationConverter.parse(text.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    key + " must be a rate limit such as 60/1m (requests per period), not '" + text + "'", e);
        }
    }

    /** Tokens added per second. */
    double refillPerSecond() {
        return capacity / (period.toMillis() / 1000.0);
    }
}
